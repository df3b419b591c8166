/**
 * The shared send path, through real sockets to our fault server: retries, backoff hints,
 * concurrency bound, cursor pagination, Continue On Fail pairing, error details and redaction.
 */
import type { IDataObject } from 'n8n-workflow';

import { TEST_API_KEY, credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultServer, FaultPlan } from '../support/faultServer';
import { ok, openAiError, startFaultServer } from '../support/faultServer';

let server: FaultServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

async function serve(plan: FaultPlan) {
	server = await startFaultServer(plan);
	return server;
}

const model = (id: string) => ({ id, object: 'model', created: 1, owned_by: 'system' });
const getModel = (extra: IDataObject = {}) => ({
	resource: 'model',
	operation: 'get',
	model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' },
	...extra,
});

describe('retries', () => {
	it('retries a 429 that says retry-after-ms, then succeeds', async () => {
		const s = await serve((_, i) => (i === 0 ? openAiError(429, 'Rate limit reached', { code: 'rate_limit_exceeded' }, { 'retry-after-ms': '20' }) : ok(model('gpt-4.1-mini'))));
		const result = await runWorkflow(singleNodeWorkflow(getModel()), credentialsFor(s.url));
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toEqual([{ json: model('gpt-4.1-mini'), pairedItem: { item: 0 } }]);
		expect(s.requests.map((r) => r.path)).toEqual(['/v1/models/gpt-4.1-mini', '/v1/models/gpt-4.1-mini']);
	});

	it('retries 500, 502 and a reset connection with the default two retries', async () => {
		const s = await serve((_, i) => [openAiError(500, 'boom'), { reset: true as const }, ok(model('gpt-4.1-mini'))][i] ?? ok({}));
		const result = await runWorkflow(singleNodeWorkflow(getModel()), credentialsFor(s.url));
		expect(result.error).toBeUndefined();
		expect(s.requests).toHaveLength(3);
	});

	it('retries a reply that does not come within the timeout', async () => {
		// The first reply never comes; the timeout is far above a normal reply, so the retry's reply is never late.
		const s = await serve((_, i) => (i === 0 ? { hang: true as const } : ok(model('gpt-4.1-mini'))));
		const result = await runWorkflow(singleNodeWorkflow(getModel({ requestOptions: { timeout: 5_000 } })), credentialsFor(s.url));
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')[0].json.id).toBe('gpt-4.1-mini');
		expect(s.requests).toHaveLength(2);
	});

	it('does not retry an exhausted quota, and says why', async () => {
		const s = await serve(() => openAiError(429, 'You exceeded your current quota', { code: 'insufficient_quota', type: 'insufficient_quota' }));
		const result = await runWorkflow(singleNodeWorkflow(getModel()), credentialsFor(s.url));
		expect(s.requests).toHaveLength(1);
		expect(result.error?.message).toBe('You exceeded your current quota');
		expect(result.error?.description).toContain('quota is used up');
		expect(result.error?.httpCode).toBe('429');
	});

	it('gives up after Max Retries and reports the attempts', async () => {
		const s = await serve(() => openAiError(503, 'Overloaded'));
		const result = await runWorkflow(singleNodeWorkflow(getModel({ requestOptions: { maxRetries: 3 } })), credentialsFor(s.url));
		expect(s.requests).toHaveLength(4);
		expect(result.error?.message).toBe('Overloaded');
		expect(result.error?.description).toContain('after 4 attempts');
	});

	it('honours x-should-retry: false', async () => {
		const s = await serve(() => openAiError(500, 'do not retry me', {}, { 'x-should-retry': 'false' }));
		await runWorkflow(singleNodeWorkflow(getModel()), credentialsFor(s.url));
		expect(s.requests).toHaveLength(1);
	});

	it('sends one idempotency key per item, the same on every retry', async () => {
		const seen = new Set<unknown>();
		const s = await serve((request) => {
			const key = request.headers['idempotency-key'];
			if (seen.has(key)) return ok({ id: 'x' });
			seen.add(key);
			return openAiError(500, 'retry');
		});
		const params = { resource: 'apiCall', operation: 'request', method: 'POST', path: '/embeddings', bodyType: 'json', jsonBody: '{"input":"a","model":"m"}' };
		await runWorkflow(singleNodeWorkflow(params, [{ json: {} }, { json: {} }], { parameters: { ...params, requestOptions: { maxConcurrency: 1 } } as never }), credentialsFor(s.url));
		const keys = s.requests.map((r) => String(r.headers['idempotency-key']));
		expect(keys).toHaveLength(4);
		const counts = keys.reduce<Record<string, number>>((acc, key) => ({ ...acc, [key]: (acc[key] ?? 0) + 1 }), {});
		expect(Object.values(counts)).toEqual([2, 2]);
		expect(keys.every((key) => key.startsWith('n8n-'))).toBe(true);
	});
});

describe('Continue On Fail', () => {
	it('turns a 500-forever item into one paired error item, the others succeed', async () => {
		const s = await serve((request) => (request.path.endsWith('/bad') ? openAiError(500, 'always broken') : ok(model(request.path.split('/').pop()!))));
		const items = ['a', 'bad', 'c'].map((id) => ({ json: { id } }));
		const params = { resource: 'model', operation: 'get', model: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };
		const result = await runWorkflow(singleNodeWorkflow(params, items, { continueOnFail: true }), credentialsFor(s.url));
		const output = result.output('OpenAI');
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.id).toBe('a');
		expect(output[1].json).toMatchObject({ error: 'always broken', httpCode: '500' });
		expect(output[2].json.id).toBe('c');
		expect(s.requests.filter((r) => r.path.endsWith('/bad'))).toHaveLength(3);
	});
});

