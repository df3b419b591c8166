// ESLint for the code that runs in Node and is never published (tests, benchmarks, scripts): the TypeScript rules
// of n8n-node's config (ESLint's and typescript-eslint's recommended), without n8n's community-node restrictions
// (no fs, process or timers), which are for the nodes n8n loads. bench/ and scripts/ re-export it. `n8n-node lint`
// finds these files with ESLint's unstable_config_lookup_from_file flag, so the root eslint.config.mjs stays
// exactly the one n8n ships (strict mode).
import { createRequire } from 'node:module';

// The same copies @n8n/node-cli's config uses.
const fromNodeCli = createRequire(createRequire(import.meta.url).resolve('@n8n/node-cli/eslint'));
const js = fromNodeCli('@eslint/js');
const tseslint = fromNodeCli('typescript-eslint');

export default tseslint.config({
	files: ['**/*.ts'],
	extends: [js.configs.recommended, tseslint.configs.recommended],
});
