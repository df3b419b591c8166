/** conversation: create (empty, messages, JSON items), get, update, delete, against nock. */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';

const BASE = 'https://api.openai.com';
const credentials = credentialsFor('https://api.openai.com/v1');
const PNG = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const conversation = (extra: IDataObject = {}) => ({ id: 'conv_1', object: 'conversation', created_at: 1741900000, metadata: {}, ...extra });

function expectPost(path: string, response: IDataObject = conversation()) {
	const bodies: unknown[] = [];
	const scope = nock(BASE)
		.post(path, (body) => {
			bodies.push(body);
			return true;
		})
		.reply(200, response);
	return { scope, bodies };
}

describe('conversation.create', () => {
	it('creates an empty conversation (no body: n8n drops an empty one)', async () => {
		const { scope, bodies } = expectPost('/v1/conversations');
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'conversation', operation: 'create' }), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual(['']);
		expect(result.output('OpenAI')).toEqual([{ json: conversation(), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('creates a conversation with messages (text and a binary image) and metadata', async () => {
		const { scope, bodies } = expectPost('/v1/conversations', conversation({ metadata: { topic: 'demo' } }));
		const params = {
			resource: 'conversation',
			operation: 'create',
			itemsType: 'messages',
			initialMessages: { message: [{ role: 'system', text: 'You are terse.' }, { role: 'user', text: 'Look', imageBinaryProperties: 'data', imageDetail: 'high' }] },
			metadata: { pair: [{ key: 'topic', value: 'demo' }] },
		};
		const items = [{ json: {}, binary: { data: { data: PNG, fileName: 'a.png', mimeType: 'image/png' } } }];
		const result = await runWorkflow(singleNodeWorkflow(params, items), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			items: [
				{ type: 'message', role: 'system', content: 'You are terse.' },
				{
					type: 'message',
					role: 'user',
					content: [
						{ type: 'input_text', text: 'Look' },
						{ type: 'input_image', image_url: `data:image/png;base64,${PNG}`, detail: 'high' },
					],
				},
			],
			metadata: { topic: 'demo' },
		});
		expect(result.output('OpenAI')[0].json).toEqual(conversation({ metadata: { topic: 'demo' } }));
		scope.done();
	});

	it('creates a conversation from JSON items', async () => {
		const { scope, bodies } = expectPost('/v1/conversations');
		const params = { resource: 'conversation', operation: 'create', itemsType: 'json', items: '[{"type":"message","role":"user","content":"Hello"}]' };
		const result = await runWorkflow(singleNodeWorkflow(params), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({ items: [{ type: 'message', role: 'user', content: 'Hello' }] });
		scope.done();
	});

	it.each([
		['more than 20 items', { itemsType: 'json', items: JSON.stringify(Array.from({ length: 21 }, () => ({ role: 'user', content: 'x' }))) }, 'Items (JSON): 21 items, at most 20 are allowed at once'],
		['items that are not objects', { itemsType: 'json', items: '[1]' }, 'Items (JSON): item 1 is not a JSON object'],
		['an empty JSON list', { itemsType: 'json', items: '[]' }, 'Items (JSON): add at least one item'],
		['a metadata key over 64 characters', { metadata: { pair: [{ key: 'k'.repeat(65), value: 'v' }] } }, 'Metadata: the key "kkkkkkkkkkkkkkkkkkkk..." is longer than 64 characters'],
		['a metadata value without a key', { metadata: { pair: [{ key: ' ', value: 'orphan' }] } }, 'Metadata: the value "orphan" has no key'],
		['a metadata key given twice', { metadata: { pair: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] } }, 'Metadata: key "a" is given twice'],
	])('refuses %s before sending', async (_, extra, message) => {
		const scope = nock(BASE).post('/v1/conversations').reply(200, conversation());
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'conversation', operation: 'create', ...extra }), credentials);
		expect(result.error?.message).toBe(message);
		expect(scope.isDone()).toBe(false);
	});
});

describe('conversation.get / update / delete', () => {
	it('gets a conversation', async () => {
		const scope = nock(BASE).get('/v1/conversations/conv_1').reply(200, conversation());
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'conversation', operation: 'get', conversationId: 'conv_1' }), credentials);
		expect(result.output('OpenAI')).toEqual([{ json: conversation(), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('updates the metadata', async () => {
		const { scope, bodies } = expectPost('/v1/conversations/conv_1', conversation({ metadata: { stage: 'done' } }));
		const params = { resource: 'conversation', operation: 'update', conversationId: 'conv_1', metadata: { pair: [{ key: 'stage', value: 'done' }] } };
		const result = await runWorkflow(singleNodeWorkflow(params), credentials);
		expect(bodies).toEqual([{ metadata: { stage: 'done' } }]);
		expect(result.output('OpenAI')[0].json).toEqual(conversation({ metadata: { stage: 'done' } }));
		scope.done();
	});

	it('clears the metadata when no entries are given', async () => {
		const { scope, bodies } = expectPost('/v1/conversations/conv_1');
		await runWorkflow(singleNodeWorkflow({ resource: 'conversation', operation: 'update', conversationId: 'conv_1' }), credentials);
		expect(bodies).toEqual([{ metadata: {} }]);
		scope.done();
	});

	it('deletes a conversation', async () => {
		const body = { id: 'conv_1', object: 'conversation.deleted', deleted: true };
		const scope = nock(BASE).delete('/v1/conversations/conv_1').reply(200, body);
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'conversation', operation: 'delete', conversationId: 'conv_1' }), credentials);
		expect(result.output('OpenAI')).toEqual([{ json: body, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('refuses a conversation id with a slash before sending', async () => {
		const scope = nock(BASE).get(/.*/).reply(200, conversation());
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'conversation', operation: 'get', conversationId: 'conv_1/items' }), credentials);
		expect(result.error?.message).toBe('Conversation ID: "conv_1/items" is not a valid ID (it contains a slash, "?", "#" or a space)');
		expect(scope.isDone()).toBe(false);
	});

	it('passes on the API error for an unknown conversation', async () => {
		nock(BASE).get('/v1/conversations/conv_x').reply(404, { error: { message: 'Conversation not found', type: 'invalid_request_error', param: null, code: null } });
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'conversation', operation: 'get', conversationId: 'conv_x' }), credentials);
		expect(result.error?.message).toContain('Conversation not found');
		expect(result.error?.httpCode).toBe('404');
	});
});
