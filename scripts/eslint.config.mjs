export { default } from '../eslint.node-code.mjs';
