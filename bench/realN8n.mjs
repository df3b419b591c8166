#!/usr/bin/env node
// Figure 2 (and the built-in node's side of figure 3): the same workflow in REAL n8n, installed by
// scripts/install-n8n.sh, with this package packed and installed as a community package into a
// throwaway N8N_USER_FOLDER (test/e2e/lib.mjs), each workflow run by `n8n execute --id` in its own
// process. Called by bench/run.ts with one JSON argument:
//   { items, buildDir, ourParameters, scenarios: [{ name, workflow: 'trivial'|'ours'|'builtin'|'legacy', latencyMs, rate,
//     tokensPerSecond, headers, items, ourParameters, promptFiller }] }   (a scenario's own items/ourParameters win)
// Prints one JSON line: { n8nVersion, results: [{ name, status, error, outputs, execMs, nodeMs, cpuMs, maxRssMb, processMs, server }] }.
//
// CPU and peak RSS come from the n8n process itself (bench/usage-preload.cjs, loaded with
// --require through NODE_OPTIONS, writes process.resourceUsage() at exit), summed over any child
// node processes. They include n8n's start-up; the 'trivial' workflow (the same item source,
// no OpenAI node) measures that fixed cost so it can be subtracted.
// Every mock server listens on 127.0.0.1 only, stops on SIGTERM and ends itself after its lifetime.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	CREDENTIAL_TYPE,
	NODE_TYPE,
	ensureN8n,
	freePort,
	installCommunityPackage,
	n8nEnv,
	packPackage,
	parseRawOutput,
	runN8n,
} from '../test/e2e/lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const PRELOAD = resolve(HERE, 'usage-preload.cjs');
const config = JSON.parse(process.argv[2] ?? '{}');
const items = config.items ?? 1000;
const log = (...args) => process.stderr.write(`[real-n8n] ${args.join(' ')}\n`);

