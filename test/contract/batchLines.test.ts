/**
 * "Send Through Batch API" against steady serving OpenAI's spec: the JSONL upload and the batch creation must be
 * valid requests, and so must every line's body, checked as the direct request it stands for (sent to steady at the
 * line's URL), for every operation that offers the option.
 */
import { TEST_API_KEY, credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import { BATCH_CASES } from '../support/batchCases';
import type { RecordedExchange, RecordingProxy, RunningSteady } from '../support/servers';
import { startRecordingProxy, startSteady } from '../support/servers';

let steady: RunningSteady;
let proxy: RecordingProxy;
let linesChecked = 0;

beforeAll(async () => {
	steady = await startSteady({ extraArgs: ['--validator-form-object-format', 'brackets'] });
	proxy = await startRecordingProxy(steady.url);
}, 150_000);

afterAll(async () => {
	await proxy?.stop();
	await steady?.stop();
	console.log(`contract, Send Through Batch API: ${BATCH_CASES.length} operations, ${linesChecked} JSONL line bodies valid as direct requests`);
});

/** The JSONL file part of a multipart upload. */
function uploadedJsonl(exchange: RecordedExchange): string {
	const raw = exchange.requestBody.toString('utf8');
	const boundary = /^--([^\r\n]+)/.exec(raw)?.[1] ?? '';
	const part = raw.split(`--${boundary}`).find((chunk) => /name="file"/.test(chunk)) ?? '';
	return part.split('\r\n\r\n').slice(1).join('\r\n\r\n').replace(/\r\n$/, '');
}

function diagnostics(exchange: RecordedExchange): string {
	return `${exchange.method} ${exchange.path} -> ${exchange.status}: ${exchange.errors.map((e) => `${e.code} ${e.path}: ${e.message}`).join('; ')}`;
}

describe('Send Through Batch API (steady + OpenAI spec)', () => {
	it.each(BATCH_CASES.map((entry) => [entry.operation, entry]))('%s: upload, batch and every line are valid', async (_name, entry) => {
		const before = proxy.exchanges.length;
		const items = ['first text', 'second text'].map((text, n) => ({ json: { text, n } }));
		const parameters = { ...entry.parameters, sendThroughBatch: true, batchWaitMinutes: 0, batchDeadline: 'returnBatchId' };
		const result = await runWorkflow(singleNodeWorkflow(parameters, items), credentialsFor(proxy.url));
		const exchanges = proxy.exchanges.slice(before);
		for (const exchange of exchanges) expect([exchange.valid, exchange.errorCount, diagnostics(exchange)]).toEqual([true, 0, diagnostics(exchange)]);
		const seen = exchanges.map((exchange) => `${exchange.method} ${exchange.matchedPath ?? exchange.path}`);
		expect(seen.slice(0, 3)).toEqual(['POST /files', 'POST /batches', 'GET /batches/{batch_id}']);
		// steady's replies are random: a clear node error is fine, a crash is not.
		if (result.error) expect(String(result.error.message)).not.toMatch(/Cannot read propert|is not a function|undefined/);

		const lines = uploadedJsonl(exchanges[0]).trim().split('\n').map((line) => JSON.parse(line) as { url: string; body: unknown });
		expect(lines).toHaveLength(2);
		for (const line of lines) {
			const reply = await fetch(`${steady.url}${line.url.replace(/^\/v1/, '')}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
				body: JSON.stringify(line.body),
			});
			await reply.arrayBuffer();
			const errors = Number(reply.headers.get('x-steady-error-count') ?? 0);
			const messages = Array.from({ length: errors }, (_, i) => reply.headers.get(`x-steady-error-${i + 1}-message`));
			expect([reply.headers.get('x-steady-request-valid'), errors, messages]).toEqual(['true', 0, []]);
			linesChecked++;
		}
	});
});
