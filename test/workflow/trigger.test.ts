/**
 * The OpenAI Platform Trigger's webhook() in n8n-core's WebhookContext: verification decides before any
 * output, good deliveries give the event items, Fetch the Object and Results as Items read the API (nock).
 */
import { createHmac, randomBytes } from 'node:crypto';
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { TEST_API_KEY, credentialsFor, loadPackage } from '../harness/n8n';
import { WEBHOOK_CREDENTIAL_TYPE, activate, deliver } from '../harness/webhook';
import { jsonl, okLine } from '../support/batchLines';
import { useNock } from '../support/nockApi';

const BASE = 'https://api.openai.com';
const KEY = randomBytes(32);
const credentials: Record<string, ICredentialDataDecryptedObject> = {
	...credentialsFor('https://api.openai.com/v1'),
	[WEBHOOK_CREDENTIAL_TYPE]: { secret: `whsec_${KEY.toString('base64')}` },
};
const unmatched = useNock();

let deliveries = 0;

/** A delivery as OpenAI sends it: the event as JSON bytes, signed over id.timestamp.body with the secret's key. */
function signed(event: IDataObject, { key = KEY, id = `wh_${++deliveries}`, timestamp = Math.floor(Date.now() / 1000), body }: { key?: Buffer; id?: string; timestamp?: number; body?: Buffer } = {}) {
	const rawBody = body ?? Buffer.from(JSON.stringify(event));
	const signature = createHmac('sha256', key).update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), rawBody])).digest('base64');
	return { headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` }, rawBody };
}

const batchCompleted = { id: 'evt_1', object: 'event', type: 'batch.completed', created_at: 1_780_000_000, data: { id: 'batch_abc' } };
const eventJson = { type: 'batch.completed', id: 'evt_1', createdAt: new Date(1_780_000_000_000).toISOString(), data: { id: 'batch_abc' } };

beforeAll(async () => {
	await loadPackage();
});

describe('OpenAI Platform Trigger: verification', () => {
	it('turns a signed event into one item and leaves the answer to n8n', async () => {
		const { result, response } = await deliver({}, signed(batchCompleted), credentials);
		expect(response).toBeUndefined();
		expect(result).toEqual({ workflowData: [[{ json: eventJson }]] });
	});

	it('refuses a wrong signature, a stale timestamp, missing headers and a replay before any output', async () => {
		const forged = await deliver({}, signed(batchCompleted, { key: randomBytes(32) }), credentials);
		expect(forged).toEqual({ result: { noWebhookResponse: true }, response: { status: 401, body: { error: 'no webhook-signature matches the signing secret' } } });

		const stale = await deliver({}, signed(batchCompleted, { timestamp: Math.floor(Date.now() / 1000) - 301 }), credentials);
		expect(stale.response).toEqual({ status: 401, body: { error: 'webhook-timestamp is more than 5 minutes old' } });
		expect(stale.result.workflowData).toBeUndefined();

		const { headers, rawBody } = signed(batchCompleted);
		const unsigned: Record<string, string> = { ...headers };
		delete unsigned['webhook-signature'];
		const missing = await deliver({}, { headers: unsigned, rawBody }, credentials);
		expect(missing.response).toEqual({ status: 400, body: { error: 'missing header webhook-signature' } });

		const tampered = await deliver({}, { headers, rawBody: Buffer.from(rawBody.toString().replace('batch_abc', 'batch_evil')) }, credentials);
		expect(tampered.response?.status).toBe(401);

		const first = await deliver({}, { headers, rawBody }, credentials);
		expect(first.result.workflowData).toHaveLength(1);
		const replay = await deliver({}, { headers, rawBody }, credentials);
		expect(replay).toEqual({ result: { noWebhookResponse: true }, response: { status: 409, body: { error: 'this webhook-id was already received' } } });
		// Another trigger node keeps its own memory of ids.
		const elsewhere = await deliver({}, { headers, rawBody }, credentials, 'node-2');
		expect(elsewhere.result.workflowData).toHaveLength(1);
		// So does the node's Test URL, a second endpoint at OpenAI that may get the same message.
		const testUrl = await deliver({}, { headers, rawBody }, credentials, 'node-1', 'manual');
		expect(testUrl.result.workflowData).toHaveLength(1);
	});

	it('acknowledges an event it does not listen to without output', async () => {
		const { result, response } = await deliver({ events: ['response.completed'] }, signed(batchCompleted), credentials);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ status: 200, body: { received: true, started: false } });
	});

	it('refuses a signed body that is not an event (400)', async () => {
		const { result, response } = await deliver({}, signed({}, { body: Buffer.from('[1,2,3]') }), credentials);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response?.status).toBe(400);
	});

	it('refuses a body n8n did not keep as bytes (multipart form data) with 400', async () => {
		const { headers } = signed(batchCompleted);
		const { result, response } = await deliver({}, { headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' } }, credentials);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ status: 400, body: { error: 'the body could not be read as sent; OpenAI sends events as JSON' } });
	});

	it('answers 500 without output when the credential holds no signing secret', async () => {
		const { result, response } = await deliver({}, signed(batchCompleted), { ...credentials, [WEBHOOK_CREDENTIAL_TYPE]: { secret: 'sk-not-a-signing-secret' } });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response?.status).toBe(500);
	});
});

describe('OpenAI Platform Trigger: Fetch the Object and Results as Items', () => {
	const batch = { id: 'batch_abc', object: 'batch', status: 'completed', input_file_id: 'file-in', output_file_id: 'file-out', request_counts: { total: 3, completed: 2, failed: 0 } };

	it('adds the object the event names, answering 200 before it reads it', async () => {
		const scope = nock(BASE).get('/v1/batches/batch_abc').reply(200, batch);
		const { result, response } = await deliver({ fetchObject: true }, signed(batchCompleted), credentials);
		expect(response).toEqual({ status: 200, body: { received: true, started: true } });
		expect(result).toEqual({ noWebhookResponse: true, workflowData: [[{ json: { ...eventJson, object: batch } }]] });
		scope.done();
	});

	it.each([
		['response.completed', 'resp_1', '/v1/responses/resp_1'],
		['fine_tuning.job.succeeded', 'ftjob-1', '/v1/fine_tuning/jobs/ftjob-1'],
	])('fetches the object of %s', async (type, objectId, path) => {
		const object = { id: objectId, status: 'done' };
		const scope = nock(BASE).get(path).reply(200, object);
		const { result } = await deliver({ fetchObject: true }, signed({ id: 'evt_2', type, created_at: 1, data: { id: objectId } }), credentials);
		expect(result.workflowData?.[0][0].json.object).toEqual(object);
		scope.done();
	});

	it('gives events without an object to fetch as they are', async () => {
		const event = { id: 'evt_3', type: 'eval.run.succeeded', created_at: 1, data: { id: 'evalrun_1' } };
		const { result } = await deliver({ fetchObject: true }, signed(event), credentials);
		expect(result.workflowData).toEqual([[{ json: { type: 'eval.run.succeeded', id: 'evt_3', createdAt: '1970-01-01T00:00:01.000Z', data: { id: 'evalrun_1' } } }]]);
		expect(unmatched).toEqual([]);
	});

	it('keeps the event when the object cannot be read, with the error in its item', async () => {
		const scope = nock(BASE).get('/v1/batches/batch_abc').reply(404, { error: { message: "No batch found with id 'batch_abc'", type: 'invalid_request_error' } });
		const { result } = await deliver({ fetchObject: true }, signed(batchCompleted), credentials);
		const [[item]] = result.workflowData!;
		expect(item.json).toMatchObject({ ...eventJson, error: expect.stringMatching(/not found|No batch found|404/i) });
		expect(JSON.stringify(item.json)).not.toContain(TEST_API_KEY);
		scope.done();
	});

	it('gives one item per request of a completed batch, in input order, matched by custom_id, each with the event', async () => {
		const scope = nock(BASE)
			.get('/v1/batches/batch_abc')
			.reply(200, batch)
			.get('/v1/files/file-out/content')
			.reply(200, jsonl([okLine('c', 'third'), okLine('a', 'first')]), { 'content-type': 'application/octet-stream' })
			.get('/v1/files/file-in/content')
			.reply(200, jsonl(['a', 'b', 'c'].map((id) => ({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: {} }))));
		const { result, response } = await deliver({ resultsAsItems: true }, signed(batchCompleted), credentials);
		expect(response?.status).toBe(200);
		const items = result.workflowData![0].map((item) => item.json);
		expect(items.map((json) => [json.custom_id, json.text ?? (json.error as IDataObject).code])).toEqual([
			['a', 'first'],
			['b', 'no_result'],
			['c', 'third'],
		]);
		expect(items.every((json) => JSON.stringify(json.event) === JSON.stringify(eventJson) && json.batch_id === 'batch_abc')).toBe(true);
		scope.done();
	});

	it('gives other batch events one item even with Results as Items', async () => {
		const event = { ...batchCompleted, id: 'evt_4', type: 'batch.expired' };
		const { result } = await deliver({ resultsAsItems: true }, signed(event), credentials);
		expect(result.workflowData?.[0]).toHaveLength(1);
		expect(unmatched).toEqual([]);
	});
});

describe('OpenAI Platform Trigger: activation and credential test', () => {
	it('activates with a well-formed secret', async () => {
		await expect(activate({}, credentials)).resolves.toBeUndefined();
	});

	it('refuses to activate with a secret that is not one', async () => {
		await expect(activate({}, { ...credentials, [WEBHOOK_CREDENTIAL_TYPE]: { secret: 'whsec_###' } })).rejects.toThrow(/^Signing Secret: /);
	});

	it('refuses to activate Fetch the Object without an API credential', async () => {
		const webhookOnly = { ...credentials };
		delete webhookOnly.openAiPlatformApi;
		await expect(activate({ fetchObject: true }, webhookOnly)).rejects.toThrow('Fetch the Object needs an OpenAI Platform API credential');
		await expect(activate({}, webhookOnly)).resolves.toBeUndefined();
	});

	it('tests the credential by checking the secret', async () => {
		const { nodeTypes } = await loadPackage();
		const type = nodeTypes.getByNameAndVersion('n8n-nodes-openai-platform.openAiPlatformTrigger', 1);
		const test = type.methods!.credentialTest!.checkSigningSecret;
		const run = async (secret: string) => await test.call({} as never, { id: 'w', name: 'Webhook', type: WEBHOOK_CREDENTIAL_TYPE, data: { secret } });
		await expect(run(`whsec_${KEY.toString('base64')}`)).resolves.toEqual({ status: 'OK', message: 'The signing secret is well formed' });
		await expect(run('sk-proj-123')).resolves.toMatchObject({ status: 'Error' });
	});
});
