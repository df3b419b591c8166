#!/usr/bin/env node
// End-to-end suite in real n8n (`npm run test:e2e`).
//
//  1. Installs the pinned n8n with Node 24 into a cache folder (scripts/install-n8n.sh).
//  2. Builds and packs this package, installs the tarball into a throwaway
//     N8N_USER_FOLDER/.n8n/nodes as n8n's community-nodes screen does.
//  3. Starts steady (OpenAI's OpenAPI spec) on 127.0.0.1, imports a credential
//     and test/e2e/workflows/*.json with the n8n CLI, runs each with
//     `n8n execute --id`, and checks every node's output (test/e2e/checks.mjs).
//  4. Starts `n8n start`: checks the node and credential types are served and
//     the credential test passes through n8n's REST API; then drives the
//     editor in Debian's Chromium (test/e2e/editor.mjs).
//
// Prints "N passed, M failed" and exits non-zero when anything failed.
//
// Options: --only a,b (workflow names)  --no-editor  --no-server  --keep (keep the user folder)
// Env: E2E_SKIP_BUILD=1 (use dist/ as is), N8N_VERSION, N8N_E2E_CACHE, OPENAI_SPEC, E2E_SKIP_EDITOR=1
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { checks } from './checks.mjs';
import {
	CREDENTIAL_TYPE,
	NODE_TYPE,
	ROOT,
	elapsed,
	ensureN8n,
	executeWorkflow,
	freePort,
	importAll,
	installCommunityPackage,
	listJson,
	log,
	packPackage,
	packageWarnings,
	prepareWorkflows,
	restClient,
	setupOwner,
	startN8nServer,
	startSteady,
} from './lib.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : undefined;
};

const results = [];
function record(name, ok, detail = '', ms) {
	results.push({ name, ok, detail });
	const time = ms === undefined ? '' : ` (${(ms / 1000).toFixed(1)}s)`;
	console.log(`${ok ? '  ✓' : '  ✗'} ${name}${time}${ok || !detail ? '' : `\n      ${detail.split('\n').join('\n      ')}`}`);
}
async function step(name, fn) {
	const start = Date.now();
	try {
		const detail = await fn();
		record(name, true, detail ?? '', Date.now() - start);
		return true;
	} catch (error) {
		record(name, false, error?.stack ?? String(error), Date.now() - start);
		return false;
	}
}

class CheckFailed extends Error {}
const expect = (condition, message) => {
	if (!condition) throw new CheckFailed(message);
};

/** Checks one execution: status, every node's error, our nodes' outputs. */
function checkRun(prepared, exec) {
	const { name, workflow } = prepared;
	const prefix = `${name} ›`;
	const run = exec.run;
	if (!run) {
		record(`${prefix} execute`, false, `no JSON output (exit ${exec.code})\n${(exec.stdout + exec.stderr).slice(-2000)}`);
		return;
	}
	const runData = run.data?.resultData?.runData ?? {};
	const topError = run.data?.resultData?.error;
	record(
		`${prefix} execute (status ${run.status})`,
		run.status === 'success' && !topError,
		topError ? `${topError.message}\n${topError.description ?? ''}` : '',
		exec.ms,
	);
	const warnings = packageWarnings(exec.stdout + exec.stderr);
	if (warnings.length) record(`${prefix} no warnings about the package`, false, warnings.join('\n'));

	const workflowChecks = checks[name] ?? {};
	for (const node of workflow.nodes) {
		const ours = node.type === NODE_TYPE;
		const check = workflowChecks[node.name];
		if (!ours && !check) continue;
		const label = `${prefix} ${node.name}${ours ? ` (${node.parameters.resource}.${node.parameters.operation})` : ''}`;
		const taskRuns = runData[node.name];
		if (!taskRuns?.length) {
			record(label, false, 'node did not run');
			continue;
		}
		const task = taskRuns[0];
		if (task.error) {
			const e = task.error;
			record(label, false, `${e.message}${e.description ? `\n${e.description}` : ''}${e.httpCode ? ` [HTTP ${e.httpCode}]` : ''}`);
			continue;
		}
		const items = task.data?.main?.[0] ?? [];
		try {
			expect(items.every((item) => item.pairedItem !== undefined), 'an output item has no pairedItem');
			if (!check) throw new CheckFailed(`no check for node "${node.name}" in test/e2e/checks.mjs`);
			check({ items, run, expect, binary: (i, prop = 'data') => items[i]?.binary?.[prop] });
			record(label, true);
		} catch (error) {
			record(label, false, error instanceof CheckFailed ? error.message : error.stack);
		}
	}
}