describe('concurrency bound', () => {
	it('keeps at most Max Concurrent Requests in flight', async () => {
		// Replies held long enough (0.5 s) that the bound, not the machine's speed, decides how many overlap.
		const s = await serve((request) => ({ status: 200, body: model(request.path.split('/').pop()!), delayMs: 500 }));
		const items = Array.from({ length: 24 }, (_, i) => ({ json: { id: `m${i}` } }));
		const params = { resource: 'model', operation: 'get', model: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, requestOptions: { maxConcurrency: 4 } };
		const result = await runWorkflow(singleNodeWorkflow(params, items), credentialsFor(s.url));
		expect(result.output('OpenAI').map((i) => i.json.id)).toEqual(items.map((i) => i.json.id));
		expect(s.peakInFlight).toBe(4);
	});
});

describe('cursor pagination', () => {
	const pages: Record<string, IDataObject> = {
		'': { object: 'list', data: [model('a'), model('b')], has_more: true, last_id: 'b' },
		b: { object: 'list', data: [model('c'), model('d')], has_more: true },
		d: { object: 'list', data: [model('e')], has_more: false },
	};
	const plan: FaultPlan = (request) => ok(pages[request.query.get('after') ?? '']);

	it('walks a 3-page list with Return All, following last_id, then the last item id', async () => {
		const s = await serve(plan);
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'model', operation: 'getAll', returnAll: true }), credentialsFor(s.url));
		expect(result.output('OpenAI').map((i) => i.json.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(s.requests.map((r) => r.query.get('after'))).toEqual([null, 'b', 'd']);
	});

	it('stops at Limit without fetching further pages', async () => {
		const s = await serve(plan);
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'model', operation: 'getAll', returnAll: false, limit: 3 }), credentialsFor(s.url));
		expect(result.output('OpenAI').map((i) => i.json.id)).toEqual(['a', 'b', 'c']);
		expect(s.requests).toHaveLength(2);
	});

	it('treats a list with an empty data array as empty', async () => {
		const s = await serve(() => ok({ object: 'list', data: [] }));
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'model', operation: 'getAll', returnAll: true }), credentialsFor(s.url));
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toEqual([]);
	});
});

describe('errors', () => {
	it("carries OpenAI's message, type, code, param, request id and a hint", async () => {
		const s = await serve(() => openAiError(404, 'The model `nope` does not exist', { code: 'model_not_found', param: 'model' }));
		const result = await runWorkflow(singleNodeWorkflow(getModel()), credentialsFor(s.url));
		expect(result.error?.message).toBe('The model `nope` does not exist');
		expect(result.error?.description).toContain('Pick one "From list"');
		expect(result.error?.description).toContain('Code: model_not_found');
		expect(result.error?.description).toContain('Param: model');
		expect(result.error?.description).toContain('Request ID: req_404_test');
	});

	it('redacts the key when a server echoes it', async () => {
		const s = await serve(() => openAiError(401, `Incorrect API key provided: ${TEST_API_KEY}`, { code: 'invalid_api_key' }));
		const result = await runWorkflow(singleNodeWorkflow(getModel()), credentialsFor(s.url));
		expect(result.error?.message).toBe('Incorrect API key provided: [redacted]');
		expect(result.error?.description).toContain('API key was refused');
		expect(JSON.stringify(result.run)).not.toContain(TEST_API_KEY);
	});

	it.each([
		['truncated JSON', { status: 200, raw: '{"id": "gpt', headers: { 'content-type': 'application/json' } }, 'malformed JSON'],
		['an HTML page', { status: 200, raw: '<html><body>Bad gateway</body></html>', headers: { 'content-type': 'text/html' } }, 'HTML page'],
		['an empty body', { status: 200, raw: '', headers: { 'content-type': 'application/json' } }, 'empty reply'],
	])('gives a clear error for %s', async (_, action, words) => {
		const s = await serve(() => action);
		const result = await runWorkflow(singleNodeWorkflow(getModel({ requestOptions: { maxRetries: 0 } })), credentialsFor(s.url));
		expect(result.error?.message).toContain(words);
	});
});

describe('credential', () => {
	it('sends organization and project headers only when filled in', async () => {
		const s = await serve(() => ok(model('gpt-4.1-mini')));
		await runWorkflow(singleNodeWorkflow(getModel()), credentialsFor(s.url));
		await runWorkflow(singleNodeWorkflow(getModel()), credentialsFor(`${s.url}/`, { organizationId: 'org-1', projectId: 'proj_1' }));
		expect(s.requests[0].headers['openai-organization']).toBeUndefined();
		expect(s.requests[0].headers['openai-project']).toBeUndefined();
		expect(s.requests[1].headers).toMatchObject({ 'openai-organization': 'org-1', 'openai-project': 'proj_1', authorization: `Bearer ${TEST_API_KEY}` });
		expect(s.requests[1].path).toBe('/v1/models/gpt-4.1-mini');
	});
});
