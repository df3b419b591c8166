/**
 * The assistant resource with nock: exact request bodies and sequences (thread, message, run,
 * polls, messages), the OpenAI-Beta header on every request, field checks before sending, the
 * active-run policies, timeouts, failed, cancelled, expired, incomplete and requires_action runs,
 * tool outputs submitted to a waiting run, and sparse replies.
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { credentialsFor, openAiNode, runWorkflow, singleNodeWorkflow, stepFunctions } from '../harness/n8n';
import type { WorkflowJson } from '../harness/n8n';

const BASE = 'https://api.openai.com';
const credentials = credentialsFor('https://api.openai.com/v1');

interface Logged {
	method: string;
	path: string;
	body: unknown;
}

/** A nock scope that demands the beta header and logs every request it serves, in order. */
function api() {
	const log: Logged[] = [];
	const scope = nock(BASE, { reqheaders: { 'openai-beta': 'assistants=v2' } });
	scope.on('request', (req: { method: string; path: string }, _interceptor: unknown, body: string) => {
		log.push({ method: req.method, path: req.path, body: body ? (JSON.parse(body) as unknown) : undefined });
	});
	return { scope, log, calls: () => log.map((entry) => `${entry.method} ${entry.path}`) };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const assistant = (extra: IDataObject = {}) => ({
	id: 'asst_1',
	object: 'assistant',
	created_at: 1,
	name: 'Helper',
	description: null,
	model: 'gpt-4.1-mini',
	instructions: 'Be brief.',
	tools: [],
	metadata: {},
	...extra,
});

async function run(parameters: IDataObject, items?: Array<{ json: IDataObject }>, nodeExtra: IDataObject = {}) {
	return await runWorkflow(singleNodeWorkflow(parameters, items, nodeExtra), credentials);
}

describe('assistant.create', () => {
	it('sends every field in the exact body', async () => {
		const { scope, log } = api();
		scope.post('/v1/assistants').reply(200, assistant());
		const result = await run({
			resource: 'assistant',
			operation: 'create',
			model: byId('gpt-4.1-mini'),
			name: 'Helper',
			instructions: 'Be brief.',
			builtInTools: ['code_interpreter', 'file_search'],
			functions: {
				function: [
					{
						name: 'get_weather',
						description: 'Weather for a city',
						parameters: '{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}',
						strict: true,
					},
				],
			},
			options: {
				description: 'Answers support questions',
				codeInterpreterFileIds: 'file-a, file-b',
				vectorStoreIds: 'vs_1',
				fileSearchMaxResults: 5,
				metadata: { pair: [{ key: 'team', value: 'support' }] },
				temperature: 0.3,
				topP: 0.9,
				responseFormat: 'json_schema',
				jsonSchema: '{"type":"object","properties":{"answer":{"type":"string"}}}',
				jsonSchemaName: 'answer',
				reasoningEffort: 'low',
			},
		});
		expect(result.error).toBeUndefined();
		expect(log).toHaveLength(1);
		expect(log[0].body).toEqual({
			model: 'gpt-4.1-mini',
			name: 'Helper',
			description: 'Answers support questions',
			instructions: 'Be brief.',
			tools: [
				{ type: 'code_interpreter' },
				{ type: 'file_search', file_search: { max_num_results: 5 } },
				{
					type: 'function',
					function: {
						name: 'get_weather',
						description: 'Weather for a city',
						parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
						strict: true,
					},
				},
			],
			tool_resources: { code_interpreter: { file_ids: ['file-a', 'file-b'] }, file_search: { vector_store_ids: ['vs_1'] } },
			metadata: { team: 'support' },
			temperature: 0.3,
			top_p: 0.9,
			response_format: {
				type: 'json_schema',
				json_schema: { name: 'answer', schema: { type: 'object', properties: { answer: { type: 'string' } } }, strict: true },
			},
			reasoning_effort: 'low',
		});
		expect(result.output('OpenAI')).toEqual([{ json: assistant(), pairedItem: { item: 0 } }]);
	});

	it('sends only the model when nothing else is set', async () => {
		const { scope, log } = api();
		scope.post('/v1/assistants').reply(200, { id: 'asst_2' });
		const result = await run({ resource: 'assistant', operation: 'create', model: byId('gpt-4o') });
		expect(result.error).toBeUndefined();
		expect(log[0].body).toEqual({ model: 'gpt-4o' });
		expect(result.output('OpenAI')[0].json).toEqual({ id: 'asst_2' });
	});

	it.each([
		[{ options: { metadata: { pair: [{ key: 'k'.repeat(65), value: 'v' }] } } }, /^Metadata: the key .* longer than 64/],
		[{ options: { metadata: { pair: [{ key: 'k', value: 'v'.repeat(513) }] } } }, /^Metadata: the value of "k" is longer than 512/],
		[{ options: { metadata: { pair: Array.from({ length: 17 }, (_, i) => ({ key: `k${i}`, value: 'v' })) } } }, /^Metadata: at most 16 pairs/],
		[{ options: { temperature: 2.5 } }, /^Sampling Temperature: must be between 0 and 2/],
		[{ options: { topP: -0.1 } }, /^Top P: must be between 0 and 1/],
		[{ options: { vectorStoreIds: 'vs_1, vs_2' } }, /^Vector Store IDs: at most one/],
		[{ options: { responseFormat: 'json_schema', jsonSchema: '{oops' } }, /^JSON Schema: not valid JSON/],
		[{ functions: { function: [{ name: 'bad name', parameters: '{}' }] } }, /^Functions: the name "bad name" is not allowed/],
		[{ functions: { function: [{ name: 'f', parameters: '[1]' }] } }, /^Functions: parameters of "f": must be a JSON object/],
		[{ name: 'n'.repeat(257) }, /^Name: at most 256 characters/],
		// An expression that resolves to nothing passes n8n's required-field check, so the hook must catch it.
		[{ model: byId('={{ "" }}') }, /^Model: choose a model/],
	])('refuses bad input before sending (%#)', async (extra, message) => {
		const { scope, log } = api();
		scope.post('/v1/assistants').reply(200, assistant());
		const result = await run({ resource: 'assistant', operation: 'create', model: byId('gpt-4.1-mini'), ...extra });
		expect(result.error?.message).toMatch(message);
		expect(log).toHaveLength(0);
	});

	it('explains in plain words when the server no longer serves the Assistants API', async () => {
		const { scope } = api();
		scope.post('/v1/assistants').reply(404, {
			error: { message: 'Invalid URL (POST /v1/assistants)', type: 'invalid_request_error', param: null, code: null },
		});
		const result = await run({ resource: 'assistant', operation: 'create', model: byId('gpt-4.1-mini') });
		expect(result.error?.message).toBe('Invalid URL (POST /v1/assistants)');
		expect(result.error?.description).toContain('does not serve the Assistants API');
		expect(result.error?.description).toContain('Response and Conversation resources');
	});

	it('keeps the ordinary hint for an assistant that does not exist', async () => {
		const { scope } = api();
		scope.get('/v1/assistants/asst_gone').reply(404, {
			error: { message: "No assistant found with id 'asst_gone'.", type: 'invalid_request_error', param: null, code: null },
		});
		const result = await run({ resource: 'assistant', operation: 'get', assistantId: byId('asst_gone') });
		expect(result.error?.description).toContain('Nothing was found at this ID');
		expect(result.error?.description).not.toContain('Assistants API');
	});
});

describe('assistant.get / delete', () => {
	it('gets one assistant by ID', async () => {
		const { scope, calls } = api();
		scope.get('/v1/assistants/asst_1').reply(200, assistant());
		const result = await run({ resource: 'assistant', operation: 'get', assistantId: byId('asst_1') });
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual(['GET /v1/assistants/asst_1']);
		expect(result.output('OpenAI')[0].json).toEqual(assistant());
	});

	it('deletes one assistant', async () => {
		const { scope, calls } = api();
		scope.delete('/v1/assistants/asst_1').reply(200, { id: 'asst_1', object: 'assistant.deleted', deleted: true });
		const result = await run({ resource: 'assistant', operation: 'delete', assistantId: { __rl: true, mode: 'list', value: 'asst_1' } });
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual(['DELETE /v1/assistants/asst_1']);
		expect(result.output('OpenAI')[0].json).toEqual({ id: 'asst_1', object: 'assistant.deleted', deleted: true });
	});

	it('refuses an empty assistant before sending', async () => {
		const { scope, log } = api();
		scope.delete(/.*/).reply(200, {});
		const result = await run({ resource: 'assistant', operation: 'delete', assistantId: byId('  ') });
		expect(result.error?.message).toBe('Assistant: choose an assistant or enter its ID');
		expect(log).toHaveLength(0);
	});
});

describe('assistant.getAll', () => {
	it('follows the cursor for Return All', async () => {
		const { scope, calls } = api();
		scope
			.get('/v1/assistants')
			.query({ limit: '100' })
			.reply(200, { object: 'list', data: [assistant({ id: 'asst_1' }), assistant({ id: 'asst_2' })], has_more: true, last_id: 'asst_2' })
			.get('/v1/assistants')
			.query({ limit: '100', after: 'asst_2' })
			.reply(200, { object: 'list', data: [assistant({ id: 'asst_3' })], has_more: false, last_id: 'asst_3' });
		const result = await run({ resource: 'assistant', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual(['GET /v1/assistants?limit=100', 'GET /v1/assistants?limit=100&after=asst_2']);
		expect(result.output('OpenAI').map((item) => item.json.id)).toEqual(['asst_1', 'asst_2', 'asst_3']);
		expect(result.output('OpenAI').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('asks for no more than the limit', async () => {
		const { scope, calls } = api();
		scope.get('/v1/assistants').query({ limit: '2' }).reply(200, { data: [assistant({ id: 'a' }), assistant({ id: 'b' })], has_more: true, last_id: 'b' });
		const result = await run({ resource: 'assistant', operation: 'getAll', returnAll: false, limit: 2 });
		expect(calls()).toEqual(['GET /v1/assistants?limit=2']);
		expect(result.output('OpenAI')).toHaveLength(2);
	});

	it('gives no items for a sparse list reply', async () => {
		const { scope } = api();
		scope.get('/v1/assistants').query(true).reply(200, { data: [] });
		const result = await run({ resource: 'assistant', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toEqual([]);
	});
});

describe('assistant.update', () => {
	const fn = (name: string, description: string) => ({ type: 'function', function: { name, description } });

	it('merges new tools into the current ones (read first, then modify)', async () => {
		const { scope, calls, log } = api();
		scope
			.get('/v1/assistants/asst_1')
			.reply(200, assistant({ tools: [{ type: 'code_interpreter' }, fn('keep', 'old'), fn('swap', 'old')] }))
			.post('/v1/assistants/asst_1')
			.reply(200, assistant({ name: 'Renamed' }));
		const result = await run({
			resource: 'assistant',
			operation: 'update',
			assistantId: byId('asst_1'),
			updateFields: {
				name: 'Renamed',
				builtInTools: ['file_search'],
				functions: { function: [{ name: 'swap', description: 'new', parameters: '' }] },
			},
		});
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual(['GET /v1/assistants/asst_1', 'POST /v1/assistants/asst_1']);
		expect(log[1].body).toEqual({
			name: 'Renamed',
			tools: [{ type: 'code_interpreter' }, fn('keep', 'old'), { type: 'file_search' }, fn('swap', 'new')],
		});
		expect(result.output('OpenAI')[0].json.name).toBe('Renamed');
	});

	it('replaces the tools and clears fields when asked, in one request', async () => {
		const { scope, calls, log } = api();
		scope.post('/v1/assistants/asst_1').reply(200, assistant());
		const result = await run({
			resource: 'assistant',
			operation: 'update',
			assistantId: byId('asst_1'),
			updateFields: {
				model: byId('gpt-4o'),
				toolsMode: 'replace',
				builtInTools: [],
				description: '',
				codeInterpreterFileIds: '',
				metadata: {},
				responseFormat: 'auto',
			},
		});
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual(['POST /v1/assistants/asst_1']);
		expect(log[0].body).toEqual({
			model: 'gpt-4o',
			description: '',
			tools: [],
			tool_resources: { code_interpreter: { file_ids: [] } },
			metadata: {},
			response_format: 'auto',
		});
	});

	it('merges into an assistant whose reply has no tools', async () => {
		const { scope, log } = api();
		scope.get('/v1/assistants/asst_1').reply(200, { id: 'asst_1' }).post('/v1/assistants/asst_1').reply(200, { id: 'asst_1' });
		const result = await run({ resource: 'assistant', operation: 'update', assistantId: byId('asst_1'), updateFields: { builtInTools: ['code_interpreter'] } });
		expect(result.error).toBeUndefined();
		expect(log[1].body).toEqual({ tools: [{ type: 'code_interpreter' }] });
	});

	it('refuses an update with nothing to change', async () => {
		const { scope, log } = api();
		scope.post(/.*/).reply(200, {});
		const result = await run({ resource: 'assistant', operation: 'update', assistantId: byId('asst_1'), updateFields: { toolsMode: 'replace' } });
		expect(result.error?.message).toBe('Update Fields: add at least one field to change');
		expect(log).toHaveLength(0);
	});
});

// ---- message -------------------------------------------------------------------------------

const runObject = (status: string, extra: IDataObject = {}) => ({
	id: 'run_1',
	object: 'thread.run',
	created_at: 1,
	thread_id: 'thread_1',
	assistant_id: 'asst_1',
	status,
	required_action: null,
	last_error: null,
	usage: null,
	...extra,
});
const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
const annotation = { type: 'file_citation', text: '【4:0†doc.pdf】', file_citation: { file_id: 'file-doc' }, start_index: 11, end_index: 24 };
const replyMessages = {
	object: 'list',
	data: [
		{
			id: 'msg_2',
			object: 'thread.message',
			thread_id: 'thread_1',
			role: 'assistant',
			run_id: 'run_1',
			status: 'completed',
			content: [
				{ type: 'text', text: { value: 'Opened items【4:0†doc.pdf】 can be returned.', annotations: [annotation] } },
				{ type: 'image_file', image_file: { file_id: 'file-img' } },
			],
		},
	],
	has_more: false,
};
const message = (extra: IDataObject = {}) => ({
	resource: 'assistant',
	operation: 'message',
	assistantId: byId('asst_1'),
	text: 'Can I return opened items?',
	...extra,
});
const messagesPath = '/v1/threads/thread_1/messages?run_id=run_1&order=asc&limit=100';

/** The output of a completed run whose reply is the standard assistant message (thread_1, run_1). */
const completedReplyItem = {
	json: {
		reply: 'Opened items【4:0†doc.pdf】 can be returned.',
		threadId: 'thread_1',
		runId: 'run_1',
		assistantId: 'asst_1',
		status: 'completed',
		usage,
		annotations: [annotation],
		imageFileIds: ['file-img'],
		toolCalls: [],
	},
	pairedItem: { item: 0 },
};

describe('assistant.message', () => {
	it('starts a new thread with the message, runs, polls with backoff and returns the reply', async () => {
		const { scope, calls, log } = api();
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1', object: 'thread', created_at: 1 })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('queued'))
			.get('/v1/threads/thread_1/runs/run_1')
			.reply(200, runObject('in_progress'))
			.get('/v1/threads/thread_1/runs/run_1')
			.reply(200, runObject('completed', { usage }))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, replyMessages);
		const result = await run(
			message({
				attachments: { attachment: [{ fileIds: 'file-a, file-b', tools: ['file_search'] }, { fileIds: 'file-c', tools: ['code_interpreter', 'file_search'] }] },
				options: {
					model: byId('gpt-4o'),
					instructions: 'Answer in French.',
					additionalInstructions: 'Cite sources.',
					builtInTools: ['file_search'],
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			'POST /v1/threads',
			'POST /v1/threads/thread_1/runs',
			'GET /v1/threads/thread_1/runs/run_1',
			'GET /v1/threads/thread_1/runs/run_1',
			`GET ${messagesPath}`,
		]);
		expect(log[0].body).toEqual({
			messages: [
				{
					role: 'user',
					content: 'Can I return opened items?',
					attachments: [
						{ file_id: 'file-a', tools: [{ type: 'file_search' }] },
						{ file_id: 'file-b', tools: [{ type: 'file_search' }] },
						{ file_id: 'file-c', tools: [{ type: 'code_interpreter' }, { type: 'file_search' }] },
					],
				},
			],
		});
		expect(log[1].body).toEqual({
			assistant_id: 'asst_1',
			model: 'gpt-4o',
			instructions: 'Answer in French.',
			additional_instructions: 'Cite sources.',
			tools: [{ type: 'file_search' }],
		});
		expect(result.output('OpenAI')).toEqual([completedReplyItem]);
	});

	it('continues an existing thread: checks for an active run, adds the message, runs', async () => {
		const { scope, calls, log } = api();
		scope
			.get('/v1/threads/thread_1/runs')
			.query({ limit: '1', order: 'desc' })
			.reply(200, { data: [runObject('completed', { id: 'run_0' })], has_more: true })
			.post('/v1/threads/thread_1/messages')
			.reply(200, { id: 'msg_1', object: 'thread.message' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('completed', { usage }))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, replyMessages);
		const result = await run(message({ threadId: ' thread_1 ' }));
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			'GET /v1/threads/thread_1/runs?limit=1&order=desc',
			'POST /v1/threads/thread_1/messages',
			'POST /v1/threads/thread_1/runs',
			`GET ${messagesPath}`,
		]);
		expect(log[1].body).toEqual({ role: 'user', content: 'Can I return opened items?' });
		expect(log[2].body).toEqual({ assistant_id: 'asst_1' });
		expect(result.output('OpenAI')[0].json).toMatchObject({ threadId: 'thread_1', runId: 'run_1', status: 'completed', usage });
	});

	it('waits for an active run on the thread before adding the message', async () => {
		const { scope, calls } = api();
		scope
			.get('/v1/threads/thread_1/runs')
			.query(true)
			.reply(200, { data: [runObject('in_progress', { id: 'run_busy' })] })
			.get('/v1/threads/thread_1/runs/run_busy')
			.reply(200, runObject('in_progress', { id: 'run_busy' }))
			.get('/v1/threads/thread_1/runs/run_busy')
			.reply(200, runObject('completed', { id: 'run_busy' }))
			.post('/v1/threads/thread_1/messages')
			.reply(200, { id: 'msg_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('completed'))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, replyMessages);
		const result = await run(message({ threadId: 'thread_1' }));
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			'GET /v1/threads/thread_1/runs?limit=1&order=desc',
			'GET /v1/threads/thread_1/runs/run_busy',
			'GET /v1/threads/thread_1/runs/run_busy',
			'POST /v1/threads/thread_1/messages',
			'POST /v1/threads/thread_1/runs',
			`GET ${messagesPath}`,
		]);
		expect(result.output('OpenAI')[0].json.reply).toBe('Opened items【4:0†doc.pdf】 can be returned.');
	});

	it('cancels an active run when asked, and waits until it is cancelled', async () => {
		const { scope, calls } = api();
		scope
			.get('/v1/threads/thread_1/runs')
			.query(true)
			.reply(200, { data: [runObject('requires_action', { id: 'run_busy' })] })
			.post('/v1/threads/thread_1/runs/run_busy/cancel')
			.reply(200, runObject('cancelling', { id: 'run_busy' }))
			.get('/v1/threads/thread_1/runs/run_busy')
			.reply(200, runObject('cancelled', { id: 'run_busy' }))
			.post('/v1/threads/thread_1/messages')
			.reply(200, { id: 'msg_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('completed'))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, replyMessages);
		const result = await run(message({ threadId: 'thread_1', options: { activeRun: 'cancel' } }));
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			'GET /v1/threads/thread_1/runs?limit=1&order=desc',
			'POST /v1/threads/thread_1/runs/run_busy/cancel',
			'GET /v1/threads/thread_1/runs/run_busy',
			'POST /v1/threads/thread_1/messages',
			'POST /v1/threads/thread_1/runs',
			`GET ${messagesPath}`,
		]);
	});

	it('frees the thread again when a run started between the check and the message', async () => {
		const { scope, calls } = api();
		scope
			.get('/v1/threads/thread_1/runs')
			.query(true)
			.reply(200, { data: [] })
			.post('/v1/threads/thread_1/messages')
			.reply(400, { error: { message: "Can't add messages to thread_1 while a run run_busy is active.", type: 'invalid_request_error', param: null, code: null } })
			.get('/v1/threads/thread_1/runs')
			.query(true)
			.reply(200, { data: [runObject('queued', { id: 'run_busy' })] })
			.get('/v1/threads/thread_1/runs/run_busy')
			.reply(200, runObject('completed', { id: 'run_busy' }))
			.post('/v1/threads/thread_1/messages')
			.reply(200, { id: 'msg_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('completed'))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, replyMessages);
		const result = await run(message({ threadId: 'thread_1' }));
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			'GET /v1/threads/thread_1/runs?limit=1&order=desc',
			'POST /v1/threads/thread_1/messages',
			'GET /v1/threads/thread_1/runs?limit=1&order=desc',
			'GET /v1/threads/thread_1/runs/run_busy',
			'POST /v1/threads/thread_1/messages',
			'POST /v1/threads/thread_1/runs',
			`GET ${messagesPath}`,
		]);
	});

	it('gives up waiting for someone else\'s run at the timeout, without cancelling it', async () => {
		const { scope, calls } = api();
		scope
			.get('/v1/threads/thread_1/runs')
			.query(true)
			.reply(200, { data: [runObject('in_progress', { id: 'run_busy' })] })
			.get('/v1/threads/thread_1/runs/run_busy')
			.times(50)
			.reply(200, runObject('in_progress', { id: 'run_busy' }));
		const result = await run(message({ threadId: 'thread_1', options: { timeout: 1 } }));
		expect(result.error?.message).toBe('Timeout: thread thread_1 was still busy with run run_busy ("in_progress") after 1 seconds');
		expect(result.error?.description).toContain('Cancel It');
		const seen = calls();
		expect(seen[0]).toBe('GET /v1/threads/thread_1/runs?limit=1&order=desc');
		expect(seen.length).toBeGreaterThan(1);
		expect(new Set(seen.slice(1))).toEqual(new Set(['GET /v1/threads/thread_1/runs/run_busy']));
	});

	it('stops at the timeout, cancels its run and names the run and thread', async () => {
		const { scope, calls } = api();
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('queued'))
			.get('/v1/threads/thread_1/runs/run_1')
			.times(50)
			.reply(200, runObject('in_progress'))
			.post('/v1/threads/thread_1/runs/run_1/cancel')
			.reply(200, runObject('cancelling'));
		const result = await run(message({ options: { timeout: 1 } }));
		expect(result.error?.message).toBe('Timeout: the run did not finish within 1 seconds');
		expect(result.error?.description).toBe('Thread ID: thread_1; Run ID: run_1. It was still "in_progress". It was cancelled. Raise "Timeout" for long runs.');
		expect(result.error?.context?.errorItem).toEqual({ threadId: 'thread_1', runId: 'run_1' });
		const seen = calls();
		expect(seen.slice(0, 2)).toEqual(['POST /v1/threads', 'POST /v1/threads/thread_1/runs']);
		expect(seen[seen.length - 1]).toBe('POST /v1/threads/thread_1/runs/run_1/cancel');
		const polls = seen.slice(2, -1);
		expect(polls.length).toBeGreaterThanOrEqual(1);
		// Backoff: 0.4 s, 0.8 s, ... means only a handful of polls fit into one second, never a busy loop.
		expect(polls.length).toBeLessThanOrEqual(5);
		expect(new Set(polls)).toEqual(new Set(['GET /v1/threads/thread_1/runs/run_1']));
	});

	it('leaves the run alone at the timeout when "Cancel Run on Timeout" is off', async () => {
		const { scope, calls } = api();
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('queued'))
			.get('/v1/threads/thread_1/runs/run_1')
			.times(50)
			.reply(200, runObject('queued'));
		const result = await run(message({ options: { timeout: 1, cancelOnTimeout: false } }));
		expect(result.error?.description).toContain('It may still be running');
		expect(calls().some((call) => call.endsWith('/cancel'))).toBe(false);
	});

	it('reports a failed run with its error, thread and run', async () => {
		const { scope, calls } = api();
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('queued'))
			.get('/v1/threads/thread_1/runs/run_1')
			.reply(200, runObject('failed', { last_error: { code: 'rate_limit_exceeded', message: 'You exceeded your current quota.' } }));
		const result = await run(message());
		expect(result.error?.message).toBe('Run run_1 on thread thread_1 ended with status "failed": You exceeded your current quota.');
		expect(result.error?.description).toBe('Thread ID: thread_1; Run ID: run_1. Code: rate_limit_exceeded. The server could not finish it.');
		expect(result.error?.context?.errorItem).toEqual({ threadId: 'thread_1', runId: 'run_1' });
		expect(calls()).toEqual(['POST /v1/threads', 'POST /v1/threads/thread_1/runs', 'GET /v1/threads/thread_1/runs/run_1']);
	});

	it('returns the tool calls of a run that requires action, arguments parsed', async () => {
		const { scope, calls } = api();
		const toolCalls = [
			{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
			{ id: 'call_2', type: 'function', function: { name: 'broken', arguments: '{not json' } },
		];
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('requires_action', { required_action: { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: toolCalls } } }))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, { data: [] });
		const result = await run(message({ options: { functions: { function: [{ name: 'get_weather', parameters: '{"type":"object"}' }] } } }));
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual(['POST /v1/threads', 'POST /v1/threads/thread_1/runs', `GET ${messagesPath}`]);
		expect(result.output('OpenAI')[0].json).toEqual({
			reply: '',
			threadId: 'thread_1',
			runId: 'run_1',
			assistantId: 'asst_1',
			status: 'requires_action',
			usage: null,
			annotations: [],
			imageFileIds: [],
			toolCalls: [
				{ id: 'call_1', type: 'function', name: 'get_weather', arguments: { city: 'Paris' } },
				{ id: 'call_2', type: 'function', name: 'broken', arguments: '{not json' },
			],
		});
	});

	it('returns the raw run and messages when Simplify Output is off', async () => {
		const { scope } = api();
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('completed'))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, replyMessages);
		const result = await run(message({ simplify: false }));
		expect(result.output('OpenAI')[0].json).toEqual({ thread_id: 'thread_1', run: runObject('completed'), messages: replyMessages.data });
	});

	it('copes with sparse replies: a bare run and a message list with nothing in it', async () => {
		const { scope } = api();
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, { id: 'run_1', status: 'completed' })
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, { data: [{ id: 'm' }, { id: 'n', role: 'assistant', content: [{ type: 'text' }, { type: 'refusal', refusal: 'no' }] }] });
		const result = await run(message());
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')[0].json).toEqual({
			reply: '',
			threadId: 'thread_1',
			runId: 'run_1',
			assistantId: null,
			status: 'completed',
			usage: null,
			annotations: [],
			imageFileIds: [],
			toolCalls: [],
		});
	});

	it('says so when the thread reply has no ID', async () => {
		const { scope, calls } = api();
		scope.post('/v1/threads').reply(200, {});
		const result = await run(message());
		expect(result.error?.message).toBe("The server's reply to creating the thread has no thread ID");
		expect(calls()).toEqual(['POST /v1/threads']);
	});

	it('says in plain words when /threads is gone', async () => {
		const { scope } = api();
		scope.post('/v1/threads').reply(410, { error: { message: 'The Assistants API has been retired.', type: 'invalid_request_error', param: null, code: null } });
		const result = await run(message());
		expect(result.error?.description).toContain('does not serve the Assistants API');
	});

	it.each([
		[{ text: '   ' }, 'Message: enter the message to send'],
		[{ assistantId: byId('={{ "" }}') }, 'Assistant: choose an assistant or enter its ID'],
		[{ threadId: 'thread 1' }, 'Thread ID: "thread 1" is not a thread ID'],
		[{ attachments: { attachment: [{ fileIds: '', tools: ['file_search'] }] } }, 'Attachments: a file ID is empty'],
		[{ attachments: { attachment: [{ fileIds: 'file-a', tools: [] }] } }, 'Attachments: choose the tools that get file-a'],
		[{ options: { timeout: 0 } }, 'Timeout: must be between 1 and 3600 seconds, got 0'],
		[{ options: { builtInTools: ['code_interpreter'], functions: { function: Array.from({ length: 20 }, (_, i) => ({ name: `f${i}` })) } } }, 'Functions: at most 20 tools are allowed, got 21'],
		[{ options: { model: byId('={{ "" }}') } }, 'Model: choose a model or remove the option'],
		[{ options: { functions: { function: [{ name: 'f', parameters: '{' }] } } }, 'Functions: parameters of "f": not valid JSON'],
	])('refuses bad input before sending (%#)', async (extra, expected) => {
		const { scope, log } = api();
		scope.post(/.*/).reply(200, {});
		const result = await run(message(extra));
		expect(result.error?.message).toBe(expected);
		expect(log).toHaveLength(0);
	});

	it('keeps items paired under Continue On Fail: a bad item becomes an error item, the good one runs', async () => {
		const { scope } = api();
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('completed'))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, replyMessages);
		const result = await run(
			message({ text: '={{ $json.text }}' }),
			[{ json: { text: '' } }, { json: { text: 'Hello' } }],
			{ continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const items = result.output('OpenAI');
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ json: { error: 'Message: enter the message to send' }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({ json: { threadId: 'thread_1', status: 'completed' }, pairedItem: { item: 1 } });
	});
});

