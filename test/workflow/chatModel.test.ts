/**
 * "OpenAI Platform Chat Model" (issue 17) in n8n-core's WorkflowExecute: a root node gets it through
 * getInputConnectionData, as the AI Agent does, and calls it as LangChain does. Requests against nock.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { TEST_API_KEY, TEST_ORGANIZATION, TEST_PROJECT, credentialsFor, runWorkflow } from '../harness/n8n';
import { aiSteps, aiWorkflow } from '../support/aiRoot';
import { API, captured, recordAndReply, useNock } from '../support/nockApi';

const unmatched = useNock();
const credentials = credentialsFor('https://api.openai.com/v1', { organizationId: TEST_ORGANIZATION, projectId: TEST_PROJECT });

/** The LangChain side of the model, as far as these tests use it. */
interface LcMessage {
	text: string;
	tool_calls?: Array<{ id: string; name: string; args: IDataObject }>;
	usage_metadata?: IDataObject;
}
interface LcModel {
	invoke(input: unknown): Promise<LcMessage>;
	stream(input: unknown): Promise<AsyncIterable<{ text: string; tool_call_chunks?: IDataObject[] }>>;
	bindTools(tools: unknown[]): LcModel;
}

const WEATHER_TOOL = {
	type: 'function',
	function: {
		name: 'get_weather',
		description: 'The weather in a city',
		parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
	},
};

const model = (parameters: IDataObject = {}) => ({
	type: 'chatModel' as const,
	parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' }, ...parameters },
});

const completion = (message: IDataObject, finish = 'stop') => ({
	id: 'chatcmpl-1',
	object: 'chat.completion',
	created: 1741900000,
	model: 'gpt-4.1-mini',
	choices: [{ index: 0, message: { role: 'assistant', refusal: null, ...message }, finish_reason: finish, logprobs: null }],
	usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18, prompt_tokens_details: { cached_tokens: 3 } },
});

const response = (output: IDataObject[]) => ({
	id: 'resp_1',
	object: 'response',
	created_at: 1741900000,
	status: 'completed',
	model: 'gpt-4.1-mini',
	output,
	usage: { input_tokens: 20, output_tokens: 5, total_tokens: 25, output_tokens_details: { reasoning_tokens: 0 } },
});

async function connectedModel(context: Parameters<Parameters<typeof aiSteps.set>[1]>[0]): Promise<LcModel> {
	return (await context.getInputConnectionData('ai_languageModel', 0)) as LcModel;
}

/** n8n reports "Error in sub-node Chat Model" with the sub-node's own error as the description. */
function subNodeError(result: Awaited<ReturnType<typeof runWorkflow>>) {
	expect(result.error?.message).toBe('Error in sub-node Chat Model');
	return String(result.error?.description ?? '');
}

/** The token usage the chat model reported in its ai_languageModel output (what the agent's logs show). */
function reportedUsage(result: Awaited<ReturnType<typeof runWorkflow>>) {
	const tasks = result.run.data.resultData.runData['Chat Model'] ?? [];
	return tasks.map((task) => (task.data?.ai_languageModel?.[0]?.[0]?.json as IDataObject | undefined)?.tokenUsage);
}