async function main() {
	const started = Date.now();
	const keep = flag('keep');
	const only = option('only')?.split(',');

	// ----------------------------------------------------------- setup ----
	const n8n = ensureN8n();
	const tarball = packPackage();
	const userFolder = mkdtempSync(join(tmpdir(), 'oap-e2e-n8n-'));
	installCommunityPackage(userFolder, tarball);
	log(`user folder ${userFolder}`);

	const steadyPort = await freePort();
	const steady = await startSteady(steadyPort);
	log(`steady on ${steady.url}`);

	const credential = {
		id: 'e2eCredential001',
		name: 'OpenAI Platform (e2e)',
		type: CREDENTIAL_TYPE,
		data: { apiKey: 'sk-e2e-not-a-real-key', organizationId: 'org-e2e', projectId: 'proj_e2e', baseUrl: steady.url },
	};
	let files = listJson(join(ROOT, 'test', 'e2e', 'workflows'));
	if (only) files = files.filter((f) => only.some((o) => f.endsWith(`/${o}.json`)));
	const prepared = prepareWorkflows(files, credential);

	try {
		// ------------------------------------------------------- CLI runs ----
		console.log(`\nn8n ${n8n.version} CLI: ${prepared.length} workflows against steady`);
		let importOutput = '';
		const imported = await step('import credential and workflows (n8n import:credentials, import:workflow)', async () => {
			const r = await importAll(n8n, userFolder, credential, prepared);
			importOutput = r.stdout + r.stderr;
		});
		if (imported) {
			await step('n8n loads the package without warnings', () => {
				const warnings = packageWarnings(importOutput);
				if (warnings.length) throw new Error(warnings.join('\n'));
			});
			for (const p of prepared) {
				const exec = await executeWorkflow(n8n, userFolder, p.id, { timeoutMs: 180_000 });
				checkRun(p, exec);
			}
		}

		// ---------------------------------------------------- server, REST ----
		if (!flag('no-server')) {
			console.log('\nn8n server: REST and editor');
			const port = await freePort();
			let server;
			const up = await step(`n8n start on 127.0.0.1:${port}`, async () => {
				server = await startN8nServer(n8n, userFolder, port);
			});
			if (up) {
				try {
					const rest = restClient(server.url);
					await step('owner set up and logged in through the REST API', async () => {
						await setupOwner(rest);
					});
					await step(`node type ${NODE_TYPE} and credential type ${CREDENTIAL_TYPE} are served`, async () => {
						const nodes = (await rest.call('GET', '/types/nodes.json')).json ?? [];
						const node = nodes.find((n) => n.name === NODE_TYPE);
						expect(node, `${NODE_TYPE} missing from /types/nodes.json`);
						const creds = (await rest.call('GET', '/types/credentials.json')).json ?? [];
						const cred = creds.find((c) => c.name === CREDENTIAL_TYPE);
						expect(cred, `${CREDENTIAL_TYPE} missing from /types/credentials.json`);
						expect(
							['apiKey', 'organizationId', 'projectId', 'baseUrl'].every((f) => cred.properties.some((p) => p.name === f)),
							`credential fields: ${cred.properties.map((p) => p.name)}`,
						);
						return `${node.displayName} v${node.version}, ${node.properties.length} properties`;
					});
					await step('credential test passes through POST /rest/credentials/test', async () => {
						const r = await rest.call('POST', '/rest/credentials/test', {
							credentials: { id: credential.id, name: credential.name, type: CREDENTIAL_TYPE, data: credential.data },
						});
						expect(r.status === 200 && r.json?.data?.status === 'OK', `HTTP ${r.status}: ${r.text.slice(0, 400)}`);
					});
					await step('credential test reports a bad Base URL', async () => {
						const deadPort = await freePort();
						const r = await rest.call('POST', '/rest/credentials/test', {
							credentials: { id: credential.id, name: credential.name, type: CREDENTIAL_TYPE, data: { ...credential.data, baseUrl: `http://127.0.0.1:${deadPort}` } },
						});
						expect(r.status === 200 && r.json?.data?.status === 'Error', `HTTP ${r.status}: ${r.text.slice(0, 400)}`);
					});
					const warnings = packageWarnings(server.output());
					await step('n8n start logs no warnings about the package', () => {
						if (warnings.length) throw new Error(warnings.join('\n'));
					});

					if (!flag('no-editor') && process.env.E2E_SKIP_EDITOR !== '1') {
						const { runEditorChecks } = await import('./editor.mjs');
						await runEditorChecks({ server, rest, step, expect, userFolder });
					}
				} finally {
					await server.stop();
				}
			}
		}
	} finally {
		await steady.stop();
		if (!keep) rmSync(userFolder, { recursive: true, force: true });
		else log(`kept ${userFolder}`);
		rmSync(tarball, { force: true });
	}

	const failed = results.filter((r) => !r.ok);
	console.log(`\ne2e with n8n ${n8n.version} finished in ${elapsed(started)}`);
	if (failed.length) {
		console.log('failed:');
		for (const f of failed) console.log(`  - ${f.name}`);
	}
	console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
	process.exitCode = failed.length ? 1 : 0;
}

mkdirSync(join(ROOT, 'test-results'), { recursive: true });
main().catch((error) => {
	console.error(error?.stack ?? error);
	console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
	process.exit(1);
});
