/**
 * "OpenAI Conversation Memory" (issue 17) in n8n-core's WorkflowExecute: a root node gets it through
 * getInputConnectionData, as the AI Agent does, and loads and saves turns as LangChain's agent does.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow } from '../harness/n8n';
import { aiSteps, aiWorkflow } from '../support/aiRoot';
import { API, captured, recordAndReply, useNock } from '../support/nockApi';

const unmatched = useNock();
const credentials = credentialsFor('https://api.openai.com/v1');

interface LcMemory {
	loadMemoryVariables(values: IDataObject): Promise<{ chat_history: Array<{ text: string; getType(): string }> }>;
	saveContext(input: IDataObject, output: IDataObject): Promise<void>;
}

/** What the agent does with its memory in one run: load the history, then save the new turn. */
aiSteps.set('turn', async (context) => {
	const memory = (await context.getInputConnectionData('ai_memory', 0)) as LcMemory;
	const { chat_history: history } = await memory.loadMemoryVariables({});
	await memory.saveContext({ input: 'And Spain?' }, { output: 'Madrid.' });
	return { history: history.map((message) => `${message.getType()}: ${message.text}`) };
});

const memory = (parameters: IDataObject) => ({ type: 'memory' as const, parameters: { contextWindowLength: 5, ...parameters } });

/** A message item as the Conversations API lists it. */
const item = (n: number, role: 'user' | 'assistant', text: string) => ({
	id: `msg_${n}`,
	type: 'message',
	status: 'completed',
	role,
	content: [{ type: role === 'user' ? 'input_text' : 'output_text', text }],
});

const page = (data: IDataObject[], hasMore = false) => ({ object: 'list', data, first_id: data[0]?.id, last_id: data.at(-1)?.id, has_more: hasMore });

describe('OpenAI Conversation Memory', () => {
	it('uses a conversation ID as it is: loads the last K exchanges, oldest first, and appends the new turn', async () => {
		const reads = captured();
		const writes = captured();
		// Newest first, as asked for; a function call item in between is not a chat message.
		const newestFirst = [
			item(6, 'assistant', 'Paris.'),
			item(5, 'user', 'And France?'),
			{ id: 'fc_1', type: 'function_call', status: 'completed', call_id: 'call_1', name: 'lookup', arguments: '{}' },
			item(4, 'assistant', 'Lisbon.'),
			item(3, 'user', 'Capital of Portugal?'),
			item(2, 'assistant', 'Hello!'),
		];
		// Read twice: for the agent, then for n8n's log of the memory after the saved turn (the same window).
		const scope = nock(API)
			.get('/v1/conversations/conv_abc/items')
			.query(true)
			.times(2)
			.reply(recordAndReply(reads, page(newestFirst, true)))
			.post('/v1/conversations/conv_abc/items')
			.reply(recordAndReply(writes, page([])));
		const result = await runWorkflow(aiWorkflow('turn', [memory({ sessionKey: 'conv_abc', contextWindowLength: 2 })]), credentials);
		expect(unmatched).toEqual([]);
		expect(result.error).toBeUndefined();
		expect(result.output('AI Root')[0].json.history).toEqual(['human: Capital of Portugal?', 'ai: Lisbon.', 'human: And France?', 'ai: Paris.']);
		expect(reads.paths).toEqual(Array(2).fill('/v1/conversations/conv_abc/items?order=desc&limit=100'));
		expect(writes.bodies).toEqual([
			{
				items: [
					{ type: 'message', role: 'user', content: 'And Spain?' },
					{ type: 'message', role: 'assistant', content: 'Madrid.' },
				],
			},
		]);
		scope.done();
	});

	it('pages back through a long conversation until it has K exchanges', async () => {
		const reads = captured();
		const newest = Array.from({ length: 100 }, (_, i) => item(300 - i, i % 2 ? 'user' : 'assistant', `m${300 - i}`));
		const older = Array.from({ length: 100 }, (_, i) => item(200 - i, i % 2 ? 'user' : 'assistant', `m${200 - i}`));
		const scope = nock(API)
			.get('/v1/conversations/conv_long/items')
			.query(true)
			.times(4)
			.reply(recordAndReply(reads, (call: number) => (call % 2 === 0 ? page(newest, true) : page(older, true))))
			.post('/v1/conversations/conv_long/items')
			.reply(200, page([]));
		const result = await runWorkflow(aiWorkflow('turn', [memory({ sessionKey: 'conv_long', contextWindowLength: 60 })]), credentials);
		expect(result.error).toBeUndefined();
		const history = result.output('AI Root')[0].json.history as string[];
		expect(history).toHaveLength(120);
		expect(history[0]).toBe('human: m181');
		expect(history.at(-1)).toBe('ai: m300');
		const pages = ['/v1/conversations/conv_long/items?order=desc&limit=100', '/v1/conversations/conv_long/items?order=desc&limit=100&after=msg_201'];
		expect(reads.paths).toEqual([...pages, ...pages]);
		scope.done();
	});

	it('gives any other session key a conversation with the key in its metadata, and finds it again in the next run', async () => {
		const creates = captured();
		const scope = nock(API)
			.post('/v1/conversations')
			.reply(recordAndReply(creates, { id: 'conv_new', object: 'conversation', created_at: 1741900000, metadata: { session: 'chat-42' } }))
			.get('/v1/conversations/conv_new/items')
			.query(true)
			.times(2)
			.reply(200, page([]))
			.post('/v1/conversations/conv_new/items')
			.reply(200, page([]))
			.get('/v1/conversations/conv_new/items')
			.query(true)
			.times(2)
			.reply(200, page([item(2, 'assistant', 'Madrid.'), item(1, 'user', 'And Spain?')]))
			.post('/v1/conversations/conv_new/items')
			.reply(200, page([]));
		const workflow = aiWorkflow('turn', [memory({ sessionKey: 'chat-42' })]);
		const first = await runWorkflow(workflow, credentials);
		expect(first.error).toBeUndefined();
		expect(first.output('AI Root')[0].json.history).toEqual([]);
		const second = await runWorkflow(workflow, credentials);
		expect(second.error).toBeUndefined();
		expect(second.output('AI Root')[0].json.history).toEqual(['human: And Spain?', 'ai: Madrid.']);
		expect(creates.bodies).toEqual([{ metadata: { session: 'chat-42' } }]);
		scope.done();
	});

	it('refuses an empty session key before any request', async () => {
		const result = await runWorkflow(aiWorkflow('turn', [memory({ sessionKey: '' })]), credentials);
		expect(result.error?.message).toBe('Error in sub-node Memory');
		expect(result.error?.description).toBe('Session Key: is empty. Connect a Chat Trigger (it sends sessionId) or enter a key.');
		expect(unmatched).toEqual([]);
	});

	it('reports a missing conversation with OpenAI\'s message', async () => {
		const scope = nock(API)
			.get('/v1/conversations/conv_gone/items')
			.query(true)
			.reply(404, { error: { message: "Conversation with id 'conv_gone' not found.", type: 'invalid_request_error', code: null } });
		const result = await runWorkflow(aiWorkflow('turn', [memory({ sessionKey: 'conv_gone' })]), credentials);
		expect(result.error?.message).toContain("Conversation with id 'conv_gone' not found.");
		scope.done();
	});
});
