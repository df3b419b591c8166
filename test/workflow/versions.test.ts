/**
 * Version 1.1 changed defaults and the simplified output's vocabulary. n8n stores only the values that differ
 * from a default, so a saved version-1 node must keep its meaning: the same request and the same output keys.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import { BASE, USAGE, byId, chatReply, credentials, expectPosts, setupNock } from '../support/chat';
import { DEFAULT_MODELS } from '../../nodes/OpenAiPlatform/shared/defaults';
import { responseObject } from '../fault/goodReplies';

setupNock();

const run = (parameters: IDataObject, typeVersion: number) => runWorkflow(singleNodeWorkflow(parameters, [{ json: {} }], { typeVersion }), credentials);

describe('a node saved without resource, operation or model', () => {
	it('version 1 still lists the models (its defaults: Model > Get Many)', async () => {
		const scope = nock(BASE).get('/v1/models').reply(200, { object: 'list', data: [{ id: 'gpt-4.1-mini', object: 'model', created: 1, owned_by: 'system' }] });
		const result = await run({}, 1);
		expect(result.error).toBeUndefined();
		scope.done();
		expect(result.output('OpenAI').map((item) => item.json.id)).toEqual(['gpt-4.1-mini']);
	});

	it('version 1.1 messages the preselected chat model (Chat > Message a model)', async () => {
		const { bodies, scope } = expectPosts('/chat/completions', chatReply([{ content: 'Hi!' }]));
		const result = await run({ prompt: 'Say hi' }, 1.1);
		expect(result.error).toBeUndefined();
		scope.done();
		expect(bodies[0]).toEqual({ model: DEFAULT_MODELS.chat, messages: [{ role: 'user', content: 'Say hi' }] });
	});

	it('version 1 chat without a model still fails before sending, naming the field', async () => {
		const { scope } = expectPosts('/chat/completions', chatReply([{ content: 'unused' }]));
		await expect(run({ resource: 'chat', operation: 'prompt', prompt: 'Say hi' }, 1)).rejects.toThrow(/Parameter "Model" is required/);
		expect(scope.isDone()).toBe(false);
	});

	it.each([
		['embedding', 'create', '/embeddings', { embeddingInput: 'hello' }, DEFAULT_MODELS.embedding, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1] }], model: 'x', usage: { prompt_tokens: 1, total_tokens: 1 } }],
		['completion', 'create', '/completions', { completionPrompt: 'Once' }, DEFAULT_MODELS.completion, { id: 'cmpl', object: 'text_completion', created: 1, model: 'x', choices: [{ index: 0, text: ' upon', finish_reason: 'stop', logprobs: null }] }],
	])('version 1.1 %s.%s sends the preselected model', async (resource, operation, path, parameters, model, reply) => {
		const { bodies, scope } = expectPosts(path, reply);
		const result = await run({ resource, operation, ...parameters }, 1.1);
		expect(result.error).toBeUndefined();
		scope.done();
		expect(bodies[0].model).toBe(model);
	});
});

describe('simplified output', () => {
	const complete = { resource: 'chat', operation: 'complete', model: byId('gpt-4.1-mini'), messages: { message: [{ role: 'user', content: 'Hello' }] } };

	it('chat.complete: version 1 leaves out empty lists; version 1.1 always has toolCalls, annotations and refusal', async () => {
		expectPosts('/chat/completions', chatReply([{ content: 'Hi' }]), chatReply([{ content: 'Hi' }]));
		const v1 = (await run(complete, 1)).output('OpenAI')[0].json;
		const v11 = (await run(complete, 1.1)).output('OpenAI')[0].json;
		expect(v1).toEqual({ text: 'Hi', finishReason: 'stop', usage: USAGE });
		expect(v11).toEqual({ text: 'Hi', finishReason: 'stop', refusal: null, toolCalls: [], annotations: [], usage: USAGE });
	});

	it('chat.complete with functions offered: version 1.1 returns the conversation with or without a call', async () => {
		const withFunctions = {
			...complete,
			options: { functions: { function: [{ name: 'get_weather', description: 'Weather', parameters: '{"type":"object","properties":{}}' }] } },
		};
		expectPosts('/chat/completions', chatReply([{ content: 'No call needed' }]), chatReply([{ content: 'No call needed' }]));
		const v1 = (await run(withFunctions, 1)).output('OpenAI')[0].json;
		const v11 = (await run(withFunctions, 1.1)).output('OpenAI')[0].json;
		expect(Object.keys(v1).sort()).toEqual(['finishReason', 'text', 'usage']);
		expect(v11.toolCalls).toEqual([]);
		expect(v11.assistantMessage).toEqual({ role: 'assistant', content: 'No call needed' });
		expect(v11.messages).toEqual([{ role: 'user', content: 'Hello' }]);
	});

	const create = (extra: IDataObject = {}) => ({ resource: 'response', operation: 'create', model: byId('gpt-4.1-mini'), input: 'Hello', ...extra });

	it('response.create: version 1 returns output_text; version 1.1 returns text, as chat does', async () => {
		expectPosts('/responses', responseObject('Hi there'), responseObject('Hi there'));
		const v1 = (await run(create(), 1)).output('OpenAI')[0].json;
		const v11 = (await run(create(), 1.1)).output('OpenAI')[0].json;
		expect(v1).toEqual({ id: 'resp_1', model: 'gpt-4.1-mini', status: 'completed', output_text: 'Hi there', usage: { input_tokens: 3, output_tokens: 2, total_tokens: 5 } });
		expect(v11).toEqual({
			id: 'resp_1',
			model: 'gpt-4.1-mini',
			status: 'completed',
			text: 'Hi there',
			refusal: null,
			toolCalls: [],
			annotations: [],
			usage: { input_tokens: 3, output_tokens: 2, total_tokens: 5 },
		});
	});

	it('response.create with JSON output: version 1 parses into output_text; version 1.1 keeps text and parses into data', async () => {
		const json = { text: { format: { type: 'json_object' } } };
		expectPosts('/responses', responseObject('{"a":1}', json), responseObject('{"a":1}', json));
		const options = { outputFormat: 'json_object', input: 'Reply in JSON' };
		const v1 = await run(create(options), 1);
		const v11 = await run(create(options), 1.1);
		expect(v1.output('OpenAI')[0].json.output_text).toEqual({ a: 1 });
		expect(v11.output('OpenAI')[0].json).toMatchObject({ text: '{"a":1}', data: { a: 1 } });
		expect(v11.output('OpenAI')[0].json).not.toHaveProperty('output_text');
	});
});

describe('fields shown only when asked for (version 1.1)', () => {
	const complete = (extra: IDataObject) => ({
		resource: 'chat',
		operation: 'complete',
		model: byId('gpt-4.1-mini'),
		messages: { message: [{ role: 'user', content: 'Hello', name: 'alice_1' }] },
		...extra,
	});

	it('a message Name is sent in version 1, and in version 1.1 with "Name the Participants" on', async () => {
		const { bodies } = expectPosts('/chat/completions', chatReply([{ content: 'Hi' }]), chatReply([{ content: 'Hi' }]), chatReply([{ content: 'Hi' }]));
		await run(complete({}), 1);
		await run(complete({ messagesNames: true }), 1.1);
		await run(complete({}), 1.1);
		expect(bodies.map((body) => body.messages)).toEqual([
			[{ role: 'user', content: 'Hello', name: 'alice_1' }],
			[{ role: 'user', content: 'Hello', name: 'alice_1' }],
			[{ role: 'user', content: 'Hello' }],
		]);
	});
});
