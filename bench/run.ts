/**
 * `npm run bench`: every figure measured side by side in this run against a local server of ours
 * (127.0.0.1, deterministic replies, set latency and rate limit), printed with its goal, and
 * written to bench/RESULTS.md. Nothing here asserts a time; the goals are for reading.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { chatParameters, operationLabel, packageHasChat, packageProperties, promptFiller } from './params';

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD = path.resolve(__dirname, '..');
const NODE = process.execPath;

interface Measurement {
	items: number;
	outputs: number;
	errors: number;
	wallMs: number;
	cpuMs: number;
	peakRssMb: number;
}

interface Figure {
	name: string;
	value: string;
	goal: string;
	met: boolean | undefined;
}

const figures: Figure[] = [];
const START_LOAD = os.loadavg().map((n) => n.toFixed(1)).join(' / ');
const extraSections: string[] = [];

async function withServer<T>(latencyMs: number, rate: number, use: (url: string) => Promise<T>, extraArgs: string[] = []): Promise<{ result: T; stats: ServerStats }> {
	const child = spawn(NODE, [path.join(BUILD, 'bench', 'mockServer.js'), String(latencyMs), String(rate), '600', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('\n')) resolve(out.trim());
		});
		child.once('exit', (code) => reject(new Error(`mock server exited ${code}`)));
	});
	let log = '';
	child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
	let result: T;
	try {
		result = await use(url);
	} finally {
		child.removeAllListeners('exit');
		await new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
		if (log.trim()) console.log(`    server: ${log.trim()}`);
	}
	return { result, stats: serverStats(log) };
}

interface ServerStats {
	served: number;
	rateLimited: number;
	peakInFlight: number;
	tokens: number;
	spanMs: number;
}

/** The mock server's closing line: "served N requests, M rate-limited, peak in flight P, T tokens admitted". */
function serverStats(line = ''): ServerStats {
	const number = (pattern: RegExp) => Number(pattern.exec(line)?.[1] ?? NaN);
	return {
		served: number(/served (\d+) requests/),
		rateLimited: number(/(\d+) rate-limited/),
		peakInFlight: number(/peak in flight (\d+)/),
		tokens: number(/(\d+) tokens admitted/),
		spanMs: number(/(\d+) ms from the first request/),
	};
}

type Setting = number | 'default';