describe('assistant.update: metadata limits', () => {
	const update = (metadata: IDataObject) => ({ resource: 'assistant', operation: 'update', assistantId: byId('asst_1'), updateFields: { metadata } });

	it.each([
		[{ pair: [{ key: 'k'.repeat(65), value: 'v' }] }, `Metadata: the key "${'k'.repeat(20)}..." is longer than 64 characters`],
		[{ pair: [{ key: 'team', value: 'v'.repeat(513) }] }, 'Metadata: the value of "team" is longer than 512 characters'],
		[{ pair: Array.from({ length: 17 }, (_, i) => ({ key: `k${i}`, value: 'v' })) }, 'Metadata: at most 16 pairs are allowed, got 17'],
		[{ pair: [{ key: ' ', value: 'orphan' }] }, 'Metadata: the value "orphan" has no key'],
		[{ pair: [{ key: 'team', value: '1' }, { key: 'team', value: '2' }] }, 'Metadata: key "team" is given twice'],
	])('refuses metadata over the limits before sending (%#)', async (metadata, expected) => {
		const { scope, log } = api();
		scope.get(/.*/).reply(200, assistant()).post(/.*/).reply(200, assistant());
		const result = await run(update(metadata));
		expect(result.error?.message).toBe(expected);
		expect(log).toHaveLength(0);
	});

	it('sends metadata right at the limits: 16 pairs, 64-character keys, 512-character values', async () => {
		const { scope, calls, log } = api();
		scope.post('/v1/assistants/asst_1').reply(200, assistant());
		const pairs = Array.from({ length: 16 }, (_, i) => ({ key: `${i}`.padEnd(64, 'k'), value: 'v'.repeat(512) }));
		const result = await run(update({ pair: pairs }));
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual(['POST /v1/assistants/asst_1']);
		expect(log[0].body).toEqual({ metadata: Object.fromEntries(pairs.map((pair) => [pair.key, pair.value])) });
	});
});

