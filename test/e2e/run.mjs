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
//  Between 3 and 4, the examples and the image and audio workflows also run
//  against the deterministic mock (scripts/mock-openai.mjs, test/e2e/checks.mjs
//  `mockChecks`): real image and audio bytes, exact results; and an AI Agent
//  uses this node as its tool (test/e2e/agent.mjs, `--only agent-tool`).
//
// Prints a summary line (workflow runs, checks passed, screenshots, duration),
// then "N passed, M failed", and exits non-zero when anything failed.
//
// Options: --only a,b (workflow names)  --no-editor  --no-server  --keep (keep the user folder)
// Env: E2E_SKIP_BUILD=1 (use dist/ as is), N8N_VERSION, N8N_E2E_CACHE, OPENAI_SPEC, E2E_SKIP_EDITOR=1
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startMockOpenAI } from '../../scripts/mock-openai.mjs';
import { runAiChecks } from './ai.mjs';
import { checks, mockChecks } from './checks.mjs';
import { runTriggerChecks, startsWithTrigger } from './trigger.mjs';
import { edgeCredentialTest, runEdgeWorkflows, startEdgeServers } from './edges.mjs';
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
	nodeOperations,
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
const skipped = [];
function skip(name, why) {
	skipped.push({ name, why });
	console.log(`  - ${name} (skipped: ${why})`);
}
function record(name, ok, detail = '', ms) {
	results.push({ name, ok, detail });
	const time = ms === undefined ? '' : ` (${(ms / 1000).toFixed(1)}s)`;
	// Failures print why; passing steps print what they saw (model lists, options, screenshot paths).
	console.log(`${ok ? '  ✓' : '  ✗'} ${name}${time}${!detail ? '' : `\n      ${detail.split('\n').join('\n      ')}`}`);
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

/** Known spec/steady disagreements the contract tests accept (test/contract/allowlist.json: code + message). */
const ALLOWLIST = (() => {
	try {
		return JSON.parse(readFileSync(join(ROOT, 'test', 'contract', 'allowlist.json'), 'utf8'));
	} catch {
		return [];
	}
})();
const allowed = (reason) => ALLOWLIST.some((a) => reason.includes(a.code) && reason.includes(a.message));

/** steady's log lines for requests that broke OpenAI's spec (HTTP 400 with E3xxx codes), minus the allowlist. */
function specViolations(log) {
	const lines = log.split('\n');
	const out = [];
	lines.forEach((line, i) => {
		if (/→ 400 /.test(line)) {
			const reasons = [];
			// The reasons follow until the next request line: "✗ E3007 ..." (summary) or "error[E3009]: ..." (details).
			for (let j = i + 1; j < lines.length && !/^\[[^\]]+\] \w+ \//.test(lines[j]); j++) {
				if (/✗|error\[E/.test(lines[j])) reasons.push(lines[j].trim());
			}
			if (reasons.length && reasons.every(allowed)) return;
			out.push(`${line.replace(/^\[[^\]]*\]\s*/, '')}\n  ${reasons.join('\n  ')}`);
		}
	});
	return out;
}
function requestsIn(log) {
	return log.split('\n').filter((l) => / → \d{3} /.test(l)).length;
}

/**
 * Checks one execution: status, every node's error, our nodes' outputs.
 * `steadyLog` (steady's output during the run) adds the spec-validity check;
 * `table` is the checks for this phase, `phase` prefixes the result names.
 */
function checkRun(prepared, exec, { steadyLog, table = checks, phase = '' } = {}) {
	const { name, workflow } = prepared;
	const prefix = `${phase}${name} ›`;
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
	if (steadyLog !== undefined) {
		const violations = specViolations(steadyLog);
		const requests = requestsIn(steadyLog);
		// No request lines at all means steady's log could not be read, not that all was valid.
		record(
			`${prefix} every request valid against the OpenAPI spec (${requests} requests)`,
			violations.length === 0 && requests > 0,
			requests === 0 ? "no request lines in steady's log" : violations.join('\n'),
		);
	}
	const warnings = packageWarnings(exec.stdout + exec.stderr);
	if (warnings.length) record(`${prefix} no warnings about the package`, false, warnings.join('\n'));

	const workflowChecks = table[name] ?? {};
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
			// Every output, the error output included (On Error "Continue (using error output)").
			expect((task.data?.main ?? []).flat().every((item) => item?.pairedItem !== undefined), 'an output item has no pairedItem');
			if (!check) throw new CheckFailed(`no check for node "${node.name}" of workflow "${name}" in test/e2e/checks.mjs`);
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
	const packageDir = installCommunityPackage(userFolder, tarball);
	log(`user folder ${userFolder}`);
	const offered = nodeOperations(n8n, packageDir);
	log(`the node offers ${Object.keys(offered).length} resources, ${Object.values(offered).flat().length} operations`);

	const steadyPort = await freePort();
	const steady = await startSteady(steadyPort);
	log(`steady on ${steady.url}`);
	// Redirecting, foreign and trickling servers for the edge checks (issue 15 #1, #2): `--only edges` selects them.
	const edges = !only || only.includes('edges') ? await startEdgeServers() : undefined;

	const credential = {
		id: 'e2eCredential001',
		name: 'OpenAI Platform (e2e)',
		type: CREDENTIAL_TYPE,
		data: { apiKey: 'sk-e2e-not-a-real-key', organizationId: 'org-e2e', projectId: 'proj_e2e', adminApiKey: 'sk-admin-e2e-not-a-real-key', baseUrl: steady.url },
	};
	let files = listJson(join(ROOT, 'test', 'e2e', 'workflows'));
	if (only) files = files.filter((f) => only.some((o) => f.endsWith(`/${o}.json`)));
	// A workflow for a resource or operation this build does not have yet is skipped, not failed.
	const prepared = prepareWorkflows(files, credential).filter((p) => {
		const missing = p.workflow.nodes
			.filter((n) => n.type === NODE_TYPE && !offered[n.parameters.resource]?.includes(n.parameters.operation))
			.map((n) => `${n.parameters.resource}.${n.parameters.operation}`);
		if (missing.length) skip(`${p.name} (workflow)`, `not in this build of the node: ${[...new Set(missing)].join(', ')}`);
		return !missing.length;
	});
	const untested = Object.entries(offered)
		.flatMap(([r, ops]) => ops.map((o) => `${r}.${o}`))
		.filter((ro) => !prepared.some((p) => p.workflow.nodes.some((n) => n.type === NODE_TYPE && `${n.parameters.resource}.${n.parameters.operation}` === ro)));

	// Against the mock: the examples (what `npm run demo` runs) and the workflows named in mockChecks.
	const mockCredential = {
		id: 'e2eMockCredent01',
		name: 'OpenAI Platform (e2e mock)',
		type: CREDENTIAL_TYPE,
		data: { apiKey: 'sk-e2e-not-a-real-key', baseUrl: '' },
	};
	const mockFiles = [
		...listJson(join(ROOT, 'examples')),
		...listJson(join(ROOT, 'test', 'e2e', 'workflows')).filter((f) => Object.keys(mockChecks).some((n) => f.endsWith(`/${n}.json`))),
	].filter((f) => !only || only.some((o) => f.endsWith(`/${o}.json`)));
	const mockPrepared = prepareWorkflows(mockFiles, mockCredential, 'mck');
	let workflowsRun = 0;

	try {
		// ------------------------------------------------------- CLI runs ----
		console.log(`\nn8n ${n8n.version} CLI: ${prepared.length} workflows against steady`);
		let importOutput = '';
		const imported = await step('import credential and workflows (n8n import:credentials, import:workflow)', async () => {
			const r = await importAll(n8n, userFolder, credential, prepared);
			importOutput = r.stdout + r.stderr;
			writeFileSync(join(ROOT, 'test-results', 'e2e', 'n8n-import.log'), importOutput);
		});
		if (imported) {
			await step('n8n loads the package without warnings', () => {
				const warnings = packageWarnings(importOutput);
				if (warnings.length) throw new Error(warnings.join('\n'));
			});
			for (const p of prepared) {
				const before = steady.output().length;
				const exec = await executeWorkflow(n8n, userFolder, p.id, { timeoutMs: 180_000 });
				workflowsRun++;
				checkRun(p, exec, { steadyLog: steady.output().slice(before) });
				// Every node's output, for reading after a failure (test-results/ is not committed).
				writeFileSync(join(ROOT, 'test-results', 'e2e', `${p.name}.json`), JSON.stringify(exec.run ?? { stdout: exec.stdout, stderr: exec.stderr }, null, 1));
			}
		}

		// ------------------------------------------- CLI runs, mock server ----
		// steady's replies are random and leave out optional fields (an image
		// reply has no `data`), so the images, speech and exact results are
		// checked against the deterministic mock (scripts/mock-openai.mjs),
		// with binary data kept in the execution to read its bytes.
		if (imported && mockPrepared.length) {
			console.log(`\nn8n ${n8n.version} CLI: ${mockPrepared.length} workflows against the local mock (exact replies, real image and audio bytes)`);
			const mock = await startMockOpenAI({ port: 0, idleSeconds: 300, lifetimeSeconds: 1200 });
			try {
				mockCredential.data.baseUrl = mock.url;
				const ok = await step('import the mock credential and workflows', async () => {
					await importAll(n8n, userFolder, mockCredential, mockPrepared);
				});
				if (ok) {
					for (const p of mockPrepared) {
						// A workflow that starts with the OpenAI Platform Trigger runs on deliveries: it is activated under n8n start below.
						if (startsWithTrigger(p.workflow)) {
							record(`mock: ${p.name} › imported (it starts on webhook deliveries: run under n8n start, trigger checks)`, true);
							continue;
						}
						const exec = await executeWorkflow(n8n, userFolder, p.id, { timeoutMs: 180_000, env: { N8N_DEFAULT_BINARY_DATA_MODE: 'default' } });
						workflowsRun++;
						checkRun(p, exec, { table: mockChecks, phase: 'mock: ' });
						writeFileSync(join(ROOT, 'test-results', 'e2e', `mock-${p.name}.json`), JSON.stringify(exec.run ?? { stdout: exec.stdout, stderr: exec.stderr }, null, 1));
					}
				}
			} finally {
				await mock.close();
			}
		}

		// ------------------------------------------- AI sub-nodes (issue 17) ----
		if (imported) {
			console.log(`\nn8n ${n8n.version} CLI: the AI sub-nodes in n8n's AI Agent and Basic LLM Chain (test/e2e/ai.mjs)`);
			workflowsRun += await runAiChecks({ n8n, userFolder, steady, step, expect, specViolations, requestsIn, only });
		}

		// ------------------------------------------- CLI runs, edge servers ----
		if (edges) {
			console.log(`\nn8n ${n8n.version} CLI: redirects to another origin and the per-attempt deadline`);
			const figures = await runEdgeWorkflows({ n8n, userFolder, servers: edges, step, expect });
			workflowsRun += figures.runs ?? 0;
			log(`edges: ${JSON.stringify(figures)}`);
		}

		// ------------------------------------ AI Agent with this node as a tool ----
		if (imported && (!only || only.includes('agent-tool'))) {
			console.log(`\nn8n ${n8n.version} CLI: AI Agent with OpenAI Platform as its tool, against the local mock`);
			const { runAgentToolCheck } = await import('./agent.mjs');
			await runAgentToolCheck({ n8n, userFolder, step, expect });
			workflowsRun++;
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
					if (edges) await edgeCredentialTest({ rest, servers: edges, step, expect });
					const warnings = packageWarnings(server.output());
					await step('n8n start logs no warnings about the package', () => {
						if (warnings.length) throw new Error(warnings.join('\n'));
					});

					if (!only || only.includes('trigger')) await runTriggerChecks({ n8n, server, rest, step, expect });

					if (!flag('no-editor') && process.env.E2E_SKIP_EDITOR !== '1') {
						const { runEditorChecks } = await import('./editor.mjs');
						await runEditorChecks({ server, rest, step, expect, skip, userFolder });
					}
				} finally {
					await server.stop();
					writeFileSync(join(ROOT, 'test-results', 'e2e', 'n8n-start.log'), server.output());
				}
			}
		}
	} finally {
		writeFileSync(join(ROOT, 'test-results', 'e2e', 'steady.log'), steady.output());
		await steady.stop();
		await edges?.stop();
		if (!keep) rmSync(userFolder, { recursive: true, force: true });
		else log(`kept ${userFolder}`);
		rmSync(tarball, { force: true });
	}

	await step(`every operation the node offers is run by a workflow in test/e2e/workflows`, () => {
		if (untested.length && !only) throw new Error(`no workflow runs: ${untested.join(', ')}`);
	});
	const failed = results.filter((r) => !r.ok);
	const shots = screenshotsSince(started);
	console.log(`\ne2e with n8n ${n8n.version} finished in ${elapsed(started)}`);
	console.log(
		`summary: n8n ${n8n.version}, ${workflowsRun} workflow run${workflowsRun === 1 ? '' : 's'} (${prepared.length} against steady, ${mockPrepared.length} against the mock), ` +
			`${results.length - failed.length}/${results.length} checks passed, ${shots.length} screenshots${shots.length ? ` (${shots.map((f) => `test-results/${f}`).join(', ')})` : ''}, ${elapsed(started)}`,
	);
	if (failed.length) {
		console.log('failed:');
		for (const f of failed) console.log(`  - ${f.name}`);
	}
	console.log(`${results.length - failed.length} passed, ${failed.length} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`);
	process.exitCode = failed.length ? 1 : 0;
}

/** The editor screenshots written by this run. */
function screenshotsSince(start) {
	const dir = join(ROOT, 'test-results');
	return readdirSync(dir)
		.filter((f) => f.startsWith('e2e-editor-') && f.endsWith('.png') && statSync(join(dir, f)).mtimeMs >= start)
		.sort();
}

mkdirSync(join(ROOT, 'test-results', 'e2e'), { recursive: true });
main().catch((error) => {
	console.error(error?.stack ?? error);
	console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
	process.exit(1);
});
