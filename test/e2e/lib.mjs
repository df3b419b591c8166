// Shared plumbing for the end-to-end suite (test/e2e/run.mjs) and the demo
// (scripts/demo.mjs): install the pinned n8n, pack this package and install it
// as a community package, run the n8n CLI, start local servers.
//
// Every server started here listens on 127.0.0.1 only and runs under
// coreutils `timeout`, so it stops by itself even if this process dies.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The package under test: this repository, or another checkout of it (E2E_PACKAGE_DIR, e.g. a branch). */
export const PACKAGE_DIR = resolve(process.env.E2E_PACKAGE_DIR ?? ROOT);
export const PACKAGE = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8'));
export const NODE_TYPE = `${PACKAGE.name}.openAiPlatform`;
export const CREDENTIAL_TYPE = 'openAiPlatformApi';
/** Placeholder credential id used in workflow files; replaced at import. */
export const CREDENTIAL_PLACEHOLDER_ID = 'openAiPlatformCredential';
export const SPEC = process.env.OPENAI_SPEC ?? resolve(ROOT, 'spec', 'openai-openapi', 'openapi.yaml');

const quiet = { update_notifier: 'false', fund: 'false', audit: 'false', loglevel: 'error' };
const npmEnv = () => ({
	...process.env,
	...Object.fromEntries(Object.entries(quiet).map(([k, v]) => [`npm_config_${k}`, v])),
});

// Ctrl-C or a TERM goes through process.exit, so the 'exit' hooks below stop
// every server this process started (their process groups get SIGKILL).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.once(signal, () => process.exit(130));
}

export function log(...args) {
	console.log('[e2e]', ...args);
}

export function elapsed(start) {
	return `${((Date.now() - start) / 1000).toFixed(1)}s`;
}

// --------------------------------------------------------------- install ----