function worker(
	mode: 'node' | 'sdk' | 'minimal' | `minimal:${number}`,
	url: string,
	items: number,
	concurrency: Setting,
	maxRetries: Setting = 2,
	repeats = 1,
	chat: { promptChars?: number; maxTokens?: number; warmUp?: boolean } = {},
): Measurement {
	const args = [mode, url, String(items), String(concurrency), String(maxRetries), String(repeats), String(chat.promptChars ?? 0), String(chat.maxTokens ?? 0)];
	const out = execFileSync(NODE, [path.join(BUILD, 'bench', 'worker.js'), ...args], {
		env: { ...process.env, ...(chat.warmUp === false ? { BENCH_WARMUP: '0' } : {}) },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measurement;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const HAS_CHAT = packageHasChat(ROOT);
const OUR_PROPERTIES = packageProperties(ROOT);
const OPERATION = operationLabel(HAS_CHAT);
/** Figure 3's limits: R requests a second (1000 items: 50 s), and for the token-bound runs T tokens a second with bigger requests. */
const RATE = 20;
const TOKEN_RATE = 4000;
const TOKEN_REQUEST_RATE = 100;
const TOKEN_CHAT = { promptChars: 600, maxTokens: 100 };
const perItem = (m: Measurement) => m.cpuMs / m.items;
const throughput = (m: Measurement) => m.items / (m.wallMs / 1000);

async function figureOverhead() {
	const items = 1000;
	const concurrency = 10;
	console.log(`1. overhead: ${items} ${OPERATION} items, concurrency ${concurrency}, 0 ms server`);
	await withServer(0, 0, async (url) => {
		// best of 3 runs in each process (the one with the least CPU; the shortest wall time)
		const sdk = worker('sdk', url, items, concurrency, 2, 3);
		const node = worker('node', url, items, concurrency, 2, 3);
		console.log(`    sdk:  ${fmt(perItem(sdk), 3)} ms CPU/item, ${fmt(throughput(sdk), 0)} items/s, ${sdk.outputs} ok`);
		console.log(`    node: ${fmt(perItem(node), 3)} ms CPU/item, ${fmt(throughput(node), 0)} items/s, ${node.outputs} ok`);
		const extra = perItem(node) - perItem(sdk);
		const ratio = throughput(node) / throughput(sdk);
		figures.push({ name: '1a. CPU per item above the openai SDK', value: `${fmt(extra, 3)} ms (node ${fmt(perItem(node), 3)}, SDK ${fmt(perItem(sdk), 3)})`, goal: '<= 1 ms', met: extra <= 1 });
		figures.push({ name: '1b. Throughput vs the SDK, 0 ms server', value: `${fmt(ratio)}x (${fmt(throughput(node), 0)} vs ${fmt(throughput(sdk), 0)} items/s)`, goal: '>= 0.9x', met: ratio >= 0.9 });
		// RoutingNode's own share: the same request through a minimal declarative node (bench/minimalNode.ts), alone
		// and with as many hidden properties as ours has, in the same harness.
		const padding = Math.max(0, OUR_PROPERTIES - 3);
		const minimal = worker('minimal', url, items, concurrency, 2, 3);
		const padded = worker(`minimal:${padding}`, url, items, concurrency, 2, 3);
		const perProperty = ((perItem(padded) - perItem(minimal)) / Math.max(1, padding)) * 1000;
		console.log(`    minimal declarative node: ${fmt(perItem(minimal), 3)} ms CPU/item, ${fmt(throughput(minimal), 0)} items/s; with ${padding} hidden properties: ${fmt(perItem(padded), 3)} ms, ${fmt(throughput(padded), 0)} items/s`);
		figures.push({
			name: '1d. RoutingNode alone: a minimal declarative node (3 properties, no hooks), same request, 0 ms server',
			value: `${fmt(perItem(minimal), 3)} ms CPU/item = ${fmt(perItem(minimal) - perItem(sdk), 3)} ms above the SDK; ${fmt(throughput(minimal) / throughput(sdk))}x its throughput`,
			goal: 'report',
			met: undefined,
		});
		figures.push({
			name: `1e. The same minimal node with ${padding} hidden properties (ours has ${OUR_PROPERTIES} top-level properties)`,
			value: `${fmt(perItem(padded), 3)} ms CPU/item = ${fmt(perItem(padded) - perItem(sdk), 3)} ms above the SDK (${fmt(perProperty, 1)} µs per property per item); ${fmt(throughput(padded) / throughput(sdk))}x the SDK's throughput`,
			goal: 'report',
			met: undefined,
		});
	});
	const latency = 20;
	await withServer(latency, 0, async (url) => {
		const sdk = worker('sdk', url, items, concurrency, 2, 3);
		const node = worker('node', url, items, concurrency, 2, 3);
		const ratio = throughput(node) / throughput(sdk);
		console.log(`    ${latency} ms server: sdk ${fmt(throughput(sdk), 0)} items/s, node ${fmt(throughput(node), 0)} items/s`);
		figures.push({ name: `1b'. Throughput vs the SDK, ${latency} ms server`, value: `${fmt(ratio)}x (${fmt(throughput(node), 0)} vs ${fmt(throughput(sdk), 0)} items/s)`, goal: '>= 0.9x', met: ratio >= 0.9 });
	});
	const small = 200;
	await withServer(latency, 0, async (url) => {
		const node = worker('node', url, small, concurrency);
		const limit = (small * latency) / concurrency;
		const ratio = node.wallMs / limit;
		console.log(`    ${small} items at ${latency} ms latency: ${fmt(node.wallMs, 0)} ms, limit ${limit} ms`);
		figures.push({ name: `1c. ${small} items, ${latency} ms server, default concurrency ${concurrency}`, value: `${fmt(node.wallMs, 0)} ms = ${fmt(ratio)}x the limit N x latency / concurrency (${limit} ms)`, goal: '<= 1.3x', met: ratio <= 1.3 });
	});
}

/** One rate-limit run: ratio to the limit's own time, 429 share, items lost, peak in flight. */
interface LimitRun {
	seconds: number;
	/** From the server's first request to its last: the run without the preparation before the first request. */
	spanSeconds: number;
	limitSeconds: number;
	share429: number;
	lost: number;
	peak: number;
	ok: boolean;
}

const limitValue = (r: LimitRun) =>
	`${fmt(r.seconds, 1)} s = ${fmt(r.seconds / r.limitSeconds)}x the limit's ${fmt(r.limitSeconds, 1)} s (first to last request ${fmt(r.spanSeconds, 1)} s = ${fmt(r.spanSeconds / r.limitSeconds)}x); ${fmt(r.share429 * 100, 1)} % of requests answered 429; ${r.lost} lost; peak in flight ${r.peak}`;
const limitMet = (r: LimitRun) => r.ok && r.seconds / r.limitSeconds <= 1.1 && r.share429 <= 0.05 && r.lost === 0;
const LIMIT_GOAL = '<= 1.1x, <= 5 % 429s, 0 lost';

/**
 * Figure 3: rate limits. Our node with default settings against the mock server enforcing an
 * account's limits (test/support/rateLimitServer.ts: buckets of one second's worth, OpenAI's
 * x-ratelimit headers, 429 with retry-after-ms), in the harness; the real-n8n side is figureRealLimits.
 */
async function figureRateLimit() {
	const items = 1000;
	console.log(`3. rate limits: ${items} items, default settings, ${RATE} requests/s; then a ${TOKEN_RATE} tokens/s limit`);
	const harness = async (label: string, serverArgs: [number, number, string[]], chat: { promptChars?: number; maxTokens?: number }, count = items) => {
		const { result: node, stats } = await withServer(serverArgs[0], serverArgs[1], async (url) => worker('node', url, count, 'default', 'default', 1, { ...chat, warmUp: false }), serverArgs[2]);
		const run = { seconds: node.wallMs / 1000, spanSeconds: stats.spanMs / 1000, share429: stats.rateLimited / stats.served, lost: count - (node.outputs - node.errors), peak: stats.peakInFlight, ok: true, stats };
		console.log(`    ${label}: ${fmt(run.seconds, 1)} s, ${run.lost} lost, ${stats.rateLimited}/${stats.served} answered 429`);
		return run;
	};
	const rpm = await harness('requests limit', [20, RATE, ['0', '1']], {});
	const rpmRun = { ...rpm, limitSeconds: items / RATE };
	figures.push({ name: `3a. Harness, ${items} items at R = ${RATE} requests/s, default settings`, value: limitValue(rpmRun), goal: LIMIT_GOAL, met: limitMet(rpmRun) });
	const tpm = await harness('tokens limit', [20, TOKEN_REQUEST_RATE, [String(TOKEN_RATE), '1']], TOKEN_CHAT);
	const tpmRun = { ...tpm, limitSeconds: tpm.stats.tokens / TOKEN_RATE };
	figures.push({
		name: `3b. Harness, ${items} items where the tokens limit binds (${TOKEN_RATE} tokens/s = ${TOKEN_RATE * 60} TPM; ~${Math.round(tpm.stats.tokens / items)} tokens a request, max output ${TOKEN_CHAT.maxTokens}; ${TOKEN_REQUEST_RATE} requests/s), default settings`,
		value: `${limitValue(tpmRun)} (limit: ${tpm.stats.tokens} tokens / ${TOKEN_RATE} per s)`,
		goal: LIMIT_GOAL,
		met: limitMet(tpmRun),
	});
	const bare = await harness('requests limit, no x-ratelimit headers', [20, RATE, ['0', '0']], {});
	const bareRun = { ...bare, limitSeconds: items / RATE };
	figures.push({ name: `3c. Harness, as 3a but the server sends no x-ratelimit headers (only retry-after-ms)`, value: limitValue(bareRun), goal: 'report', met: undefined });
	const small = 200;
	const latency = 500;
	const { result: slow, stats: slowStats } = await withServer(latency, 0, async (url) => worker('node', url, small, 'default', 'default', 1, { warmUp: false }));
	const bound = (small * latency) / 10 / 1000;
	figures.push({
		name: `3d. Harness, ${small} items at ${latency} ms latency, no limit, default settings`,
		value: `${fmt(slow.wallMs / 1000, 1)} s = ${fmt(slow.wallMs / 1000 / bound)}x N x latency / concurrency (${bound} s) (first to last request + latency ${fmt((slowStats.spanMs + latency) / 1000, 1)} s = ${fmt((slowStats.spanMs + latency) / 1000 / bound)}x); ${small - (slow.outputs - slow.errors)} lost`,
		goal: '<= 1.1x',
		met: slow.wallMs / 1000 / bound <= 1.1,
	});
}

/** Figure 3, real n8n: the same limits, ours with default settings, and n8n's built-in OpenAI node's outcome. */
function figureRealLimits() {
	const items = 1000;
	const tokenFiller = promptFiller(TOKEN_CHAT.promptChars);
	const scenarios: Array<Pick<RealResult, 'name' | 'workflow' | 'latencyMs' | 'rate'> & IDataObject> = [
		{ name: 'ours-rpm', workflow: 'ours', latencyMs: 20, rate: RATE },
		{ name: 'builtin-rpm', workflow: 'builtin', latencyMs: 20, rate: RATE },
		{ name: 'ours-tpm', workflow: 'ours', latencyMs: 20, rate: TOKEN_REQUEST_RATE, tokensPerSecond: TOKEN_RATE, ourParameters: chatParameters(HAS_CHAT, {}, TOKEN_CHAT), promptFiller: tokenFiller },
		{ name: 'builtin-tpm', workflow: 'builtin', latencyMs: 20, rate: TOKEN_REQUEST_RATE, tokensPerSecond: TOKEN_RATE, promptFiller: tokenFiller },
		{ name: 'ours-500ms', workflow: 'ours', latencyMs: 500, items: 200 },
	];
	console.log(`3 (real n8n): ${scenarios.map((x) => x.name).join(', ')}`);
	const { n8nVersion, results } = realN8n(items, scenarios, chatParameters(HAS_CHAT));
	const by = (name: string) => results.find((r) => r.name === name)!;
	const lines = ['| Run | Node time | Outcome | Server |', '|---|---|---|---|'];
	for (const r of results) lines.push(`| ${r.name} | ${fmt((r.nodeMs ?? r.wallMs) / 1000, 2)} s | ${outcome(r, r.name.endsWith('500ms') ? 200 : items)} | ${r.server ?? ''} |`);
	for (const line of lines) console.log(`    ${line}`);
	extraSections.push(`## Figure 3 in detail: real n8n\n\n${lines.join('\n')}`);
	const real = (r: RealResult, limitSeconds: number, count = items): LimitRun => {
		const stats = serverStats(r.server);
		return {
			seconds: (r.nodeMs ?? r.wallMs) / 1000,
			spanSeconds: stats.spanMs / 1000,
			limitSeconds,
			share429: stats.rateLimited / stats.served,
			lost: count - (r.status === 'success' ? r.outputs : 0),
			peak: stats.peakInFlight,
			ok: r.status === 'success',
		};
	};
	const rpm = real(by('ours-rpm'), items / RATE);
	figures.push({ name: `3e. Real n8n ${n8nVersion}, ${items} items at R = ${RATE} requests/s, default settings`, value: `${limitValue(rpm)}; built-in OpenAI node: ${outcome(by('builtin-rpm'), items)}`, goal: LIMIT_GOAL, met: limitMet(rpm) });
	const tokens = serverStats(by('ours-tpm').server).tokens;
	const tpm = real(by('ours-tpm'), tokens / TOKEN_RATE);
	figures.push({ name: `3f. Real n8n, ${items} items where the tokens limit binds (as 3b), default settings`, value: `${limitValue(tpm)}; built-in OpenAI node: ${outcome(by('builtin-tpm'), items)}`, goal: LIMIT_GOAL, met: limitMet(tpm) });
	const slow = real(by('ours-500ms'), (200 * 500) / 10 / 1000, 200);
	figures.push({
		name: '3g. Real n8n, 200 items at 500 ms latency, no limit, default settings',
		value: `${fmt(slow.seconds, 1)} s = ${fmt(slow.seconds / slow.limitSeconds)}x N x latency / concurrency (${slow.limitSeconds} s) (first to last request + latency ${fmt(slow.spanSeconds + 0.5, 1)} s = ${fmt((slow.spanSeconds + 0.5) / slow.limitSeconds)}x); ${slow.lost} lost`,
		goal: '<= 1.1x',
		met: slow.ok && slow.lost === 0 && slow.seconds / slow.limitSeconds <= 1.1,
	});
}

interface RealResult {
	name: string;
	workflow: 'trivial' | 'ours' | 'builtin' | 'legacy';
	latencyMs?: number;
	rate?: number;
	status: string;
	error?: string;
	outputs: number;
	execMs?: number;
	nodeMs?: number;
	cpuMs: number;
	maxRssMb: number;
	wallMs: number;
	server?: string;
}

/** Runs bench/realN8n.mjs (real n8n 2.41.1 from scripts/install-n8n.sh) and returns its results. */
function realN8n(items: number, scenarios: Array<Pick<RealResult, 'name' | 'workflow' | 'latencyMs' | 'rate'>>, ourParameters: object) {
	const config = { items, buildDir: BUILD, ourParameters, scenarios };
	const out = execFileSync(NODE, [path.join(ROOT, 'bench', 'realN8n.mjs'), JSON.stringify(config)], {
		cwd: ROOT,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		stdio: ['ignore', 'pipe', 'inherit'],
		timeout: 40 * 60 * 1000, // a cold n8n install takes ~5 minutes
	});
	return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { n8nVersion: string; results: RealResult[] };
}

/** Requests the server answered with a reply (not a 429), from its closing line. */
const answered = (server = '') => {
	const match = /served (\d+) requests, (\d+) rate-limited/.exec(server);
	return match ? Number(match[1]) - Number(match[2]) : undefined;
};

const outcome = (r: RealResult, items: number) =>
	r.status === 'success' && !r.error
		? `${r.outputs}/${items} items`
		: `execution ${r.status}${r.error ? ` (${r.error})` : ''} after ${answered(r.server) ?? '?'} answered requests, ${r.outputs} output items`;

/**
 * Figure 2, and the real-n8n side of figure 3: the same workflow (Manual Trigger > Set > Split Out
 * into 1000 items > OpenAI) in real n8n, once with our node and once with n8n's built-in OpenAI node
 * (V2, text > Message a Model, `openAiApi` credential with its Base URL on our server). Each run is
 * one `n8n execute` process; a trivial workflow (no OpenAI node), run before and after, measures
 * n8n's start-up so it can be taken off CPU and RSS. n8n's own declarative OpenAI node (n8n-nodes-base.openAi
 * 1.1) runs the same workflow too, as a reference for what RoutingNode costs in real n8n.
 */
function figureRealN8n() {
	const items = 1000;
	const latency = 20;
	console.log(`2. real n8n: ${items} items, ${OPERATION} vs n8n's built-in OpenAI node (Message a Model), ${latency} ms server`);
	const scenarios: Array<Pick<RealResult, 'name' | 'workflow' | 'latencyMs' | 'rate'>> = [
		{ name: 'trivial-before', workflow: 'trivial' },
		{ name: 'ours-20ms', workflow: 'ours', latencyMs: latency },
		{ name: 'builtin-20ms', workflow: 'builtin', latencyMs: latency },
		{ name: 'legacy-20ms', workflow: 'legacy', latencyMs: latency },
		{ name: 'trivial-after', workflow: 'trivial' },
	];
	const { n8nVersion, results } = realN8n(items, scenarios, { ...chatParameters(HAS_CHAT), requestOptions: { maxRetries: 10 } });
	const by = (name: string) => results.find((r) => r.name === name)!;
	const trivial = [by('trivial-before'), by('trivial-after')];
	const baseCpu = (trivial[0].cpuMs + trivial[1].cpuMs) / 2;
	const baseRss = Math.max(trivial[0].maxRssMb, trivial[1].maxRssMb);
	const row = (r: RealResult) => {
		const cpuPerItem = (r.cpuMs - baseCpu) / items;
		const seconds = (r.nodeMs ?? r.execMs ?? r.wallMs) / 1000;
		return { cpuPerItem, seconds, throughput: r.outputs / seconds };
	};
	const lines = [
		`n8n ${n8nVersion}, \`n8n execute\` per run. Start-up (trivial workflow: same 1000-item source, no OpenAI node): ${fmt(trivial[0].cpuMs / 1000)} s and ${fmt(trivial[1].cpuMs / 1000)} s CPU, peak RSS ${fmt(baseRss, 0)} MB.`,
		'',
		'| Run | Node time | CPU above start-up per item | Peak RSS (above start-up) | Outcome | Server |',
		'|---|---|---|---|---|---|',
	];
	for (const r of results.filter((x) => x.workflow !== 'trivial')) {
		const { cpuPerItem, seconds } = row(r);
		lines.push(`| ${r.name} | ${fmt(seconds, 2)} s | ${fmt(cpuPerItem, 2)} ms | ${fmt(r.maxRssMb, 0)} MB (+${fmt(r.maxRssMb - baseRss, 0)}) | ${outcome(r, items)} | ${r.server ?? ''} |`);
	}
	for (const line of lines) console.log(`    ${line}`);
	extraSections.push(`## Figure 2 in detail: real n8n\n\n${lines.join('\n')}`);

	const ours = by('ours-20ms');
	const builtin = by('builtin-20ms');
	const o = row(ours);
	const b = row(builtin);
	const oursOk = ours.status === 'success' && ours.outputs === items;
	const builtinOk = builtin.status === 'success' && builtin.outputs === items;
	figures.push({
		name: `2a. Real n8n ${n8nVersion}, ${items} items, ${latency} ms server: throughput vs the built-in OpenAI node`,
		value: `${fmt(o.throughput / b.throughput, 1)}x (ours ${fmt(o.seconds, 2)} s, ${outcome(ours, items)}; built-in ${fmt(b.seconds, 2)} s, ${outcome(builtin, items)})`,
		goal: '>= 5x',
		met: oursOk && builtinOk ? o.throughput / b.throughput >= 5 : undefined,
	});
	figures.push({
		name: '2b. Real n8n: CPU per item (n8n process, start-up taken off)',
		value: `ours ${fmt(o.cpuPerItem, 2)} ms, built-in ${fmt(b.cpuPerItem, 2)} ms = ${fmt(b.cpuPerItem / Math.max(o.cpuPerItem, 0.001), 1)}x less`,
		goal: '<= 1/5 of the built-in',
		met: oursOk && builtinOk ? o.cpuPerItem <= b.cpuPerItem / 5 : undefined,
	});
	figures.push({
		name: '2c. Real n8n: peak RSS of the n8n process',
		value: `ours ${fmt(ours.maxRssMb, 0)} MB, built-in ${fmt(builtin.maxRssMb, 0)} MB (start-up alone ${fmt(baseRss, 0)} MB)`,
		goal: 'report',
		met: undefined,
	});
	const legacy = by('legacy-20ms');
	const l = row(legacy);
	figures.push({
		name: "2d. Real n8n: n8n's own declarative OpenAI node (n8n-nodes-base.openAi 1.1, run by RoutingNode like ours), same workflow",
		value: `CPU ${fmt(l.cpuPerItem, 2)} ms per item (ours ${fmt(o.cpuPerItem, 2)}, built-in V2 ${fmt(b.cpuPerItem, 2)}); ${fmt(l.seconds, 2)} s, ${outcome(legacy, items)}`,
		goal: 'report',
		met: undefined,
	});
}

interface MemoryMeasurement {
	kind: string;
	operation: string;
	fileMb: number;
	rssBeforeMb: number;
	peakRssMb: number;
	growthMb: number;
	ratio: number;
	peakFrom: string;
	outputs: number;
	error?: string;
}

/**
 * Figure 4: peak RSS growth for one large multipart upload through our node in the harness, each in
 * a fresh process (bench/memoryWorker.ts), against a 0 ms server that only counts the bytes.
 */
async function figureMemory() {
	console.log('4. memory: peak RSS growth for a 25 MB transcription, a 100 MB file upload and a 1 GB upload in parts');
	const PART_MB = 64;
	await withServer(0, 0, async (url) => {
		for (const [kind, megabytes, label, letter] of [
			['transcribe', 25, '25 MB audio transcription', 'a'],
			['upload', 100, '100 MB file upload', 'b'],
			['uploadParts', 1024, '1 GB file upload in parts', 'c'],
		] as const) {
			const out = execFileSync(NODE, ['--expose-gc', path.join(BUILD, 'bench', 'memoryWorker.js'), url, kind, String(megabytes * 1024 * 1024)], {
				encoding: 'utf8',
				maxBuffer: 16 * 1024 * 1024,
				stdio: ['ignore', 'pipe', 'inherit'],
			});
			const m = JSON.parse(out.trim().split('\n').pop() ?? '{}') as MemoryMeasurement;
			const ok = m.outputs === 1 && !m.error;
			console.log(`    ${label} (${m.operation}): RSS ${fmt(m.rssBeforeMb, 0)} MB before, peak ${fmt(m.peakRssMb, 0)} MB, growth ${fmt(m.growthMb, 0)} MB = ${fmt(m.ratio)}x${ok ? '' : `, FAILED: ${m.error}`}`);
			// An upload in parts holds parts, not the file: its goal is at most 2 parts (128 MB) in memory.
			const inParts = kind === 'uploadParts';
			figures.push({
				name: `4${letter}. ${label}: peak RSS growth (${m.operation})`,
				value: `${fmt(m.growthMb, 0)} MB = ${inParts ? `${fmt(m.growthMb / PART_MB)} parts of ${PART_MB} MB, ` : ''}${fmt(m.ratio)}x the file (RSS ${fmt(m.rssBeforeMb, 0)} -> ${fmt(m.peakRssMb, 0)} MB)${ok ? '' : `; the request FAILED: ${m.error}`}`,
				goal: inParts ? `<= 2 parts (${2 * PART_MB} MB)` : '<= 2x the file size',
				met: ok ? (inParts ? m.growthMb <= 2 * PART_MB : m.ratio <= 2) : false,
			});
		}
	});
}

interface BatchMeasurement {
	mode: string;
	items: number;
	outputs: number;
	errors: number;
	paired: boolean;
	wallMs: number;
	cpuMs: number;
	rssBeforeMb: number;
	peakRssMb: number;
	jsonlMb: number;
}

/**
 * Figure 6: "Send Through Batch API" against scripts/mock-openai.mjs (its Batch API answers at once): 1,000 items as
 * one batch against the same items sent directly, each in a fresh process: the node's CPU per item, and the peak RSS
 * growth, which shows whether the JSONL (about 8 MB here) is held whole or written while it is uploaded.
 */
async function figureBatch() {
	const items = 1000;
	const promptBytes = 8 * 1024;
	console.log(`6. Send Through Batch API: ${items} items with ${promptBytes / 1024} kB prompts, one batch vs direct requests`);
	const child = spawn(NODE, [path.join(ROOT, 'scripts', 'mock-openai.mjs'), '--lifetime', '900'], { stdio: ['ignore', 'pipe', 'inherit'] });
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const found = /listening on (\S+)/.exec(out);
			if (found) resolve(found[1]);
		});
		child.once('exit', (code) => reject(new Error(`mock-openai exited ${code}`)));
	});
	const measure = (mode: 'direct' | 'batch'): BatchMeasurement =>
		JSON.parse(
			execFileSync(NODE, ['--expose-gc', path.join(BUILD, 'bench', 'batchWorker.js'), mode, `${url}/v1`, String(items), String(promptBytes)], {
				encoding: 'utf8',
				maxBuffer: 16 * 1024 * 1024,
				stdio: ['ignore', 'pipe', 'inherit'],
			})
				.trim()
				.split('\n')
				.pop() ?? '{}',
		) as BatchMeasurement;
	try {
		const direct = measure('direct');
		const batch = measure('batch');
		const perItem = (m: BatchMeasurement) => m.cpuMs / m.items;
		const growth = (m: BatchMeasurement) => m.peakRssMb - m.rssBeforeMb;
		const ok = batch.outputs === items && batch.errors === 0 && batch.paired;
		console.log(`    direct: ${fmt(perItem(direct), 2)} ms CPU per item, RSS growth ${fmt(growth(direct), 0)} MB; batch: ${fmt(perItem(batch), 2)} ms, ${fmt(growth(batch), 0)} MB; ${batch.outputs} outputs, paired: ${batch.paired}`);
		figures.push({
			name: `6a. Batch path: ${items} items, node CPU per item vs the direct path`,
			value: `${fmt(perItem(batch), 2)} ms vs ${fmt(perItem(direct), 2)} ms = ${fmt(perItem(batch) / perItem(direct))}x; ${batch.outputs}/${items} items back, ${batch.paired ? 'all paired' : 'NOT all paired'}, ${batch.errors} errors`,
			goal: '<= 1x the direct path, all items back and paired',
			met: ok && perItem(batch) <= perItem(direct),
		});
		figures.push({
			name: '6b. Batch path: peak RSS growth with a ~8 MB JSONL (streamed while uploaded)',
			value: `${fmt(growth(batch), 0)} MB (direct path: ${fmt(growth(direct), 0)} MB); difference ${fmt(growth(batch) - growth(direct), 0)} MB for a ${fmt(batch.jsonlMb, 1)} MB file`,
			goal: 'less than the file above the direct path',
			met: ok && growth(batch) - growth(direct) < batch.jsonlMb,
		});
	} finally {
		child.kill('SIGTERM');
	}
}