describe('OpenAI Platform Chat Model: Chat Completions', () => {
	aiSteps.set('ask', async (context) => {
		const reply = await (await connectedModel(context)).invoke([
			['system', 'Be brief.'],
			['human', 'What is the capital of Portugal?'],
		]);
		return { text: reply.text, usage: reply.usage_metadata as IDataObject };
	});

	it('sends the messages and options with our credential, answers, and reports token usage', async () => {
		const into = captured();
		const scope = nock(API).post('/v1/chat/completions').reply(recordAndReply(into, completion({ content: 'Lisbon.' })));
		const options = { temperature: 0.3, topP: 0.9, maxTokens: 200, frequencyPenalty: 0.5, presencePenalty: -0.5, seed: 7, stop: ['END'], user: 'user-1', serviceTier: 'flex' };
		const result = await runWorkflow(aiWorkflow('ask', [model({ options })]), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('AI Root')[0].json).toEqual({
			text: 'Lisbon.',
			usage: { input_tokens: 11, output_tokens: 7, total_tokens: 18, input_token_details: { cache_read: 3 }, output_token_details: { reasoning: 0 } },
		});
		expect(into.bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			messages: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'user', content: 'What is the capital of Portugal?' },
			],
			temperature: 0.3,
			top_p: 0.9,
			max_completion_tokens: 200,
			frequency_penalty: 0.5,
			presence_penalty: -0.5,
			seed: 7,
			stop: ['END'],
			user: 'user-1',
			service_tier: 'flex',
		});
		expect(into.headers[0]).toMatchObject({
			authorization: `Bearer ${TEST_API_KEY}`,
			'openai-organization': TEST_ORGANIZATION,
			'openai-project': TEST_PROJECT,
		});
		expect(reportedUsage(result)).toEqual([{ promptTokens: 11, completionTokens: 7, totalTokens: 18 }]);
		scope.done();
	});

	it('sends a JSON schema response format, and leaves out what reasoning models reject', async () => {
		const into = captured();
		const scope = nock(API).post('/v1/chat/completions').reply(recordAndReply(into, completion({ content: '{"answer":"Lisbon"}' })));
		const jsonSchema = JSON.stringify({ type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false });
		const parameters = {
			model: { __rl: true, mode: 'list', value: 'o4-mini' },
			options: { temperature: 0.3, reasoningEffort: 'low', responseFormat: 'json_schema', jsonSchema, schemaName: 'capital' },
		};
		const result = await runWorkflow(aiWorkflow('ask', [{ type: 'chatModel', parameters }]), credentials);
		expect(result.error).toBeUndefined();
		const body = into.bodies[0] as IDataObject;
		expect(body.model).toBe('o4-mini');
		expect(body.temperature).toBeUndefined();
		expect(body.reasoning_effort).toBe('low');
		expect(body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'capital', schema: JSON.parse(jsonSchema), strict: true } });
		scope.done();
	});

	aiSteps.set('toolRoundTrip', async (context) => {
		const bound = (await connectedModel(context)).bindTools([WEATHER_TOOL]);
		const question = { role: 'user', content: 'Weather in Lisbon?' };
		const call = await bound.invoke([question]);
		const toolCall = call.tool_calls?.[0];
		const answer = await bound.invoke([
			question,
			{ role: 'assistant', content: '', tool_calls: call.tool_calls },
			{ role: 'tool', content: 'Sunny, 24 °C', tool_call_id: toolCall?.id },
		]);
		return { toolCall: toolCall as unknown as IDataObject, answer: answer.text };
	});

	it('offers the agent\'s tools, returns the tool call, and sends its result back', async () => {
		const into = captured();
		const toolCall = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' } };
		const scope = nock(API)
			.post('/v1/chat/completions')
			.times(2)
			.reply(recordAndReply(into, (call: number) => (call === 0 ? completion({ content: null, tool_calls: [toolCall] }, 'tool_calls') : completion({ content: 'Sunny in Lisbon.' }))));
		const result = await runWorkflow(aiWorkflow('toolRoundTrip', [model()]), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('AI Root')[0].json).toEqual({
			toolCall: { id: 'call_1', name: 'get_weather', args: { city: 'Lisbon' }, type: 'tool_call' },
			answer: 'Sunny in Lisbon.',
		});
		expect((into.bodies[0] as IDataObject).tools).toEqual([WEATHER_TOOL]);
		expect((into.bodies[1] as IDataObject).messages).toEqual([
			{ role: 'user', content: 'Weather in Lisbon?' },
			{ role: 'assistant', content: null, tool_calls: [toolCall] },
			{ role: 'tool', tool_call_id: 'call_1', content: 'Sunny, 24 °C' },
		]);
		expect(reportedUsage(result)).toHaveLength(2);
		scope.done();
	});

	aiSteps.set('stream', async (context) => {
		const stream = await (await connectedModel(context)).bindTools([WEATHER_TOOL]).stream('Weather in Lisbon?');
		const chunks: IDataObject[] = [];
		for await (const chunk of stream) chunks.push({ text: chunk.text, tools: chunk.tool_call_chunks?.map(({ id, name, args }) => ({ id, name, args })) ?? [] });
		return { chunks };
	});

	it('streams (when the agent\'s trigger streams) the whole reply as chunks, one tool call at a time', async () => {
		const into = captured();
		const toolCall = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' } };
		const scope = nock(API).post('/v1/chat/completions').reply(recordAndReply(into, completion({ content: 'Checking.', tool_calls: [toolCall] }, 'tool_calls')));
		const result = await runWorkflow(aiWorkflow('stream', [model()]), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('AI Root')[0].json.chunks).toEqual([
			{ text: 'Checking.', tools: [] },
			{ text: '', tools: [{ id: 'call_1', name: 'get_weather', args: '{"city":"Lisbon"}' }] },
			{ text: '', tools: [] },
		]);
		expect((into.bodies[0] as IDataObject).parallel_tool_calls).toBe(false);
		scope.done();
	});

	it('retries a 429 as the action node does, after the server\'s retry-after', async () => {
		const into = captured();
		const scope = nock(API)
			.post('/v1/chat/completions')
			.reply(function (path, body) {
				const [status, reply] = recordAndReply(into, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, 429).call(this, path, body);
				return [status, reply, { 'retry-after-ms': '1' }];
			})
			.post('/v1/chat/completions')
			.reply(recordAndReply(into, completion({ content: 'Lisbon.' })));
		const result = await runWorkflow(aiWorkflow('ask', [model()]), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('AI Root')[0].json.text).toBe('Lisbon.');
		expect(into.bodies).toHaveLength(2);
		// One request, sent twice: the same idempotency key on both attempts.
		expect(into.headers[0]['idempotency-key']).toBe(into.headers[1]['idempotency-key']);
		scope.done();
	});

	it('stops after Settings > Max Retries, with OpenAI\'s message and no key in the error, even when the server echoes it', async () => {
		const echo = { error: { message: `The server had an error with key ${TEST_API_KEY}.`, type: 'server_error', code: null } };
		const scope = nock(API).post('/v1/chat/completions').reply(500, echo);
		const result = await runWorkflow(aiWorkflow('ask', [model({ requestOptions: { maxRetries: 0 } })]), credentials);
		// A failed call surfaces in the agent, which made it: the error is the root node's.
		expect(result.error?.message).toBe('The server had an error with key [redacted].');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(TEST_API_KEY);
		// No second attempt: nock would have reported it unmatched.
		expect(unmatched).toEqual([]);
		scope.done();
	});

	it('refuses a bad option before any request, naming the field', async () => {
		const result = await runWorkflow(aiWorkflow('ask', [model({ options: { temperature: 5 } })]), credentials);
		expect(subNodeError(result)).toMatch(/^Sampling Temperature: /);
		expect(unmatched).toEqual([]);
	});

	it('refuses an empty model before any request', async () => {
		const result = await runWorkflow(aiWorkflow('ask', [model({ model: { __rl: true, mode: 'list', value: '' } })]), credentials);
		expect(subNodeError(result)).toBe('Model: choose a model or enter its ID');
		expect(unmatched).toEqual([]);
	});
});

