#!/usr/bin/env node
// `npm run dev`: n8n with this node loaded, rebuilt on every change. What `n8n-node dev` (@n8n/node-cli) does,
// with the n8n this package is tested against (scripts/install-n8n.sh, 2.41.1) instead of n8n@latest, and with
// this package's own build (tsconfig.build.json and the icons), which `n8n-node dev`'s plain `tsc --watch` lacks.
//
//   npm run dev [-- --port 5678] [--user-folder ~/.n8n-node-cli]
//
// The package is linked into <user folder>/.n8n/custom/node_modules, where n8n loads custom nodes from, and
// n8n runs with N8N_DEV_RELOAD=true: it reloads the node when dist/ changes. Ctrl+C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, watch } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureN8n } from '../test/e2e/lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : fallback;
};
const port = option('port', process.env.N8N_PORT ?? '5678');
const userFolder = option('user-folder', join(homedir(), '.n8n-node-cli'));
const { name } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const bin = (tool) => join(ROOT, 'node_modules', '.bin', tool);
const say = (message) => console.log(`[dev] ${message}`);

const n8n = ensureN8n();

say('building once');
for (const [tool, args] of [['tsc', ['-p', 'tsconfig.build.json']], ['gulp', ['build:icons']]]) {
	const result = spawnSync(bin(tool), args, { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

// The link n8n loads the package through, as `n8n-node dev` makes it.
const modules = join(userFolder, '.n8n', 'custom', 'node_modules');
mkdirSync(modules, { recursive: true });
const link = join(modules, name);
if (existsSync(link) || lstatSync(link, { throwIfNoEntry: false })) rmSync(link, { recursive: true, force: true });
symlinkSync(ROOT, link, 'dir');
say(`linked ${link} -> ${ROOT}`);

const children = [];
function run(label, command, args, options = {}) {
	// Its own process group, so stopping it also stops what it started (n8n's task runners).
	const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
	child.label = label;
	const prefix = (chunk) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${label}] `));
	child.stdout.on('data', prefix);
	child.stderr.on('data', prefix);
	child.on('exit', (code) => {
		say(`${label} exited (${code})`);
		stop(code ?? 0);
	});
	children.push(child);
	return child;
}

run('tsc', bin('tsc'), ['-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput']);

// Icons and codex files are copied, not compiled: copy them again when one changes.
let copying;
const copyStatic = () => {
	clearTimeout(copying);
	copying = setTimeout(() => spawnSync(bin('gulp'), ['build:icons'], { cwd: ROOT, stdio: 'ignore' }), 200);
};
const watchers = ['nodes', 'credentials'].map((folder) =>
	watch(join(ROOT, folder), { recursive: true }, (_event, file) => {
		if (file && /\.(svg|png|node\.json)$/.test(file)) copyStatic();
	}),
);

run('n8n', n8n.nodeBin, [n8n.n8nBin, 'start'], {
	cwd: userFolder,
	env: {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_DEV_RELOAD: 'true',
		N8N_PORT: port,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		DB_SQLITE_POOL_SIZE: '10',
		N8N_DIAGNOSTICS_ENABLED: 'false',
	},
});
say(`n8n ${n8n.version} starting on http://127.0.0.1:${port} (user folder ${userFolder}); Ctrl+C stops`);

const signalGroup = (child, signal) => {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
};

/** Stops tsc and n8n (n8n shuts down gracefully; after 30 s it is killed), then exits. */
let stopping = false;
function stop(code = 0) {
	if (stopping) return;
	stopping = true;
	for (const watcher of watchers) watcher.close();
	const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
	say(`stopping ${running.map((child) => child.label).join(' and ') || 'nothing left'}`);
	for (const child of running) signalGroup(child, 'SIGTERM');
	const kill = setTimeout(() => running.forEach((child) => signalGroup(child, 'SIGKILL')), 30_000);
	Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve)))).then(() => {
		clearTimeout(kill);
		process.exit(code);
	});
}
// test/e2e/lib.mjs exits at once on these signals (its servers die with it); here n8n gets to shut down first.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.removeAllListeners(signal);
	process.on(signal, () => stop(0));
}