function figurePackage() {
	console.log('5. package cost');
	const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	const { size, unpackedSize, entryCount } = packed[0];
	figures.push({ name: '5a. Packed tarball', value: `${fmt(size / 1024, 1)} kB (${entryCount} files, ${fmt(unpackedSize / 1024, 1)} kB unpacked)`, goal: '< 300 kB', met: size < 300 * 1024 });
	// n8n has n8n-workflow loaded before it loads any community node, so it is loaded untimed here too.
	const script = `require('n8n-workflow');const t=process.hrtime.bigint();require(${JSON.stringify(path.join(ROOT, 'dist/nodes/OpenAiPlatform/OpenAiPlatform.node.js'))});require(${JSON.stringify(path.join(ROOT, 'dist/credentials/OpenAiPlatformApi.credentials.js'))});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
	const samples = Array.from({ length: 5 }, () => Number(execFileSync(NODE, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).trim()));
	samples.sort((a, b) => a - b);
	const median = samples[2];
	figures.push({ name: '5b. Load time (require node + credential in a fresh process with n8n-workflow loaded, median of 5)', value: `${fmt(median, 1)} ms`, goal: '< 50 ms', met: median < 50 });
}

/** A row or a "## Figure N in detail" section of an earlier RESULTS.md, for the figures this run did not measure. */
function keptFromEarlier(previous: string, measured: string[]) {
	const notMeasured = (figure: string) => measured.length > 0 && !measured.includes(figure);
	const rows = previous
		.split('\n')
		.filter((line) => /^\| \d[a-z]*'?\. /.test(line) && notMeasured(/^\| (\d)/.exec(line)![1]));
	const sections = previous
		.split(/\n(?=## )/)
		.filter((section) => /^## Figure (\d) in detail/.test(section) && notMeasured(/^## Figure (\d)/.exec(section)![1]))
		.map((section) => section.trim());
	return { rows, sections };
}

function report(measured: string[]) {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const load = os.loadavg().map((n) => fmt(n, 1)).join(' / ');
	const header = `Measured ${new Date().toISOString()} on ${os.cpus().length} x ${cpu}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; load average at start ${START_LOAD}, at the end ${load} (1/5/15 min: other work on this machine inflates times).`;
	const order = (row: string) => row.slice(2).split(' ')[0].replace(/[.']/g, '');
	const previous = (() => {
		try {
			return readFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), 'utf8');
		} catch {
			return '';
		}
	})();
	const kept = keptFromEarlier(previous, measured);
	const keptNote = kept.rows.length ? ` Figures ${[...new Set(kept.rows.map((row) => /^\| (\d)/.exec(row)![1]))].join(', ')} are kept from the earlier run this file held (\`npm run bench -- ${measured.join(' ')}\` measured only ${measured.join(', ')}).` : '';
	const rows = [...figures.map((f) => `| ${f.name} | ${f.value} | ${f.goal} | ${f.met === undefined ? 'n/a' : f.met ? 'met' : 'NOT met'} |`), ...kept.rows];
	rows.sort((a, b) => order(a).localeCompare(order(b)));
	const table = ['| Figure | Measured | Goal | |', '|---|---|---|---|', ...rows].join('\n');
	console.log(`\n${header}\n\n${table}\n`);
	const notes = previous.includes('## Notes') ? previous.slice(previous.indexOf('## Notes')) : '## Notes\n';
	const sections = [...kept.sections, ...extraSections].sort();
	writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), `# Benchmark results\n\nWritten by \`npm run bench\`. ${header}${keptNote}\n\n${table}\n\n${sections.join('\n\n')}${sections.length ? '\n\n' : ''}${notes}`);
}

void (async () => {
	const only = process.argv.slice(2);
	const want = (n: string) => only.length === 0 || only.includes(n);
	if (want('1')) await figureOverhead();
	if (want('2')) figureRealN8n();
	if (want('3')) await figureRateLimit();
	if (want('3')) figureRealLimits();
	if (want('4')) await figureMemory();
	if (want('5')) figurePackage();
	if (want('6')) await figureBatch();
	report(only);
})();