describe('assistant.message: runs that end without a reply', () => {
	it.each([
		[
			'cancelled',
			'Run run_1 on thread thread_1 ended with status "cancelled"',
			'Thread ID: thread_1; Run ID: run_1. It was cancelled before it finished (by a user, another workflow, or "Cancel It" of a later message).',
		],
		[
			'expired',
			'Run run_1 on thread thread_1 ended with status "expired"',
			'Thread ID: thread_1; Run ID: run_1. It expired: its tool outputs did not come in time (about 10 minutes), or it ran too long. Send the message again.',
		],
	])('reports a run that ended %s with its thread and run, after the exact requests', async (status, expectedMessage, expectedDescription) => {
		const { scope, calls } = api();
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('queued'))
			.get('/v1/threads/thread_1/runs/run_1')
			.reply(200, runObject('in_progress'))
			.get('/v1/threads/thread_1/runs/run_1')
			.reply(200, runObject(status));
		const result = await run(message());
		expect(result.error?.message).toBe(expectedMessage);
		expect(result.error?.description).toBe(expectedDescription);
		expect(result.error?.context?.errorItem).toEqual({ threadId: 'thread_1', runId: 'run_1' });
		expect(calls()).toEqual([
			'POST /v1/threads',
			'POST /v1/threads/thread_1/runs',
			'GET /v1/threads/thread_1/runs/run_1',
			'GET /v1/threads/thread_1/runs/run_1',
		]);
	});

	it('keeps the thread and run IDs as fields of the Continue On Fail item, so the next message can reuse the thread', async () => {
		const { scope } = api();
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('expired'));
		const result = await run(message(), undefined, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toEqual([
			{
				json: {
					threadId: 'thread_1',
					runId: 'run_1',
					error: 'Run run_1 on thread thread_1 ended with status "expired"',
					description:
						'Thread ID: thread_1; Run ID: run_1. It expired: its tool outputs did not come in time (about 10 minutes), or it ran too long. Send the message again.',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('returns the partial reply of an incomplete run, with the reason', async () => {
		const { scope, calls } = api();
		const incomplete = { reason: 'max_completion_tokens' };
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, runObject('queued'))
			.get('/v1/threads/thread_1/runs/run_1')
			.reply(200, runObject('incomplete', { usage, incomplete_details: incomplete }))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, {
				data: [{ id: 'msg_2', role: 'assistant', run_id: 'run_1', status: 'incomplete', content: [{ type: 'text', text: { value: 'Opened items can', annotations: [] } }] }],
			});
		const result = await run(message());
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual(['POST /v1/threads', 'POST /v1/threads/thread_1/runs', 'GET /v1/threads/thread_1/runs/run_1', `GET ${messagesPath}`]);
		expect(result.output('OpenAI')[0].json).toEqual({
			reply: 'Opened items can',
			threadId: 'thread_1',
			runId: 'run_1',
			assistantId: 'asst_1',
			status: 'incomplete',
			usage,
			annotations: [],
			imageFileIds: [],
			toolCalls: [],
			incompleteDetails: incomplete,
		});
	});
});

// ---- tool outputs ----------------------------------------------------------------------------

const toolCalls = [
	{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
	{ id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{"city":"Paris"}' } },
];
const waitingRun = (extra: IDataObject = {}) =>
	runObject('requires_action', { required_action: { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: toolCalls } }, ...extra });
const outputs = [
	{ tool_call_id: 'call_1', output: '{"temperature":21}' },
	{ tool_call_id: 'call_2', output: '14:05' },
];
const toolOutputsTurn = (extra: IDataObject = {}) => ({
	resource: 'assistant',
	operation: 'message',
	send: 'toolOutputs',
	threadId: 'thread_1',
	toolOutputs: JSON.stringify(outputs),
	...extra,
});
const submitPath = '/v1/threads/thread_1/runs/run_1/submit_tool_outputs';
const latestRunPath = '/v1/threads/thread_1/runs?limit=1&order=desc';

describe('assistant.message: an active run that waits for tool outputs', () => {
	it('fails at once in wait mode, instead of waiting out the timeout', async () => {
		const { scope, calls } = api();
		scope
			.get('/v1/threads/thread_1/runs')
			.query(true)
			.reply(200, { data: [waitingRun({ id: 'run_busy' })] })
			.get('/v1/threads/thread_1/runs/run_busy')
			.times(50)
			.reply(200, waitingRun({ id: 'run_busy' }));
		// A timeout far beyond the test's: only failing at once can finish it.
		const result = await run(message({ threadId: 'thread_1', options: { timeout: 3600 } }));
		expect(result.error?.message).toBe('Thread thread_1 has run run_busy waiting for tool outputs ("requires_action"); it does not finish by itself');
		expect(result.error?.description).toBe(
			'Thread ID: thread_1; Run ID: run_busy. Submit its tool outputs (set "Send" to "Tool Outputs"), or set "If Thread Has an Active Run" to "Cancel It" to drop them and send the message.',
		);
		expect(calls()).toEqual([`GET ${latestRunPath}`]);
	});

	it('stops waiting when the run it waits for comes to require action', async () => {
		const { scope, calls } = api();
		scope
			.get('/v1/threads/thread_1/runs')
			.query(true)
			.reply(200, { data: [runObject('in_progress', { id: 'run_busy' })] })
			.get('/v1/threads/thread_1/runs/run_busy')
			.reply(200, waitingRun({ id: 'run_busy' }))
			.get('/v1/threads/thread_1/runs/run_busy')
			.times(50)
			.reply(200, waitingRun({ id: 'run_busy' }));
		const result = await run(message({ threadId: 'thread_1', options: { timeout: 3600 } }));
		expect(result.error?.message).toMatch(/^Thread thread_1 has run run_busy waiting for tool outputs/);
		expect(calls()).toEqual([`GET ${latestRunPath}`, 'GET /v1/threads/thread_1/runs/run_busy']);
	});
});

describe('assistant.message: tool outputs', () => {
	afterEach(() => stepFunctions.clear());

	it("submits them to the thread's run that requires action, polls and returns the reply", async () => {
		const { scope, calls, log } = api();
		scope
			.get('/v1/threads/thread_1/runs')
			.query({ limit: '1', order: 'desc' })
			.reply(200, { data: [waitingRun()], has_more: true })
			.post(submitPath)
			.reply(200, runObject('queued'))
			.get('/v1/threads/thread_1/runs/run_1')
			.reply(200, runObject('in_progress'))
			.get('/v1/threads/thread_1/runs/run_1')
			.reply(200, runObject('completed', { usage }))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, replyMessages);
		const result = await run(toolOutputsTurn());
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			`GET ${latestRunPath}`,
			`POST ${submitPath}`,
			'GET /v1/threads/thread_1/runs/run_1',
			'GET /v1/threads/thread_1/runs/run_1',
			`GET ${messagesPath}`,
		]);
		expect(log[1].body).toEqual({ tool_outputs: outputs });
		expect(result.output('OpenAI')).toEqual([completedReplyItem]);
	});

	it('goes straight to the given run, reads the default "toolOutputs" of the item and sends only the two keys', async () => {
		const { scope, calls, log } = api();
		scope
			.post(submitPath)
			.reply(200, runObject('completed'))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, replyMessages);
		const parameters: IDataObject = toolOutputsTurn({ runId: ' run_1 ' });
		delete parameters.toolOutputs;
		const result = await run(parameters, [{ json: { toolOutputs: outputs.map((output) => ({ ...output, name: 'fn' })) } }]);
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([`POST ${submitPath}`, `GET ${messagesPath}`]);
		expect(log[0].body).toEqual({ tool_outputs: outputs });
		expect(result.output('OpenAI')[0].json).toMatchObject({ threadId: 'thread_1', runId: 'run_1', status: 'completed' });
	});

	it('returns the next tool calls when the run asks again', async () => {
		const { scope, calls } = api();
		const next = [{ id: 'call_3', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lyon"}' } }];
		scope
			.post(submitPath)
			.reply(200, runObject('in_progress'))
			.get('/v1/threads/thread_1/runs/run_1')
			.reply(200, runObject('requires_action', { required_action: { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: next } } }))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, { data: [] });
		const result = await run(toolOutputsTurn({ runId: 'run_1' }));
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([`POST ${submitPath}`, 'GET /v1/threads/thread_1/runs/run_1', `GET ${messagesPath}`]);
		expect(result.output('OpenAI')[0].json).toMatchObject({
			status: 'requires_action',
			runId: 'run_1',
			toolCalls: [{ id: 'call_3', type: 'function', name: 'get_weather', arguments: { city: 'Lyon' } }],
		});
	});

	it('chains message -> Code node -> tool outputs in one workflow, without hand-written HTTP', async () => {
		const { scope, calls, log } = api();
		scope
			.post('/v1/threads')
			.reply(200, { id: 'thread_1' })
			.post('/v1/threads/thread_1/runs')
			.reply(200, waitingRun())
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, { data: [] })
			.post(submitPath)
			.reply(200, runObject('queued'))
			.get('/v1/threads/thread_1/runs/run_1')
			.reply(200, runObject('completed', { usage }))
			.get('/v1/threads/thread_1/messages')
			.query(true)
			.reply(200, replyMessages);
		// Plays the Code node: answers each tool call, as text.
		stepFunctions.set('answerCalls', (items: INodeExecutionData[]) =>
			items.map((item, index) => ({
				json: {
					threadId: item.json.threadId,
					runId: item.json.runId,
					toolOutputs: (item.json.toolCalls as Array<{ id: string; name: string }>).map((call) => ({
						tool_call_id: call.id,
						output: call.name === 'get_weather' ? JSON.stringify({ temperature: 21 }) : '14:05',
					})),
				},
				pairedItem: { item: index },
			})),
		);
		const workflow: WorkflowJson = {
			nodes: [
				{ id: '1', name: 'Input', type: 'harness.fixture', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify([{ json: {} }]) } },
				openAiNode('2', 'Ask', message(), 200),
				{ id: '3', name: 'Run Functions', type: 'harness.function', typeVersion: 1, position: [400, 0], parameters: { name: 'answerCalls' } },
				// Tool Outputs keeps its default ($json.toolOutputs); the thread and run are mapped from the item.
				openAiNode('4', 'Answer', { resource: 'assistant', operation: 'message', send: 'toolOutputs', threadId: '={{ $json.threadId }}', runId: '={{ $json.runId }}' }, 600),
			],
			connections: {
				Input: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] },
				Ask: { main: [[{ node: 'Run Functions', type: 'main', index: 0 }]] },
				'Run Functions': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
			},
		};
		const result = await runWorkflow(workflow, credentials);
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			'POST /v1/threads',
			'POST /v1/threads/thread_1/runs',
			`GET ${messagesPath}`,
			`POST ${submitPath}`,
			'GET /v1/threads/thread_1/runs/run_1',
			`GET ${messagesPath}`,
		]);
		expect(log[3].body).toEqual({ tool_outputs: outputs });
		expect(result.output('Ask')[0].json).toMatchObject({ status: 'requires_action', threadId: 'thread_1', runId: 'run_1' });
		expect(result.output('Answer')).toEqual([{ json: expect.objectContaining({ status: 'completed', reply: 'Opened items【4:0†doc.pdf】 can be returned.', usage }), pairedItem: { item: 0 } }]);
	});

	it.each([
		[{ data: [runObject('completed')] }, 'Tool Outputs: no run on thread thread_1 waits for tool outputs (its newest run is "completed")'],
		[{ data: [] }, 'Tool Outputs: thread thread_1 has no run to submit them to'],
		[{ data: [waitingRun()] }, 'Tool Outputs: "call_9" is not a tool call of the run', JSON.stringify([...outputs, { tool_call_id: 'call_9', output: 'x' }])],
		[{ data: [waitingRun()] }, 'Tool Outputs: no output for "call_2"', JSON.stringify(outputs.slice(0, 1))],
	])("checks the thread's run before submitting (%#)", async (list, expected, toolOutputs = JSON.stringify(outputs)) => {
		const { scope, calls } = api();
		scope.get('/v1/threads/thread_1/runs').query(true).reply(200, list).post(/.*/).reply(200, runObject('completed'));
		const result = await run(toolOutputsTurn({ toolOutputs }));
		expect(result.error?.message).toBe(expected);
		expect(calls()).toEqual([`GET ${latestRunPath}`]);
	});

	it.each([
		[{ toolOutputs: JSON.stringify(outputs[0]) }, 'Tool Outputs: must be a JSON array of {"tool_call_id", "output"} objects, got an object'],
		[{ toolOutputs: '[]' }, 'Tool Outputs: the array is empty'],
		[{ toolOutputs: '[{' }, 'Tool Outputs: not valid JSON'],
		[{ toolOutputs: '["call_1"]' }, 'Tool Outputs: entry 1 must be an object with "tool_call_id" and "output"'],
		[{ toolOutputs: '[{"output":"x"}]' }, 'Tool Outputs: entry 1 needs "tool_call_id", the ID of the tool call it answers (a string)'],
		[{ toolOutputs: '[{"tool_call_id":"call_1","output":{"temperature":21}}]' }, 'Tool Outputs: entry 1 ("call_1"): "output" must be a string, got object'],
		[{ toolOutputs: '[{"tool_call_id":"call_1"}]' }, 'Tool Outputs: entry 1 ("call_1"): "output" must be a string, got nothing'],
		[{ toolOutputs: '[{"tool_call_id":"call_1","output":"a"},{"tool_call_id":"call_1","output":"b"}]' }, 'Tool Outputs: tool call "call_1" is answered more than once'],
		[{ toolOutputs: undefined }, 'Tool Outputs: enter the outputs, a JSON array of {"tool_call_id", "output"}'],
		[{ threadId: '' }, 'Thread ID: enter the thread of the run that waits for the tool outputs'],
		[{ runId: 'run 1' }, 'Run ID: "run 1" is not a run ID'],
		[{ send: 'bogus' }, 'Send: "bogus" is not allowed'],
		[{ options: { timeout: 0 } }, 'Timeout: must be between 1 and 3600 seconds, got 0'],
	])('refuses bad input before sending (%#)', async (extra, expected) => {
		const { scope, log } = api();
		scope.get(/.*/).reply(200, { data: [waitingRun()] }).post(/.*/).reply(200, runObject('completed'));
		const parameters: IDataObject = toolOutputsTurn(extra);
		if (parameters.toolOutputs === undefined) delete parameters.toolOutputs;
		const result = await run(parameters);
		expect(result.error?.message).toBe(expected);
		expect(log).toHaveLength(0);
	});
});
