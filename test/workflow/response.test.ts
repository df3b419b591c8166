/**
 * response: create (text, messages with images and files, function results, JSON items, tools,
 * formats, background polling), get, delete, cancel, listInputItems, through n8n's WorkflowExecute
 * against nock.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';

const BASE = 'https://api.openai.com';
const credentials = credentialsFor('https://api.openai.com/v1');
const MODEL = { __rl: true, mode: 'id', value: 'gpt-4.1-mini' };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
const PDF = Buffer.from('%PDF-1.4 test').toString('base64');

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const create = (extra: IDataObject = {}) => ({ resource: 'response', operation: 'create', model: MODEL, input: 'Hello', ...extra });

function reply(extra: IDataObject = {}): IDataObject {
	return {
		id: 'resp_1',
		object: 'response',
		created_at: 1741476542,
		status: 'completed',
		model: 'gpt-4.1-mini-2025-04-14',
		error: null,
		incomplete_details: null,
		output: [
			{
				type: 'message',
				id: 'msg_1',
				status: 'completed',
				role: 'assistant',
				content: [{ type: 'output_text', text: 'Hi there', annotations: [] }],
			},
		],
		text: { format: { type: 'text' } },
		usage: { input_tokens: 5, output_tokens: 3, total_tokens: 8 },
		...extra,
	};
}

/** A reply whose only message says `text`. */
const replySaying = (text: string) =>
	reply({ output: [{ type: 'message', id: 'msg_1', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }] });

/** The simplified output of `reply()` with this text. */
const simplified = (outputText: string) => ({
	json: { id: 'resp_1', model: 'gpt-4.1-mini-2025-04-14', status: 'completed', output_text: outputText, usage: { input_tokens: 5, output_tokens: 3, total_tokens: 8 } },
	pairedItem: { item: 0 },
});

/** Captures the body of each POST /v1/responses. */
function expectCreate(response: IDataObject | ((n: number) => IDataObject) = reply()) {
	const bodies: IDataObject[] = [];
	const scope = nock(BASE)
		.post('/v1/responses', (body: IDataObject) => {
			bodies.push(body);
			return true;
		})
		.reply(200, () => (typeof response === 'function' ? response(bodies.length) : response));
	return { scope, bodies };
}

