/**
 * Rate limits through the whole node (n8n-core's WorkflowExecute, real sockets) against a local
 * server that enforces an account's limits. Outcomes only: every item succeeds and is paired, few
 * requests are answered 429, waits end at Max Rate-Limit Wait. No time is asserted.
 */
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultPlan, FaultServer } from '../support/faultServer';
import { ok, openAiError, startFaultServer } from '../support/faultServer';
import { rateLimitedChat } from '../support/rateLimitServer';

let server: FaultServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

async function serve(plan: FaultPlan) {
	server = await startFaultServer(plan, { lifetimeMs: 120_000 });
	return server;
}

const chat = (requestOptions?: IDataObject): IDataObject => ({
	resource: 'chat',
	operation: 'complete',
	model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' },
	messages: { message: [{ role: 'user', content: '=item {{ $json.n }}' }] },
	...(requestOptions ? { requestOptions } : {}),
});

const items = (count: number) => Array.from({ length: count }, (_, n) => ({ json: { n } }));
const rateLimit = (ms = 20) => openAiError(429, 'Rate limit reached for requests', { code: 'rate_limit_exceeded' }, { 'retry-after-ms': String(ms) });
const completion = ok({
	id: 'chatcmpl-1',
	object: 'chat.completion',
	created: 1,
	model: 'gpt-4.1-mini',
	choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: 'fine', refusal: null } }],
	usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
});

describe('under a sustained requests-per-second limit, with default settings', () => {
	it.each([
		['with', true, 0.05],
		['without', false, undefined],
	])('200 items all succeed, paired, %s rate-limit headers', async (_, headers, max429Share) => {
		const account = rateLimitedChat({ requestsPerSecond: 100, burstSeconds: 0.1, headers }, 5);
		const s = await serve(account.plan);
		const result = await runWorkflow(singleNodeWorkflow(chat(), items(200)), credentialsFor(s.url));
		const output = result.output('OpenAI');
		const share = account.stats.rejected / s.requests.length;
		console.log(`rate limit ${headers ? 'with' : 'without'} headers: ${output.length}/200 items, ${s.requests.length} requests, ${account.stats.rejected} answered 429 (${(share * 100).toFixed(1)} %), peak in flight ${s.peakInFlight}`);
		expect(result.error).toBeUndefined();
		expect(output).toHaveLength(200);
		output.forEach((item, n) => {
			expect(item.pairedItem).toEqual({ item: n });
			expect((item.json.message as IDataObject | undefined)?.content ?? item.json.text).toBe(`echo: item ${n}`);
		});
		expect(account.stats.admitted).toBe(200);
		expect(s.peakInFlight).toBeLessThanOrEqual(10);
		if (max429Share !== undefined) expect(share).toBeLessThanOrEqual(max429Share);
	}, 120_000);
});

describe('rate-limit budget', () => {
	it('waits out 429s without using Max Retries', async () => {
		const s = await serve((_, i) => (i < 5 ? rateLimit(10) : completion));
		const result = await runWorkflow(singleNodeWorkflow(chat({ maxRetries: 1 })), credentialsFor(s.url));
		expect(result.error).toBeUndefined();
		expect(s.requests).toHaveLength(6);
	});

	it('still counts other failures against Max Retries after 429s', async () => {
		const s = await serve((_, i) => (i < 2 ? rateLimit(10) : openAiError(503, 'Overloaded')));
		const result = await runWorkflow(singleNodeWorkflow(chat({ maxRetries: 1 })), credentialsFor(s.url));
		expect(s.requests).toHaveLength(4); // two 429s, then the first attempt and one retry of the 503
		expect(result.error?.message).toBe('Overloaded');
		expect(result.error?.description).toContain('after 4 attempts');
	});

	it('retries nothing, a 429 included, with Max Retries 0', async () => {
		const s = await serve(() => rateLimit(10));
		const result = await runWorkflow(singleNodeWorkflow(chat({ maxRetries: 0 })), credentialsFor(s.url));
		expect(s.requests).toHaveLength(1);
		expect(result.error?.httpCode).toBe('429');
	});

	it('fails an item rate-limited past Max Rate-Limit Wait with an error that names it and what it waited', async () => {
		const s = await serve(() => rateLimit(40));
		const result = await runWorkflow(
			singleNodeWorkflow(chat({ maxRateLimitWait: 0.005 }), items(2), { continueOnFail: true }),
			credentialsFor(s.url),
		);
		const output = result.output('OpenAI');
		expect(output).toHaveLength(2);
		output.forEach((item, n) => {
			expect(item.pairedItem).toEqual({ item: n });
			expect(item.json.error).toBe(`Item ${n} was still rate-limited after its Max Rate-Limit Wait (0.3 s)`);
			expect(item.json.description).toMatch(/^The server answered 429 to \d+ of its requests over \d+\.\d s.*Last reply: Rate limit reached for requests\./);
			expect(item.json.httpCode).toBe('429');
		});
	});

	it('fails at once when the server asks for a wait beyond Max Rate-Limit Wait', async () => {
		const s = await serve(() => openAiError(429, 'Rate limit reached for tokens', { code: 'rate_limit_exceeded' }, { 'retry-after': '3600' }));
		const result = await runWorkflow(singleNodeWorkflow(chat()), credentialsFor(s.url));
		expect(s.requests).toHaveLength(1);
		expect(result.error?.message).toBe('Item 0 was still rate-limited after its Max Rate-Limit Wait (10.0 min)');
		expect(result.error?.description).toContain("the server's limits would have held it 60.0 min in all");
	});

	it('ends every rate-limit wait at once when the execution is stopped', async () => {
		const s = await serve(() => rateLimit(60_000));
		// Each item waits out a minute-long pause: only the stop can end the run within this test's timeout.
		const result = await runWorkflow(singleNodeWorkflow(chat(), items(5)), credentialsFor(s.url), { abortAfterMs: 300 });
		expect(result.run.status).toBe('canceled');
		expect(s.requests).toHaveLength(5);
	}, 30_000);
});
