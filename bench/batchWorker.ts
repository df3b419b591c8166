/**
 * One "Send Through Batch API" measurement in a fresh process, printed as JSON on the last line:
 *   node batchWorker.js <direct|batch> <baseUrl> <items> <promptBytes>
 * chat.prompt for <items> items with prompts of <promptBytes> characters against scripts/mock-openai.mjs (a process
 * of its own, so its CPU is not counted), sent directly (one request each) or as one batch. CPU is this process's
 * CPU over the run (loading and warm-up excluded); peak RSS growth shows whether the JSONL file is held whole.
 */
import { credentialsFor, loadPackage, runWorkflow, singleNodeWorkflow } from '../test/harness/n8n';

const [mode, baseUrl, itemsArg, promptBytesArg] = process.argv.slice(2);
const items = Number(itemsArg);
const promptBytes = Number(promptBytesArg);

function parameters(batched: boolean) {
	return {
		resource: 'chat',
		operation: 'prompt',
		model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' },
		prompt: '={{ $json.prompt }}',
		...(batched ? { sendThroughBatch: true, batchWaitMinutes: 10, batchDeadline: 'fail' } : {}),
	};
}

async function run(count: number, batched: boolean) {
	const inputs = Array.from({ length: count }, (_, n) => ({ json: { prompt: `${n} ${'x'.repeat(Math.max(0, promptBytes - 8))}` } }));
	const result = await runWorkflow(singleNodeWorkflow(parameters(batched), inputs), credentialsFor(baseUrl));
	const output = result.error ? [] : result.output('OpenAI');
	const paired = output.every((item, index) => (item.pairedItem as { item?: number } | undefined)?.item === index);
	return { outputs: output.length, errors: result.error ? count : output.filter((item) => item.json.error !== undefined).length, paired };
}

void (async () => {
	const batched = mode === 'batch';
	await loadPackage();
	await run(20, batched); // warm-up: JIT, sockets, module loading
	global.gc?.();
	const rssBefore = process.memoryUsage().rss;
	const cpu = process.cpuUsage();
	const started = performance.now();
	const outcome = await run(items, batched);
	const wallMs = performance.now() - started;
	const used = process.cpuUsage(cpu);
	const peakRssMb = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(
		`\n${JSON.stringify({ mode, items, ...outcome, wallMs, cpuMs: (used.user + used.system) / 1000, rssBeforeMb: rssBefore / 2 ** 20, peakRssMb, jsonlMb: (items * (promptBytes + 200)) / 2 ** 20 })}\n`,
	);
	process.exit(0);
})();
