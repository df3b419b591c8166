const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc compiles only TypeScript; n8n reads icons and codex files from dist, beside the compiled node.
const copy = (glob, to) => () => src(path.resolve(glob), { encoding: false }).pipe(dest(path.resolve(to)));

task(
	'build:icons',
	parallel(
		copy('nodes/**/*.{png,svg}', 'dist/nodes'),
		copy('nodes/**/*.node.json', 'dist/nodes'),
		copy('credentials/**/*.{png,svg}', 'dist/credentials'),
	),
);