/** One mock server process per scenario, so rate windows and counters do not mix. */
async function startMock(latencyMs, rate, { tokensPerSecond = 0, headers = true } = {}, lifetimeSeconds = 1200) {
	const args = [String(latencyMs), String(rate), String(lifetimeSeconds), String(tokensPerSecond), headers ? '1' : '0'];
	const child = spawn(process.execPath, [join(config.buildDir, 'bench', 'mockServer.js'), ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stats = '';
	child.stderr.on('data', (d) => (stats += d));
	const url = await new Promise((resolveUrl, reject) => {
		let out = '';
		child.stdout.on('data', (d) => {
			out += d;
			if (out.includes('\n')) resolveUrl(out.trim());
		});
		child.once('exit', (code) => reject(new Error(`mock server exited ${code}: ${stats}`)));
	});
	process.once('exit', () => child.kill('SIGKILL'));
	return {
		url,
		async stop() {
			child.removeAllListeners('exit');
			await new Promise((r) => {
				child.once('exit', r);
				child.kill('SIGTERM');
			});
			return stats.trim();
		},
	};
}

const nodeId = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function workflowFor(scenario, index, credentials) {
	const count = scenario.items ?? items;
	const prompt = `=item {{ $json.n }}${scenario.promptFiller ?? ''}`;
	const source = [
		{ parameters: {}, id: nodeId(1), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ n: Array.from({ length: count }, (_, n) => n) }), options: {} },
			id: nodeId(2),
			name: 'Numbers',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
		},
		{ parameters: { fieldToSplitOut: 'n', options: {} }, id: nodeId(3), name: 'Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, 0] },
	];
	const connections = {
		Start: { main: [[{ node: 'Numbers', type: 'main', index: 0 }]] },
		Numbers: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
	};
	const nodes = [...source];
	if (scenario.workflow === 'ours') {
		nodes.push({
			parameters: scenario.ourParameters ?? config.ourParameters,
			id: nodeId(4),
			name: 'OpenAI',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [600, 0],
			credentials: { [CREDENTIAL_TYPE]: credentials.ours },
		});
	} else if (scenario.workflow === 'builtin') {
		nodes.push({
			parameters: {
				resource: 'text',
				operation: 'response',
				modelId: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' },
				responses: { values: [{ type: 'text', role: 'user', content: prompt }] },
				simplify: true,
				options: {},
			},
			id: nodeId(4),
			name: 'OpenAI',
			type: '@n8n/n8n-nodes-langchain.openAi',
			typeVersion: 2.3,
			position: [600, 0],
			credentials: { openAiApi: credentials.builtin },
		});
	} else if (scenario.workflow === 'legacy') {
		// n8n's own declarative OpenAI node (v1.1, hidden in the editor since V2 replaced it), run by RoutingNode
		// like ours: the same chat completion, to show what RoutingNode costs in real n8n.
		nodes.push({
			parameters: {
				resource: 'chat',
				operation: 'complete',
				chatModel: 'gpt-4.1-mini',
				prompt: { messages: [{ role: 'user', content: prompt }] },
				simplifyOutput: true,
				options: {},
			},
			id: nodeId(4),
			name: 'OpenAI',
			type: 'n8n-nodes-base.openAi',
			typeVersion: 1.1,
			position: [600, 0],
			credentials: { openAiApi: credentials.builtin },
		});
	}
	if (nodes.length > source.length) connections.Items = { main: [[{ node: 'OpenAI', type: 'main', index: 0 }]] };
	return { id: `bench${String(index).padStart(10, '0')}`, name: `bench: ${scenario.name}`, active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}

/**
 * `n8n execute` with bench/usage-preload.cjs required into the main n8n process (not through
 * NODE_OPTIONS: n8n's JS task runner child does not start with it). The runner child stays idle
 * here (no Code node), so its CPU is left out of every scenario alike.
 */
async function executeMeasured(n8n, userFolder, workflowId, usageDir) {
	const brokerPort = await freePort();
	const start = Date.now();
	return await new Promise((resolveRun) => {
		// BENCH_CPU_PROF=<dir>: also write a V8 CPU profile of each n8n process there.
		const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
		const child = spawn(n8n.nodeBin, [...profile, '--require', PRELOAD, n8n.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'], {
			cwd: userFolder,
			env: n8nEnv(userFolder, { N8N_RUNNERS_BROKER_PORT: String(brokerPort), BENCH_USAGE_DIR: usageDir }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolveRun({ code: code ?? signal, stdout, stderr, ms: Date.now() - start });
		});
	});
}

function usageOf(dir) {
	const records = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
	return {
		cpuMs: records.reduce((sum, r) => sum + r.cpuMs, 0),
		maxRssMb: Math.max(0, ...records.map((r) => r.maxRssMb)),
		processMs: Math.max(0, ...records.map((r) => r.uptimeMs)),
		processes: records.length,
	};
}

function summarise(run, code, stdout, stderr) {
	if (!run) return { status: `no run output (exit ${code})`, error: (stderr || stdout).trim().split('\n').slice(-3).join(' | '), outputs: 0 };
	const runData = run.data?.resultData?.runData ?? {};
	const task = runData.OpenAI?.[0];
	const error = run.data?.resultData?.error ?? task?.error;
	const execMs = run.startedAt && run.stoppedAt ? new Date(run.stoppedAt) - new Date(run.startedAt) : undefined;
	return {
		status: run.status,
		error: error ? `${error.message ?? ''}${error.description ? ` (${String(error.description).slice(0, 160)})` : ''}`.slice(0, 300) : undefined,
		outputs: (runData.OpenAI ? (task?.data?.main?.[0] ?? []) : (runData.Items?.[0]?.data?.main?.[0] ?? [])).length,
		execMs,
		nodeMs: task?.executionTime,
		// how many items had gone through before an error stopped the node (n8n keeps none of them)
	};
}

async function main() {
	const n8n = ensureN8n();
	const tarball = packPackage({ build: false });
	const userFolder = mkdtempSync(join(tmpdir(), 'oap-bench-n8n-'));
	installCommunityPackage(userFolder, tarball);
	rmSync(dirname(tarball), { recursive: true, force: true });

	const servers = [];
	const credentials = [];
	const workflows = [];
	try {
		for (const [index, scenario] of config.scenarios.entries()) {
			const server = scenario.workflow === 'trivial' ? undefined : await startMock(scenario.latencyMs ?? 0, scenario.rate ?? 0, { tokensPerSecond: scenario.tokensPerSecond, headers: scenario.headers ?? true });
			servers.push(server);
			const creds = {};
			if (server && scenario.workflow === 'ours') {
				const id = `benchOurs${String(index).padStart(7, '0')}`;
				credentials.push({ id, name: `bench ours ${index}`, type: CREDENTIAL_TYPE, data: { apiKey: 'sk-bench-not-a-key', organizationId: '', projectId: '', baseUrl: server.url } });
				creds.ours = { id, name: `bench ours ${index}` };
			}
			if (server && (scenario.workflow === 'builtin' || scenario.workflow === 'legacy')) {
				const id = `benchBuilt${String(index).padStart(6, '0')}`;
				credentials.push({ id, name: `bench built-in ${index}`, type: 'openAiApi', data: { apiKey: 'sk-bench-not-a-key', organizationId: '', url: server.url, header: false } });
				creds.builtin = { id, name: `bench built-in ${index}` };
			}
			workflows.push(workflowFor(scenario, index, creds));
		}

		const importDir = mkdtempSync(join(tmpdir(), 'oap-bench-import-'));
		const credFile = join(importDir, 'credentials.json');
		writeFileSync(credFile, JSON.stringify(credentials, null, 2));
		let r = await runN8n(n8n, userFolder, ['import:credentials', `--input=${credFile}`], { timeoutMs: 300_000 });
		if (r.code !== 0) throw new Error(`import:credentials failed:\n${r.stdout}\n${r.stderr}`);
		const wfDir = join(importDir, 'workflows');
		mkdirSync(wfDir);
		for (const wf of workflows) writeFileSync(join(wfDir, `${wf.id}.json`), JSON.stringify(wf));
		r = await runN8n(n8n, userFolder, ['import:workflow', '--separate', `--input=${wfDir}`], { timeoutMs: 300_000 });
		if (r.code !== 0) throw new Error(`import:workflow failed:\n${r.stdout}\n${r.stderr}`);
		rmSync(importDir, { recursive: true, force: true });

		const results = [];
		for (const [index, scenario] of config.scenarios.entries()) {
			const usageDir = mkdtempSync(join(tmpdir(), 'oap-bench-usage-'));
			log(`${scenario.name}: n8n execute --id=${workflows[index].id}`);
			const exec = await executeMeasured(n8n, userFolder, workflows[index].id, usageDir);
			if (process.env.BENCH_KEEP_OUTPUT) writeFileSync(join(process.env.BENCH_KEEP_OUTPUT, `${scenario.name}.log`), `${exec.stdout}\n----- stderr\n${exec.stderr}`);
			const usage = usageOf(usageDir);
			rmSync(usageDir, { recursive: true, force: true });
			const server = servers[index] ? await servers[index].stop() : undefined;
			servers[index] = undefined;
			const result = { name: scenario.name, ...scenario, ...summarise(parseRawOutput(exec.stdout), exec.code, exec.stdout, exec.stderr), ...usage, wallMs: exec.ms, server };
			log(JSON.stringify(result));
			results.push(result);
		}
		process.stdout.write(`\n${JSON.stringify({ n8nVersion: n8n.version, results })}\n`);
	} finally {
		for (const server of servers) await server?.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