describe('response.create', () => {
	it('sends a text input and returns the simplified reply', async () => {
		const { scope, bodies } = expectCreate();
		const result = await runWorkflow(singleNodeWorkflow(create()), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([{ model: 'gpt-4.1-mini', input: 'Hello' }]);
		expect(result.output('OpenAI')).toEqual([
			{
				json: {
					id: 'resp_1',
					model: 'gpt-4.1-mini-2025-04-14',
					status: 'completed',
					output_text: 'Hi there',
					usage: { input_tokens: 5, output_tokens: 3, total_tokens: 8 },
				},
				pairedItem: { item: 0 },
			},
		]);
		scope.done();
	});

	it('returns the raw reply with Simplify Output off', async () => {
		const { scope } = expectCreate();
		const result = await runWorkflow(singleNodeWorkflow(create({ simplify: false })), credentials);
		expect(result.output('OpenAI')[0].json).toEqual(reply());
		scope.done();
	});

	it('sends messages with text, image URLs, binary images and files as data URLs, and file ids', async () => {
		const { scope, bodies } = expectCreate(replySaying('Two images and two files'));
		const messages = {
			message: [
				{ role: 'developer', text: 'Answer briefly.' },
				{ role: 'assistant', text: 'Earlier answer' },
				{
					role: 'user',
					text: 'What is on these?',
					imageUrls: 'https://example.com/a.png, https://example.com/b.jpg\ndata:image/png;base64,AAAA',
					imageBinaryProperties: 'photo',
					imageDetail: 'low',
					fileIds: 'file-abc, file-def',
					fileBinaryProperties: 'doc',
				},
			],
		};
		const items = [
			{
				json: {},
				binary: {
					photo: { data: PNG, fileName: 'p.png', mimeType: 'image/png' },
					doc: { data: PDF, fileName: 'report.pdf', mimeType: 'application/pdf' },
				},
			},
		];
		const result = await runWorkflow(singleNodeWorkflow(create({ inputType: 'messages', inputMessages: messages }), items), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			input: [
				{ type: 'message', role: 'developer', content: 'Answer briefly.' },
				{ type: 'message', role: 'assistant', content: 'Earlier answer' },
				{
					type: 'message',
					role: 'user',
					content: [
						{ type: 'input_text', text: 'What is on these?' },
						{ type: 'input_image', image_url: 'https://example.com/a.png', detail: 'low' },
						{ type: 'input_image', image_url: 'https://example.com/b.jpg', detail: 'low' },
						{ type: 'input_image', image_url: 'data:image/png;base64,AAAA', detail: 'low' },
						{ type: 'input_image', image_url: `data:image/png;base64,${PNG}`, detail: 'low' },
						{ type: 'input_file', file_id: 'file-abc' },
						{ type: 'input_file', file_id: 'file-def' },
						{ type: 'input_file', filename: 'report.pdf', file_data: `data:application/pdf;base64,${PDF}` },
					],
				},
			],
		});
		expect(result.output('OpenAI')).toEqual([simplified('Two images and two files')]);
		scope.done();
	});

	it('sends tools, functions, a JSON schema format and every option, and simplifies calls and parsed JSON', async () => {
		const answer = reply({
			text: { format: { type: 'json_schema', name: 'city', schema: {}, strict: true } },
			conversation: { id: 'conv_1' },
			output: [
				{ type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Thought about it' }] },
				{ type: 'web_search_call', id: 'ws_1', status: 'completed' },
				{ type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
				{ type: 'function_call', id: 'fc_2', call_id: 'call_2', name: 'get_time', arguments: 'not json' },
				{
					type: 'message',
					id: 'msg_1',
					role: 'assistant',
					status: 'completed',
					content: [{ type: 'output_text', text: '{"city":"Paris"}', annotations: [{ type: 'url_citation', url: 'https://x.org', start_index: 0, end_index: 1, title: 'X' }] }],
				},
			],
		});
		const { scope, bodies } = expectCreate(answer);
		const params = create({
			builtInTools: {
				webSearch: { searchContextSize: 'high', allowedDomains: 'https://openai.com/docs, n8n.io' },
				fileSearch: { vectorStoreIds: 'vs_1, vs_2', maxResults: 5 },
				codeInterpreter: { fileIds: 'file-1' },
			},
			functions: {
				function: [
					{ name: 'get_weather', description: 'Weather now', parameters: '{"type":"object","properties":{"city":{"type":"string"}}}', strict: true },
					{ name: 'get_time', parameters: '' },
				],
			},
			outputFormat: 'json_schema',
			schemaName: 'city',
			schema: '{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}',
			schemaStrict: true,
			options: {
				conversationId: 'conv_1',
				include: ['web_search_call.action.sources', 'file_search_call.results'],
				instructions: 'Be terse.',
				maxOutputTokens: 500,
				maxToolCalls: 3,
				metadata: { pair: [{ key: 'run', value: '42' }, { key: '', value: '' }] },
				parallelToolCalls: false,
				reasoningEffort: 'low',
				reasoningSummary: 'concise',
				safetyIdentifier: 'user-hash',
				serviceTier: 'flex',
				store: true,
				temperature: 0.2,
				topP: 0.9,
				toolChoice: 'auto',
				truncation: 'auto',
				verbosity: 'low',
			},
		});
		const result = await runWorkflow(singleNodeWorkflow(params), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			input: 'Hello',
			conversation: 'conv_1',
			instructions: 'Be terse.',
			include: ['web_search_call.action.sources', 'file_search_call.results'],
			max_output_tokens: 500,
			max_tool_calls: 3,
			metadata: { run: '42' },
			parallel_tool_calls: false,
			reasoning: { effort: 'low', summary: 'concise' },
			safety_identifier: 'user-hash',
			service_tier: 'flex',
			store: true,
			temperature: 0.2,
			top_p: 0.9,
			tool_choice: 'auto',
			truncation: 'auto',
			tools: [
				{ type: 'web_search', search_context_size: 'high', filters: { allowed_domains: ['openai.com', 'n8n.io'] } },
				{ type: 'file_search', vector_store_ids: ['vs_1', 'vs_2'], max_num_results: 5 },
				{ type: 'code_interpreter', container: { type: 'auto', file_ids: ['file-1'] } },
				{ type: 'function', name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true },
				{ type: 'function', name: 'get_time', parameters: { type: 'object', properties: {} }, strict: false },
			],
			text: {
				format: {
					type: 'json_schema',
					name: 'city',
					schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
					strict: true,
				},
				verbosity: 'low',
			},
		});
		expect(result.output('OpenAI')[0].json).toEqual({
			id: 'resp_1',
			model: 'gpt-4.1-mini-2025-04-14',
			status: 'completed',
			output_text: { city: 'Paris' },
			toolCalls: [
				{ type: 'function', callId: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
				{ type: 'function', callId: 'call_2', name: 'get_time', arguments: 'not json' },
			],
			annotations: [{ type: 'url_citation', url: 'https://x.org', start_index: 0, end_index: 1, title: 'X' }],
			reasoningSummary: 'Thought about it',
			usage: { input_tokens: 5, output_tokens: 3, total_tokens: 8 },
			conversationId: 'conv_1',
		});
		scope.done();
	});

	it('sends a JSON object format', async () => {
		const { scope, bodies } = expectCreate(reply({ text: { format: { type: 'json_object' } }, output: [], output_text: '{"a":1}' }));
		const result = await runWorkflow(singleNodeWorkflow(create({ outputFormat: 'json_object', input: 'Reply in JSON' })), credentials);
		expect(bodies[0]).toEqual({ model: 'gpt-4.1-mini', input: 'Reply in JSON', text: { format: { type: 'json_object' } } });
		expect(result.output('OpenAI')[0].json.output_text).toEqual({ a: 1 });
		scope.done();
	});

	it('sends function results for the previous response', async () => {
		const { scope, bodies } = expectCreate(replySaying('It is 21°C at noon'));
		const params = create({
			inputType: 'functionResults',
			functionResults: { result: [{ callId: 'call_1', output: '{"temp":21}' }, { callId: 'call_2', output: 'noon' }] },
			options: { previousResponseId: 'resp_0' },
		});
		const result = await runWorkflow(singleNodeWorkflow(params), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			previous_response_id: 'resp_0',
			input: [
				{ type: 'function_call_output', call_id: 'call_1', output: '{"temp":21}' },
				{ type: 'function_call_output', call_id: 'call_2', output: 'noon' },
			],
		});
		expect(result.output('OpenAI')).toEqual([simplified('It is 21°C at noon')]);
		scope.done();
	});

	it('sends input items given as JSON, also from an expression', async () => {
		const { scope, bodies } = expectCreate(replySaying('Hi, as before'));
		const params = create({ inputType: 'json', inputItems: '={{ $json.items }}' });
		const items = [{ json: { items: [{ role: 'user', content: 'Hi' }, { type: 'item_reference', id: 'msg_9' }] } }];
		const result = await runWorkflow(singleNodeWorkflow(params, items), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({ model: 'gpt-4.1-mini', input: [{ type: 'message', role: 'user', content: 'Hi' }, { type: 'item_reference', id: 'msg_9' }] });
		expect(result.output('OpenAI')).toEqual([simplified('Hi, as before')]);
		scope.done();
	});

	it.each([
		['o3', 'o3', ''],
		['gpt-5-mini', 'gpt-5-mini', ''],
		['a fine-tuned o4-mini', 'ft:o4-mini-2025-04-16:acme::abc123', ''],
		['gpt-5.1 with reasoning effort low', 'gpt-5.1', 'low'],
	])('sends no temperature or top p to the reasoning model %s', async (_, id, reasoningEffort) => {
		const { scope, bodies } = expectCreate();
		const options = { temperature: 0.2, topP: 0.9, ...(reasoningEffort ? { reasoningEffort } : {}) };
		const result = await runWorkflow(singleNodeWorkflow(create({ model: { ...MODEL, value: id }, options })), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([{ model: id, input: 'Hello', ...(reasoningEffort ? { reasoning: { effort: reasoningEffort } } : {}) }]);
		expect(result.output('OpenAI')).toEqual([simplified('Hi there')]);
		scope.done();
	});

	it.each([
		['gpt-4.1-mini', 'gpt-4.1-mini', {}],
		['gpt-4o', 'gpt-4o', {}],
		['gpt-5-chat-latest (no reasoning)', 'gpt-5-chat-latest', {}],
		['gpt-5.1 with reasoning effort none', 'gpt-5.1', { reasoning: { effort: 'none' } }],
	])('sends temperature and top p to %s', async (_, id, extra: IDataObject) => {
		const { scope, bodies } = expectCreate();
		const reasoningEffort = (extra.reasoning as IDataObject | undefined)?.effort;
		const options = { temperature: 0.2, topP: 0.9, ...(reasoningEffort ? { reasoningEffort } : {}) };
		const result = await runWorkflow(singleNodeWorkflow(create({ model: { ...MODEL, value: id }, options })), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([{ model: id, input: 'Hello', ...extra, temperature: 0.2, top_p: 0.9 }]);
		expect(result.output('OpenAI')).toEqual([simplified('Hi there')]);
		scope.done();
	});

	it.each([
		['a reply with no output items', { id: 'resp_1', output: [] }, { id: 'resp_1', output_text: '' }],
		['output items without content', { id: 'resp_2', output: [{ type: 'message' }, { type: 'function_call' }, null, 'x'] }, { id: 'resp_2', output_text: '', toolCalls: [{ type: 'function', callId: null, name: null, arguments: {} }] }],
		['a refusal', { id: 'resp_3', output: [{ type: 'message', content: [{ type: 'refusal', refusal: 'No.' }] }] }, { id: 'resp_3', output_text: '', refusal: 'No.' }],
	])('handles %s without a TypeError', async (_, body, expected) => {
		nock(BASE).post('/v1/responses').reply(200, body);
		const result = await runWorkflow(singleNodeWorkflow(create()), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')[0].json).toEqual(expected);
	});

	it('fails clearly when JSON was asked and the completed text is not JSON', async () => {
		nock(BASE).post('/v1/responses').reply(200, reply({ text: { format: { type: 'json_object' } } }));
		const result = await runWorkflow(singleNodeWorkflow(create({ outputFormat: 'json_object' })), credentials);
		expect(result.error?.message).toBe('Output Format: the model did not return valid JSON');
	});

	it('fails clearly when the response failed', async () => {
		nock(BASE).post('/v1/responses').reply(200, reply({ status: 'failed', error: { code: 'server_error', message: 'Something broke' }, output: [] }));
		const result = await runWorkflow(singleNodeWorkflow(create()), credentials);
		expect(result.error?.message).toBe('The response failed: Something broke');
		expect(result.error?.description).toBe('Response resp_1, error code server_error');
	});

	describe('refuses bad input before sending', () => {
		it.each([
			['an empty input', { input: '  ' }, 'Input: is empty'],
			['a temperature over 2', { options: { temperature: 3 } }, 'Sampling Temperature: must be between 0 and 2, got 3'],
			['a top p over 1', { options: { topP: 1.5 } }, 'Top P: must be between 0 and 1, got 1.5'],
			['too few max output tokens', { options: { maxOutputTokens: 5 } }, 'Maximum Number of Tokens: must be at least 16, got 5'],
			['a bad function name', { functions: { function: [{ name: 'get weather' }] } }, 'Functions: "get weather" (function 1) is not a valid name'],
			['a duplicate function', { functions: { function: [{ name: 'f' }, { name: 'f' }] } }, 'Functions: "f" is defined twice'],
			['function parameters that are not JSON', { functions: { function: [{ name: 'f', parameters: '{nope' }] } }, 'Functions: parameters of "f": not valid JSON'],
			['function parameters that are an array', { functions: { function: [{ name: 'f', parameters: '[]' }] } }, 'Functions: parameters of "f": must be a JSON object'],
			['a schema that is not JSON', { outputFormat: 'json_schema', schemaName: 'x', schema: '{' }, 'Schema: not valid JSON'],
			['a bad schema name', { outputFormat: 'json_schema', schemaName: 'my schema', schema: '{}' }, 'Schema Name: "my schema" is not a valid name'],
			['file search without vector stores', { builtInTools: { fileSearch: { vectorStoreIds: ' ' } } }, 'Built-in Tools: File Search needs at least one vector store ID'],
			['file search max results over 50', { builtInTools: { fileSearch: { vectorStoreIds: 'vs_1', maxResults: 80 } } }, 'Built-in Tools: Max Results: must be between 1 and 50, got 80'],
			['both previous response and conversation', { options: { previousResponseId: 'resp_0', conversationId: 'conv_1' } }, 'Conversation ID: cannot be combined with Previous Response ID; use one of them'],
			['background without store', { options: { background: true, store: false } }, 'Background: needs Store on (a background response is stored until it finishes)'],
			['required tool choice without tools', { options: { toolChoice: 'required' } }, 'Tool Choice: "Required" needs at least one tool'],
			['a long safety identifier', { options: { safetyIdentifier: 'x'.repeat(65) } }, 'User ID: is longer than 64 characters'],
			['too much metadata', { options: { metadata: { pair: Array.from({ length: 17 }, (_, i) => ({ key: `k${i}`, value: 'v' })) } } }, 'Metadata: at most 16 pairs are allowed, got 17'],
			['a long metadata value', { options: { metadata: { pair: [{ key: 'k', value: 'v'.repeat(513) }] } } }, 'Metadata: the value of "k" is longer than 512 characters'],
			['function results without a previous response', { inputType: 'functionResults', functionResults: { result: [{ callId: 'c', output: 'o' }] } }, 'Function Results: set Previous Response ID (or Conversation ID) in Options'],
			['a function result without call id', { inputType: 'functionResults', functionResults: { result: [{ callId: '', output: 'o' }] }, options: { previousResponseId: 'resp_0' } }, 'Function Results: result 1 has no Call ID'],
			['no messages', { inputType: 'messages', inputMessages: {} }, 'Messages: add at least one message'],
			['an empty message', { inputType: 'messages', inputMessages: { message: [{ role: 'user', text: '' }] } }, 'Messages: message 1 (user) has no text, image or file'],
			['an assistant message with an image', { inputType: 'messages', inputMessages: { message: [{ role: 'assistant', text: 'x', imageUrls: 'https://e.com/a.png' }] } }, 'Messages: message 1: an assistant message can only hold text'],
			['an image URL that is not a URL', { inputType: 'messages', inputMessages: { message: [{ role: 'user', imageUrls: 'ftp://e.com/a.png' }] } }, 'Messages: message 1: "ftp://e.com/a.png" is not an http(s) URL or an image data URL'],
			['a missing binary image', { inputType: 'messages', inputMessages: { message: [{ role: 'user', imageBinaryProperties: 'nope' }] } }, 'Messages: message 1: the input item has no binary property "nope"'],
			['input items that are not JSON', { inputType: 'json', inputItems: '[{' }, 'Input Items (JSON): not valid JSON'],
			['input items without type or role', { inputType: 'json', inputItems: '[{"content":"x"}]' }, 'Input Items (JSON): item 1 has neither "type" nor "role"'],
		])('%s', async (_, extra, message) => {
			const scope = nock(BASE).post('/v1/responses').reply(200, reply());
			const result = await runWorkflow(singleNodeWorkflow(create(extra as IDataObject)), credentials);
			expect(result.error?.message).toBe(message);
			expect(scope.isDone()).toBe(false);
		});

		it('a binary image of the wrong type', async () => {
			const scope = nock(BASE).post('/v1/responses').reply(200, reply());
			const items = [{ json: {}, binary: { data: { data: PDF, fileName: 'x.pdf', mimeType: 'application/pdf' } } }];
			const params = create({ inputType: 'messages', inputMessages: { message: [{ role: 'user', imageBinaryProperties: 'data' }] } });
			const result = await runWorkflow(singleNodeWorkflow(params, items), credentials);
			expect(result.error?.message).toBe('Messages: message 1: "x.pdf" (application/pdf) is not an accepted file type');
			expect(scope.isDone()).toBe(false);
		});
	});

	it('keeps items paired under Continue On Fail when one item is refused', async () => {
		const scope = nock(BASE).post('/v1/responses', { model: 'gpt-4.1-mini', input: 'first' }).reply(200, reply());
		const workflow = singleNodeWorkflow(create({ input: '={{ $json.q }}' }), [{ json: { q: 'first' } }, { json: { q: '' } }], { continueOnFail: true });
		const result = await runWorkflow(workflow, credentials);
		const output = result.output('OpenAI');
		expect(output).toHaveLength(2);
		expect(output[0]).toMatchObject({ json: { id: 'resp_1', output_text: 'Hi there' }, pairedItem: { item: 0 } });
		expect(output[1]).toMatchObject({ json: { error: 'Input: is empty' }, pairedItem: { item: 1 } });
		scope.done();
	});
});

describe('response.create in background', () => {
	it('polls until the response completes', async () => {
		const { scope, bodies } = expectCreate(reply({ status: 'queued', output: [], usage: null }));
		const polls = nock(BASE)
			.get('/v1/responses/resp_1')
			.reply(200, reply({ status: 'in_progress', output: [] }))
			.get('/v1/responses/resp_1')
			.reply(200, reply({ output_text: 'ignored when messages exist' }));
		const result = await runWorkflow(singleNodeWorkflow(create({ options: { background: true } })), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({ model: 'gpt-4.1-mini', input: 'Hello', background: true });
		expect(result.output('OpenAI')).toEqual([
			{
				json: { id: 'resp_1', model: 'gpt-4.1-mini-2025-04-14', status: 'completed', output_text: 'Hi there', usage: { input_tokens: 5, output_tokens: 3, total_tokens: 8 } },
				pairedItem: { item: 0 },
			},
		]);
		scope.done();
		polls.done();
	});

	it('returns the raw settled response with Simplify Output off', async () => {
		expectCreate(reply({ status: 'in_progress', output: [] }));
		nock(BASE).get('/v1/responses/resp_1').reply(200, reply({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }));
		const result = await runWorkflow(singleNodeWorkflow(create({ simplify: false, options: { background: true } })), credentials);
		expect(result.output('OpenAI')[0].json).toEqual(reply({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }));
	});

	it('fails when the polled response fails', async () => {
		expectCreate(reply({ status: 'queued', output: [] }));
		nock(BASE).get('/v1/responses/resp_1').reply(200, reply({ status: 'failed', error: { code: 'rate_limit_exceeded', message: 'Too busy' } }));
		const result = await runWorkflow(singleNodeWorkflow(create({ options: { background: true } })), credentials);
		expect(result.error?.message).toBe('The response failed: Too busy');
	});

	it('cancels the response on timeout when asked, and fails the item', async () => {
		expectCreate(reply({ status: 'queued', output: [] }));
		const polls = nock(BASE).get('/v1/responses/resp_1').times(20).reply(200, reply({ status: 'in_progress', output: [] }));
		const cancel = nock(BASE).post('/v1/responses/resp_1/cancel').reply(200, reply({ status: 'cancelled', output: [] }));
		const params = create({ options: { background: true, backgroundTimeout: 1, cancelOnTimeout: true } });
		const result = await runWorkflow(singleNodeWorkflow(params), credentials);
		expect(result.error?.message).toBe('Background Timeout: response resp_1 was still in_progress after 1 s');
		expect(result.error?.description).toBe('It was cancelled.');
		cancel.done();
		expect(polls.pendingMocks().length).toBeLessThan(20);
	});

	it('leaves the response running on timeout by default', async () => {
		expectCreate(reply({ status: 'queued', output: [] }));
		nock(BASE).get('/v1/responses/resp_1').times(20).reply(200, reply({ status: 'queued', output: [] }));
		const cancel = nock(BASE).post('/v1/responses/resp_1/cancel').reply(200, {});
		const result = await runWorkflow(singleNodeWorkflow(create({ options: { background: true, backgroundTimeout: 1 } })), credentials);
		expect(result.error?.message).toBe('Background Timeout: response resp_1 was still queued after 1 s');
		expect(result.error?.description).toContain('Get operation');
		expect(cancel.isDone()).toBe(false);
	});

	it('does not poll a response that is already settled', async () => {
		const { scope } = expectCreate();
		const result = await runWorkflow(singleNodeWorkflow(create({ options: { background: true } })), credentials);
		expect(result.output('OpenAI')[0].json.status).toBe('completed');
		scope.done();
	});

	it('fails clearly when a queued reply has no id', async () => {
		expectCreate({ status: 'queued' });
		const result = await runWorkflow(singleNodeWorkflow(create({ options: { background: true } })), credentials);
		// The spec requires an id in every Response, so the reply check names it before the poll needs it.
		expect(result.error?.message).toContain('The reply has no "id"');
	});
});

describe('response.get / cancel / delete', () => {
	it('gets a response with include as repeated query parameters', async () => {
		const scope = nock(BASE)
			.get('/v1/responses/resp_1')
			.query((query) => {
				expect(query).toEqual({ include: ['file_search_call.results', 'message.output_text.logprobs'] });
				return true;
			})
			.reply(200, reply());
		const params = { resource: 'response', operation: 'get', responseId: ' resp_1 ', options: { include: ['file_search_call.results', 'message.output_text.logprobs'] } };
		const result = await runWorkflow(singleNodeWorkflow(params), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')[0]).toEqual({
			json: { id: 'resp_1', model: 'gpt-4.1-mini-2025-04-14', status: 'completed', output_text: 'Hi there', usage: { input_tokens: 5, output_tokens: 3, total_tokens: 8 } },
			pairedItem: { item: 0 },
		});
		scope.done();
	});

	it('keeps text that is not JSON on get, with the parse error', async () => {
		nock(BASE).get('/v1/responses/resp_1').reply(200, reply({ text: { format: { type: 'json_object' } } }));
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'response', operation: 'get', responseId: 'resp_1' }), credentials);
		expect(result.output('OpenAI')[0].json.output_text).toBe('Hi there');
		expect(result.output('OpenAI')[0].json.jsonError).toEqual(expect.stringContaining('JSON'));
	});

	it('cancels a response', async () => {
		const scope = nock(BASE).post('/v1/responses/resp_1/cancel').reply(200, reply({ status: 'cancelled', output: [] }));
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'response', operation: 'cancel', responseId: 'resp_1' }), credentials);
		expect(result.output('OpenAI')[0].json).toEqual({
			id: 'resp_1',
			model: 'gpt-4.1-mini-2025-04-14',
			status: 'cancelled',
			output_text: '',
			usage: { input_tokens: 5, output_tokens: 3, total_tokens: 8 },
		});
		scope.done();
	});

	it.each([
		['OpenAI\'s reply', { id: 'resp_1', object: 'response.deleted', deleted: true }],
		['an empty object', {}],
	])('deletes a response (%s)', async (_, body) => {
		const scope = nock(BASE).delete('/v1/responses/resp_1').reply(200, body);
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'response', operation: 'delete', responseId: 'resp_1' }), credentials);
		expect(result.output('OpenAI')).toEqual([{ json: { id: 'resp_1', object: 'response.deleted', deleted: true }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it.each([
		['get', '={{ "" }}'],
		['delete', 'resp_1/../x'],
		['cancel', 'resp 1'],
	])('%s refuses the response id "%s" before sending', async (operation, responseId) => {
		const scope = nock(BASE).get(/.*/).reply(200, {}).post(/.*/).reply(200, {}).delete(/.*/).reply(200, {});
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'response', operation, responseId }), credentials);
		expect(result.error?.message).toMatch(/^Response ID: /);
		expect(scope.pendingMocks()).toHaveLength(3);
	});

	it('passes an API error on with OpenAI\'s message', async () => {
		nock(BASE).get('/v1/responses/resp_x').reply(404, { error: { message: "Response with id 'resp_x' not found.", type: 'invalid_request_error', param: null, code: null } });
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'response', operation: 'get', responseId: 'resp_x' }), credentials);
		expect(result.error?.message).toContain("Response with id 'resp_x' not found.");
	});
});

