/**
 * One benchmark measurement in a fresh process, printed as JSON on the last line:
 *   node worker.js node <baseUrl> <items> <concurrency> [maxRetries]   our node in n8n-core's WorkflowExecute
 *     (concurrency and maxRetries may be "default": the node's own defaults, no Request Options set)
 *   node worker.js sdk  <baseUrl> <items> <concurrency> [maxRetries]   the same calls with the openai SDK
 *   node worker.js minimal[:<padding>] <baseUrl> <items> ...         the same calls through a minimal declarative node
 *                                                                     (bench/minimalNode.ts) in the same harness
 * [repeats] measures that many runs in the process and reports the one with the least CPU; [promptChars] and
 * [maxTokens] make bigger chat requests (the tokens-limit figure).
 * CPU is process.cpuUsage() over the measured part only (loading code and warm-up excluded).
 */
import { PACKAGE_DIR, credentialsFor, extraNodeTypes, loadPackage, runWorkflow, singleNodeWorkflow } from '../test/harness/n8n';
import { MINIMAL_NODE_TYPE, minimalChatNode, minimalChatParameters } from './minimalNode';
import { chatParameters, packageHasChat } from './params';

interface Measurement {
	items: number;
	outputs: number;
	errors: number;
	wallMs: number;
	cpuMs: number;
	peakRssMb: number;
}

const [mode, baseUrl, itemsArg, concurrencyArg, retriesArg = '2', repeatsArg = '1', promptChars = '0', maxTokens = '0'] = process.argv.slice(2);
const repeats = Math.max(1, Number(repeatsArg));
const items = Number(itemsArg);
const concurrency = concurrencyArg === 'default' ? 10 : Number(concurrencyArg);
const requestOptions = {
	...(concurrencyArg === 'default' ? {} : { maxConcurrency: concurrency }),
	...(retriesArg === 'default' ? {} : { maxRetries: Number(retriesArg) }),
};
const maxRetries = retriesArg === 'default' ? 2 : Number(retriesArg);

async function measure(run: () => Promise<{ outputs: number; errors: number }>): Promise<Measurement> {
	const cpu = process.cpuUsage();
	const started = performance.now();
	const { outputs, errors } = await run();
	const wallMs = performance.now() - started;
	const used = process.cpuUsage(cpu);
	return { items, outputs, errors, wallMs, cpuMs: (used.user + used.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function viaNode(count: number) {
	const parameters = chatParameters(packageHasChat(PACKAGE_DIR), requestOptions, { promptChars: Number(promptChars), maxTokens: Number(maxTokens) });
	const inputs = Array.from({ length: count }, (_, n) => ({ json: { n } }));
	const result = await runWorkflow(singleNodeWorkflow(parameters, inputs), credentialsFor(baseUrl));
	const output = result.output('OpenAI');
	return { outputs: output.length, errors: result.error ? count : output.filter((item) => item.json.error !== undefined).length };
}

/** RoutingNode's own cost: the same request through a minimal declarative node (no hooks, no limiter: RoutingNode sends every item at once). */
async function viaMinimal(count: number) {
	const inputs = Array.from({ length: count }, (_, n) => ({ json: { n } }));
	const result = await runWorkflow(singleNodeWorkflow(minimalChatParameters, inputs, { type: MINIMAL_NODE_TYPE }), credentialsFor(baseUrl));
	const output = result.output('OpenAI');
	return { outputs: output.length, errors: result.error ? count : output.filter((item) => !item.json.choices).length };
}

async function viaSdk(count: number) {
	const { default: OpenAI } = await import('openai');
	const client = new OpenAI({ apiKey: 'sk-bench', baseURL: baseUrl, maxRetries });
	let next = 0;
	let outputs = 0;
	let errors = 0;
	const lane = async () => {
		while (next < count) {
			const n = next++;
			try {
				const reply = await client.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: `item ${n}` }] });
				if (reply.choices[0]?.message?.content) outputs++;
			} catch {
				errors++;
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, lane));
	return { outputs, errors };
}

void (async () => {
	const [kind, padding = '0'] = mode.split(':');
	if (kind === 'minimal') extraNodeTypes.set(MINIMAL_NODE_TYPE, minimalChatNode(Number(padding)));
	const run = kind === 'sdk' ? viaSdk : kind === 'minimal' ? viaMinimal : viaNode;
	if (kind !== 'sdk') await loadPackage();
	// warm-up: JIT, sockets, module loading (BENCH_WARMUP=0: none, so a rate-limited server counts only the measured run)
	if (process.env.BENCH_WARMUP !== '0') await run(Math.min(20, items));
	// Best of N in one process: the machine may be shared, and the least disturbed run is the
	// closest to what the code costs. Each run reports its own CPU and wall time.
	const runs: Measurement[] = [];
	for (let i = 0; i < repeats; i++) runs.push(await measure(async () => await run(items)));
	const best = runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
	const result = { ...best, wallMs: Math.min(...runs.map((r) => r.wallMs)), runs: runs.map((r) => [Math.round(r.cpuMs), Math.round(r.wallMs)]) };
	process.stdout.write(`\n${JSON.stringify(result)}\n`);
	process.exit(0);
})();
