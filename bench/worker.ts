/**
 * One benchmark measurement in a fresh process, printed as JSON on the last line:
 *   node worker.js node <baseUrl> <items> <concurrency> [maxRetries]   our node in n8n-core's WorkflowExecute
 *   node worker.js sdk  <baseUrl> <items> <concurrency> [maxRetries]   the same calls with the openai SDK
 * CPU is process.cpuUsage() over the measured part only (loading code and warm-up excluded).
 */
import { credentialsFor, loadPackage, runWorkflow, singleNodeWorkflow } from '../test/harness/n8n';

interface Measurement {
	items: number;
	outputs: number;
	errors: number;
	wallMs: number;
	cpuMs: number;
	peakRssMb: number;
}

const [mode, baseUrl, itemsArg, concurrencyArg, retriesArg = '2'] = process.argv.slice(2);
const items = Number(itemsArg);
const concurrency = Number(concurrencyArg);
const maxRetries = Number(retriesArg);

async function measure(run: () => Promise<{ outputs: number; errors: number }>): Promise<Measurement> {
	const cpu = process.cpuUsage();
	const started = performance.now();
	const { outputs, errors } = await run();
	const wallMs = performance.now() - started;
	const used = process.cpuUsage(cpu);
	return { items, outputs, errors, wallMs, cpuMs: (used.user + used.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function viaNode(count: number) {
	const parameters = {
		resource: 'chat',
		operation: 'complete',
		model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' },
		messages: { values: [{ role: 'user', content: '=item {{ $json.n }}' }] },
		requestOptions: { maxConcurrency: concurrency, maxRetries },
	};
	const inputs = Array.from({ length: count }, (_, n) => ({ json: { n } }));
	const result = await runWorkflow(singleNodeWorkflow(parameters, inputs), credentialsFor(baseUrl));
	const output = result.output('OpenAI');
	return { outputs: output.length, errors: result.error ? count : output.filter((item) => item.json.error !== undefined).length };
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
	const run = mode === 'sdk' ? viaSdk : viaNode;
	if (mode !== 'sdk') await loadPackage();
	await run(Math.min(20, items)); // warm-up: JIT, sockets, module loading
	const result = await measure(async () => await run(items));
	process.stdout.write(`\n${JSON.stringify(result)}\n`);
	process.exit(0);
})();