describe('OpenAI Platform Chat Model: Responses', () => {
	it('sends input items, built-in tools and options the Responses way', async () => {
		const into = captured();
		const scope = nock(API)
			.post('/v1/responses')
			.reply(recordAndReply(into, response([{ id: 'msg_1', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Lisbon.', annotations: [] }] }])));
		const parameters = {
			api: 'responses',
			builtInTools: { webSearch: { searchContextSize: 'low' }, fileSearch: { vectorStoreIds: 'vs_1, vs_2', maxResults: 5 } },
			options: { maxTokens: 300, temperature: 0.2, user: 'user-1', responseFormat: 'json_object', stop: ['ignored by Responses'] },
		};
		const result = await runWorkflow(aiWorkflow('ask', [model(parameters)]), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('AI Root')[0].json.text).toBe('Lisbon.');
		expect(into.bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			input: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'user', content: 'What is the capital of Portugal?' },
			],
			tools: [
				{ type: 'web_search', search_context_size: 'low' },
				{ type: 'file_search', vector_store_ids: ['vs_1', 'vs_2'], max_num_results: 5 },
			],
			max_output_tokens: 300,
			temperature: 0.2,
			user: 'user-1',
			text: { format: { type: 'json_object' } },
		});
		expect(reportedUsage(result)).toEqual([{ promptTokens: 20, completionTokens: 5, totalTokens: 25 }]);
		scope.done();
	});

	it('returns function calls as tool calls and sends their output back as function_call_output', async () => {
		const into = captured();
		const scope = nock(API)
			.post('/v1/responses')
			.times(2)
			.reply(
				recordAndReply(into, (call: number) =>
					call === 0
						? response([{ id: 'fc_1', type: 'function_call', status: 'completed', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Lisbon"}' }])
						: response([{ id: 'msg_2', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Sunny in Lisbon.', annotations: [] }] }]),
				),
			);
		const result = await runWorkflow(aiWorkflow('toolRoundTrip', [model({ api: 'responses' })]), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('AI Root')[0].json.answer).toBe('Sunny in Lisbon.');
		expect((into.bodies[0] as IDataObject).tools).toEqual([
			{ type: 'function', name: 'get_weather', description: 'The weather in a city', parameters: WEATHER_TOOL.function.parameters, strict: false },
		]);
		expect((into.bodies[1] as IDataObject).input).toEqual([
			{ role: 'user', content: 'Weather in Lisbon?' },
			{ type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Lisbon"}' },
			{ type: 'function_call_output', call_id: 'call_1', output: 'Sunny, 24 °C' },
		]);
		scope.done();
	});

	it('refuses fewer than 16 output tokens before any request', async () => {
		const result = await runWorkflow(aiWorkflow('ask', [model({ api: 'responses', options: { maxTokens: 8 } })]), credentials);
		expect(subNodeError(result)).toBe('Maximum Number of Tokens: the Responses API needs at least 16 (got 8)');
		expect(unmatched).toEqual([]);
	});
});