describe('response.listInputItems', () => {
	const item = (id: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text: id }] });

	it('follows the cursor with Return All', async () => {
		const queries: IDataObject[] = [];
		const scope = nock(BASE)
			.get('/v1/responses/resp_1/input_items')
			.query((query) => {
				queries.push(query);
				return true;
			})
			.reply(200, { object: 'list', data: [item('msg_1'), item('msg_2')], first_id: 'msg_1', last_id: 'msg_2', has_more: true })
			.get('/v1/responses/resp_1/input_items')
			.query((query) => {
				queries.push(query);
				return true;
			})
			.reply(200, { object: 'list', data: [item('msg_3')], first_id: 'msg_3', last_id: 'msg_3', has_more: false });
		const params = { resource: 'response', operation: 'listInputItems', responseId: 'resp_1', returnAll: true, options: { order: 'asc' } };
		const result = await runWorkflow(singleNodeWorkflow(params), credentials);
		expect(result.error).toBeUndefined();
		expect(queries).toEqual([
			{ order: 'asc', limit: '100' },
			{ order: 'asc', limit: '100', after: 'msg_2' },
		]);
		expect(result.output('OpenAI').map((i) => [i.json.id, i.pairedItem])).toEqual([
			['msg_1', { item: 0 }],
			['msg_2', { item: 0 }],
			['msg_3', { item: 0 }],
		]);
		scope.done();
	});

	it('stops at the limit', async () => {
		const scope = nock(BASE)
			.get('/v1/responses/resp_1/input_items')
			.query({ limit: '2' })
			.reply(200, { object: 'list', data: [item('msg_1'), item('msg_2')], has_more: true, last_id: 'msg_2' });
		const params = { resource: 'response', operation: 'listInputItems', responseId: 'resp_1', returnAll: false, limit: 2 };
		const result = await runWorkflow(singleNodeWorkflow(params), credentials);
		expect(result.output('OpenAI').map((i) => i.json.id)).toEqual(['msg_1', 'msg_2']);
		scope.done();
	});

	it('gives no items for a sparse page', async () => {
		nock(BASE).get('/v1/responses/resp_1/input_items').query(true).reply(200, { object: 'list', data: [] });
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'response', operation: 'listInputItems', responseId: 'resp_1', returnAll: true }), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toEqual([]);
	});
});