/** Runs scripts/install-n8n.sh (idempotent) and returns where n8n and Node 24 are. */
export function ensureN8n() {
	const start = Date.now();
	const result = spawnSync('bash', [join(ROOT, 'scripts', 'install-n8n.sh')], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		env: npmEnv(),
		timeout: 25 * 60 * 1000,
	});
	if (result.status !== 0) throw new Error(`scripts/install-n8n.sh failed (exit ${result.status ?? result.signal})`);
	const n8nDir = result.stdout.trim().split('\n').pop();
	const cache = dirname(n8nDir);
	const nodeVersion = process.env.NODE24_VERSION ?? '24.21.0';
	const nodeBin = join(cache, `node-${nodeVersion}`, 'node_modules', 'node', 'bin', 'node');
	const n8nBin = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
	const version = JSON.parse(readFileSync(join(n8nDir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
	log(`n8n ${version} ready in ${elapsed(start)} (${n8nDir})`);
	return { n8nDir, nodeBin, n8nBin, version };
}

/** `npm run build` (unless skipped) then `npm pack`; returns the tarball path. */
export function packPackage({ build = process.env.E2E_SKIP_BUILD !== '1', dest = mkdtempSync(join(tmpdir(), 'oap-pack-')) } = {}) {
	if (build) {
		const start = Date.now();
		const b = spawnSync('npm', ['run', 'build'], { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: npmEnv() });
		if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}\n${b.stderr}`);
		log(`built in ${elapsed(start)}`);
	}
	if (!existsSync(join(PACKAGE_DIR, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const p = spawnSync('npm', ['pack', '--json', '--pack-destination', dest], {
		cwd: PACKAGE_DIR,
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		env: npmEnv(),
	});
	if (p.status !== 0) throw new Error(`npm pack failed:\n${p.stderr}`);
	const [info] = JSON.parse(p.stdout);
	const tarball = join(dest, info.filename);
	log(`packed ${info.filename} (${info.entryCount} files, ${(info.size / 1024).toFixed(0)} kB)`);
	return tarball;
}

/**
 * Installs a packed tarball into <userFolder>/.n8n/nodes the way n8n's
 * community-nodes screen does (CommunityPackagesService.downloadPackage in
 * n8n 2.41): extract into nodes/node_modules/<name>, drop dev/peer/optional
 * dependencies from its package.json, `npm install` its runtime dependencies
 * with scripts off, and record it in nodes/package.json.
 */
export function installCommunityPackage(userFolder, tarball) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE.name);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	const tar = spawnSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], { encoding: 'utf8' });
	if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
	const pkgPath = join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(readFileSync(pkgPath, 'utf8'));
	writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
	const npm = spawnSync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: npmEnv() },
	);
	if (npm.status !== 0) throw new Error(`npm install in ${packageDir} failed:\n${npm.stderr}`);
	const ledgerPath = join(nodesDir, 'package.json');
	const ledger = existsSync(ledgerPath)
		? JSON.parse(readFileSync(ledgerPath, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	ledger.dependencies = { ...ledger.dependencies, [pkg.name]: pkg.version };
	writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
	log(`installed ${pkg.name}@${pkg.version} into ${nodesDir}`);
	return packageDir;
}

// ------------------------------------------------------------------- n8n ----

export function freePort() {
	return new Promise((resolvePort, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolvePort(port));
		});
	});
}

/** Environment for an n8n process with a throwaway user folder. */
export function n8nEnv(userFolder, extra = {}) {
	const env = { ...process.env };
	// Keep the outer npm/node settings (npm_config_*, NODE_OPTIONS) out of n8n.
	for (const key of Object.keys(env)) if (key.startsWith('npm_') || key === 'NODE_OPTIONS') delete env[key];
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'e2e-encryption-key-not-a-secret',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_PYTHON_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false', // n8n 1.x name; 2.x runs JS task runners internally anyway
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// No calls to api.n8n.io: the vetted community-node list and the MCP server registry.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_LOG_LEVEL: 'info',
		DB_SQLITE_POOL_SIZE: '1',
		...extra,
	};
}

/** Runs an n8n CLI command to completion. Resolves { code, stdout, stderr, ms }. */
export async function runN8n(n8n, userFolder, args, { timeoutMs = 120_000, env = {} } = {}) {
	const brokerPort = await freePort();
	const start = Date.now();
	return await new Promise((resolveRun) => {
		const child = spawn(n8n.nodeBin, [n8n.n8nBin, ...args], {
			cwd: userFolder,
			env: n8nEnv(userFolder, { N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolveRun({ code: code ?? signal, stdout, stderr, ms: Date.now() - start });
		});
	});
}

/** `n8n execute --rawOutput` prints log lines, then the run as pretty JSON. */
export function parseRawOutput(stdout) {
	const at = stdout.search(/^\{\s*$/m);
	if (at < 0) return undefined;
	try {
		return JSON.parse(stdout.slice(at));
	} catch {
		// Log lines after the JSON: cut at the last closing brace on its own line.
		const end = stdout.lastIndexOf('\n}');
		try {
			return JSON.parse(stdout.slice(at, end + 2));
		} catch {
			return undefined;
		}
	}
}

/** The lines of n8n's output that talk about this package and sound like trouble. */
export function packageWarnings(text) {
	// The cache folder's own name contains the package name: ignore paths into it.
	const cacheRoot = resolve(process.env.N8N_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-openai-platform'));
	return text
		.split(cacheRoot)
		.join('<cache>')
		.split('\n')
		.filter((line) => /openai-platform|openAiPlatform/i.test(line))
		.filter((line) => /warn|error|fail|deprecat|unrecogni|invalid|could not|cannot/i.test(line));
}

/** A stable n8n id (letters and digits) derived from a name. */
export function stableId(name, prefix = 'e2e') {
	return `${prefix}${createHash('sha1').update(name).digest('hex').slice(0, 13)}`;
}

/**
 * Reads workflow files, gives each a stable id, and points every node of our
 * type at the given credential. Returns [{ file, id, name, workflow }].
 */
export function prepareWorkflows(files, credential, idPrefix = 'e2e') {
	return files.map((file) => {
		const workflow = JSON.parse(readFileSync(file, 'utf8'));
		const name = basename(file, '.json');
		workflow.id = stableId(name, idPrefix);
		workflow.name = workflow.name ?? name;
		workflow.active = false;
		for (const node of workflow.nodes ?? []) {
			if (node.type === NODE_TYPE) {
				node.credentials = { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } };
			}
		}
		return { file, id: workflow.id, name, workflow };
	});
}

/**
 * What the installed node offers: { resource: [operation, ...] }, read from its
 * description with n8n's own n8n-workflow under Node 24.
 */
export function nodeOperations(n8n, packageDir) {
	const file = join(packageDir, 'dist', 'nodes', 'OpenAiPlatform', 'OpenAiPlatform.node.js');
	const script = `const { OpenAiPlatform } = require(${JSON.stringify(file)});
		const props = new OpenAiPlatform().description.properties;
		const out = {};
		for (const r of props.find((p) => p.name === 'resource').options) {
			const op = props.find((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(r.value));
			out[r.value] = (op?.options ?? []).map((o) => o.value);
		}
		console.log(JSON.stringify(out));`;
	const r = spawnSync(n8n.nodeBin, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_PATH: join(n8n.n8nDir, 'node_modules') } });
	if (r.status !== 0) throw new Error(`could not read the node's description:\n${r.stderr}`);
	return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Imports one credential (or a list of them) and a set of prepared workflows with the n8n CLI. */
export async function importAll(n8n, userFolder, credential, prepared) {
	const dir = mkdtempSync(join(tmpdir(), 'oap-import-'));
	const credFile = join(dir, 'credential.json');
	writeFileSync(credFile, JSON.stringify([credential].flat(), null, 2));
	let r = await runN8n(n8n, userFolder, ['import:credentials', `--input=${credFile}`]);
	if (r.code !== 0) throw new Error(`import:credentials failed:\n${r.stdout}\n${r.stderr}`);
	const wfDir = join(dir, 'workflows');
	mkdirSync(wfDir);
	for (const p of prepared) writeFileSync(join(wfDir, `${p.name}.json`), JSON.stringify(p.workflow, null, 2));
	r = await runN8n(n8n, userFolder, ['import:workflow', '--separate', `--input=${wfDir}`]);
	if (r.code !== 0) throw new Error(`import:workflow failed:\n${r.stdout}\n${r.stderr}`);
	rmSync(dir, { recursive: true, force: true });
	return r;
}

/** Executes one imported workflow; resolves { run, code, stdout, stderr, ms }. */
export async function executeWorkflow(n8n, userFolder, id, opts) {
	const r = await runN8n(n8n, userFolder, ['execute', `--id=${id}`, '--rawOutput'], opts);
	return { ...r, run: parseRawOutput(r.stdout) };
}

// --------------------------------------------------------------- servers ----

/**
 * Spawns a long-running program under `timeout`, resolves once `readyLine`
 * appears in its output (or `probe()` answers). Returns { child, stop, output }.
 */
export async function startServer(command, args, { readyLine, probe, lifetimeSeconds = 1800, env, cwd, name = command, readyTimeoutMs = 90_000 } = {}) {
	// Its own process group, so stopping it also stops what it started (n8n's task runner).
	const child = spawn('timeout', ['--signal=TERM', '--kill-after=10', String(lifetimeSeconds), command, ...args], {
		env,
		cwd,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const signalGroup = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			// already gone
		}
	};
	let output = '';
	let exited = false;
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	child.on('exit', () => (exited = true));
	const stop = async () => {
		if (exited) return;
		signalGroup('SIGTERM');
		await new Promise((r) => {
			const t = setTimeout(() => {
				signalGroup('SIGKILL');
				r();
			}, 15_000);
			child.once('exit', () => {
				clearTimeout(t);
				r();
			});
		});
	};
	process.once('exit', () => signalGroup('SIGKILL'));
	const deadline = Date.now() + readyTimeoutMs;
	while (Date.now() < deadline) {
		if (exited) throw new Error(`${name} exited early:\n${output.slice(-3000)}`);
		if (readyLine && readyLine.test(output)) return { child, stop, output: () => output };
		if (probe && (await probe().catch(() => false))) return { child, stop, output: () => output };
		await new Promise((r) => setTimeout(r, 250));
	}
	await stop();
	throw new Error(`${name} did not become ready in ${readyTimeoutMs / 1000}s:\n${output.slice(-3000)}`);
}

/**
 * steady, the OpenAPI mock: schema-valid (random) replies, rejects requests that break the spec.
 * Multipart arrays and objects are read the way OpenAI's SDKs send them
 * (`timestamp_granularities[]=word`, `expires_after[anchor]=created_at`), as in the contract tests.
 */
export async function startSteady(port) {
	const bin = join(ROOT, 'node_modules', '.bin', 'steady');
	if (!existsSync(bin)) throw new Error('steady is missing: run `npm install` (devDependency @stdy/cli)');
	if (!existsSync(SPEC)) throw new Error(`OpenAPI spec not found at ${SPEC} (set OPENAI_SPEC)`);
	const server = await startServer(bin, [
			'--host',
			'127.0.0.1',
			'-p',
			String(port),
			'--log-level',
			'details',
			// steady switches to GitHub-annotation output when it sees CI; the
			// violation check below reads the text format.
			'--log-format',
			'text',
			'--no-color',
			'--validator-form-array-format',
			'brackets',
			'--validator-form-object-format',
			'brackets',
			'--validator-query-object-format',
			'brackets',
			SPEC,
		], {
		// The port answering, not a log line: the wording differs between steady's formats.
		probe: async () => (await fetch(`http://127.0.0.1:${port}/models`)).status > 0,
		name: 'steady',
		lifetimeSeconds: 1800,
	});
	return { ...server, url: `http://127.0.0.1:${port}` };
}

/** `n8n start` on 127.0.0.1:<port>; resolves once /healthz/readiness answers. */
export async function startN8nServer(n8n, userFolder, port, { lifetimeSeconds = 1800, env = {} } = {}) {
	const brokerPort = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const server = await startServer(n8n.nodeBin, [n8n.n8nBin, 'start'], {
		cwd: userFolder,
		env: n8nEnv(userFolder, {
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_EDITOR_BASE_URL: base,
			WEBHOOK_URL: `${base}/`,
			...env,
		}),
		probe: async () => (await fetch(`${base}/healthz/readiness`)).ok,
		name: 'n8n start',
		lifetimeSeconds,
		readyTimeoutMs: 180_000,
	});
	return { ...server, url: base };
}

/** A cookie-keeping REST client for n8n's internal API. */
export function restClient(base) {
	let cookie = '';
	const call = async (method, path, body) => {
		const res = await fetch(`${base}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': 'e2e-browser',
				...(cookie ? { cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const set = res.headers.getSetCookie?.() ?? [];
		if (set.length) cookie = set.map((c) => c.split(';')[0]).join('; ');
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text };
	};
	return { call, cookie: () => cookie };
}

export const OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-password-123' };

/** Sets up the owner account (first run) and logs in. */
export async function setupOwner(rest) {
	let r = await rest.call('POST', '/rest/owner/setup', OWNER);
	if (r.status >= 400) {
		r = await rest.call('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		if (r.status >= 400) throw new Error(`owner setup and login failed: ${r.status} ${r.text.slice(0, 300)}`);
	}
	return r.json?.data;
}

export function listJson(dir) {
	return existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.json'))
				.sort()
				.map((f) => join(dir, f))
		: [];
}

// ---------------------------------------------------------------- browser ----

export const PLAYWRIGHT_VERSION = '1.65.1';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/**
 * playwright-core: the project's devDependency when present, otherwise a copy
 * installed once into the e2e cache folder (it downloads no browser: we drive
 * Debian's chromium).
 */
export async function loadPlaywright() {
	const { createRequire } = await import('node:module');
	try {
		return createRequire(join(ROOT, 'package.json'))('playwright-core');
	} catch {
		const cache = resolve(process.env.N8N_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-openai-platform'));
		const dir = join(cache, `playwright-core-${PLAYWRIGHT_VERSION}`);
		if (!existsSync(join(dir, 'node_modules', 'playwright-core', 'package.json'))) {
			mkdirSync(dir, { recursive: true });
			writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'e2e-playwright', private: true, dependencies: { 'playwright-core': PLAYWRIGHT_VERSION } }));
			const r = spawnSync('npm', ['install', '--no-package-lock'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: npmEnv() });
			if (r.status !== 0) throw new Error(`could not install playwright-core: ${r.stderr}`);
		}
		return createRequire(join(dir, 'package.json'))('playwright-core');
	}
}
