/**
 * Faults under load: 1000 items against a server that rate-limits, fails, resets and stalls a
 * share of requests. Prints its figures; fails when an item is lost, doubled, unpaired, out of
 * order or wrong, or when more requests than the bound were in flight.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { ok, openAiError, startFaultServer } from '../support/faultServer';

const ITEMS = Number(process.env.LOAD_ITEMS ?? 1000);
const CONCURRENCY = 10;
/**
 * Far above any normal reply, even on a loaded 2-core machine: only a stalled request, which never
 * gets an answer, may time out, so which items fail does not depend on the machine's speed.
 */
const TIMEOUT_MS = 15_000;

/** The operation under load: chat.complete, one user message per item naming the item. */
const target = {
	parameters: (requestOptions: IDataObject): IDataObject => ({
		resource: 'chat',
		operation: 'complete',
		model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' },
		messages: { message: [{ role: 'user', content: '=item {{ $json.n }}' }] },
		requestOptions: { maxConcurrency: CONCURRENCY, timeout: TIMEOUT_MS, ...requestOptions },
	}),
	itemOf: (request: ReceivedRequest): number => {
		const body = JSON.parse(request.body.toString() || '{}') as { messages?: Array<{ content?: string }> };
		return Number(/item (\d+)/.exec(body.messages?.[0]?.content ?? '')?.[1]);
	},
	reply: (n: number): FaultAction =>
		ok({
			id: `chatcmpl-${n}`,
			object: 'chat.completion',
			created: 1,
			model: 'gpt-4.1-mini',
			choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: `answer ${n}`, refusal: null } }],
			usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
		}),
	textOf: (item: INodeExecutionData): unknown => item.json.text ?? (item.json.message as IDataObject | undefined)?.content,
};

/**
 * Which fault the first attempt of item n meets: 20 % 429 (18 % retry-after-ms, 2 % retry-after in seconds), 5 % 500,
 * 2 % reset, 1 % stall (no answer ever). A 429 pauses every lane of the node for its wait, so the 1 s ones are kept few:
 * 100 of them made the run last minutes on a loaded machine without testing anything more.
 */
function faultFor(n: number): FaultAction | undefined {
	const slot = (n * 37) % 100;
	if (slot < 18) return openAiError(429, 'Rate limit reached', { code: 'rate_limit_exceeded' }, { 'retry-after-ms': '50' });
	if (slot < 20) return openAiError(429, 'Rate limit reached', { code: 'rate_limit_exceeded' }, { 'retry-after': '1' });
	if (slot < 25) return openAiError(500, 'The server had an error');
	if (slot < 27) return { reset: true };
	if (slot < 28) return { hang: true };
	return undefined;
}

let server: FaultServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

function serveWithFaults(): Promise<FaultServer> {
	const attempts = new Map<number, number>();
	return startFaultServer(
		(request) => {
			const n = target.itemOf(request);
			const attempt = (attempts.get(n) ?? 0) + 1;
			attempts.set(n, attempt);
			return (attempt === 1 ? faultFor(n) : undefined) ?? target.reply(n);
		},
		{ lifetimeMs: 900_000 },
	);
}

const inputs = Array.from({ length: ITEMS }, (_, n) => ({ json: { n } }));

describe(`${ITEMS} chat.complete items under faults`, () => {
	it('all arrive, in order, paired, with the right content, at most the bound in flight (retries 5)', async () => {
		server = await serveWithFaults();
		const started = Date.now();
		const result = await runWorkflow(singleNodeWorkflow(target.parameters({ maxRetries: 5 }), inputs), credentialsFor(server.url));
		const seconds = (Date.now() - started) / 1000;
		const output = result.output('OpenAI');
		const perItem = new Map<number, number>();
		for (const request of server.requests) perItem.set(target.itemOf(request), (perItem.get(target.itemOf(request)) ?? 0) + 1);
		const attempts = [...perItem.values()];
		console.log(
			`load with retries: ${output.length}/${ITEMS} outputs, ${server.requests.length} requests, attempts per item avg ${(server.requests.length / ITEMS).toFixed(3)} max ${Math.max(...attempts)}, peak in flight ${server.peakInFlight} (bound ${CONCURRENCY}), ${seconds.toFixed(1)} s`,
		);
		expect(result.error).toBeUndefined();
		expect(output).toHaveLength(ITEMS);
		output.forEach((item, n) => {
			expect(item.pairedItem).toEqual({ item: n });
			expect(target.textOf(item)).toBe(`answer ${n}`);
		});
		// Every 429 pauses all lanes and halves them (see shared/pacer.ts), so with a fifth of first
		// attempts rate-limited the peak stays well under the bound; it must never exceed it.
		expect(server.peakInFlight).toBeLessThanOrEqual(CONCURRENCY);
	}, 900_000);

	it('with retries off and Continue On Fail, exactly the faulted items become paired error items', async () => {
		server = await serveWithFaults();
		const result = await runWorkflow(
			singleNodeWorkflow(target.parameters({ maxRetries: 0 }), inputs, { continueOnFail: true }),
			credentialsFor(server.url),
		);
		const output = result.output('OpenAI');
		const failed = output.filter((item) => item.json.error !== undefined).length;
		const expectedFailures = inputs.filter(({ json }) => faultFor(json.n) !== undefined).length;
		console.log(`load without retries: ${output.length}/${ITEMS} outputs, ${failed} error items (expected ${expectedFailures}), ${server.requests.length} requests, peak in flight ${server.peakInFlight}`);
		expect(output).toHaveLength(ITEMS);
		expect(server.requests).toHaveLength(ITEMS);
		output.forEach((item, n) => {
			expect(item.pairedItem).toEqual({ item: n });
			if (faultFor(n)) expect(item.json.error).toEqual(expect.any(String));
			else expect(target.textOf(item)).toBe(`answer ${n}`);
		});
		expect(failed).toBe(expectedFailures);
	}, 900_000);
});
