import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { openAiNode, runWorkflow, stepFunctions } from '../harness/n8n';
import type { WorkflowJson } from '../harness/n8n';
import { USAGE, byId, chatReply, credentials, expectPosts, failsBeforeSending, runNode, setupNock } from '../support/chat';

setupNock();

const PATH = '/chat/completions';
const model = byId('gpt-4.1-mini');
const weatherFunction = {
	name: 'get_weather',
	description: 'Current weather of a city',
	parameters: '{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}',
	strict: true,
};
const timeFunction = { name: 'get_time', description: 'Local time of a city', parameters: '{"type":"object","properties":{"city":{"type":"string"}}}' };
const callFunctionsParameters = {
	resource: 'chat',
	operation: 'callFunctions',
	model,
	messages: {
		message: [
			{ role: 'system', content: 'You are a travel assistant.' },
			{ role: 'user', content: 'Weather and time in Paris?' },
		],
	},
	functions: { function: [weatherFunction, timeFunction] },
	toolChoice: 'auto',
	options: { parallelToolCalls: true, temperature: 0 },
};
const toolCalls = [
	{ id: 'call_w', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
	{ id: 'call_t', type: 'function', function: { name: 'get_time', arguments: '{"city":"Paris"}' } },
];
const sentMessages = [
	{ role: 'system', content: 'You are a travel assistant.' },
	{ role: 'user', content: 'Weather and time in Paris?' },
];
const tools = [
	{
		type: 'function',
		function: {
			name: 'get_weather',
			description: 'Current weather of a city',
			parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
			strict: true,
		},
	},
	{ type: 'function', function: { name: 'get_time', description: 'Local time of a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
];
const assistantMessage = { role: 'assistant', content: null, tool_calls: toolCalls };

describe('chat.callFunctions', () => {
	it('sends the functions and returns the calls with parsed arguments, the assistant message and the conversation', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: null, tool_calls: toolCalls, finish_reason: 'tool_calls' }]));
		const result = await runNode(callFunctionsParameters);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			messages: sentMessages,
			tools,
			tool_choice: 'auto',
			parallel_tool_calls: true,
			temperature: 0,
		});
		expect(result.output('OpenAI')).toEqual([
			{
				json: {
					text: '',
					finishReason: 'tool_calls',
					toolCalls: [
						{ id: 'call_w', name: 'get_weather', arguments: { city: 'Paris' } },
						{ id: 'call_t', name: 'get_time', arguments: { city: 'Paris' } },
					],
					assistantMessage,
					messages: sentMessages,
					usage: USAGE,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('forces one function, and reports a direct answer with an empty call list', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'It is sunny.' }]));
		const result = await runNode({ ...callFunctionsParameters, toolChoice: 'function', toolChoiceFunction: 'get_weather', options: {} });
		expect(bodies[0].tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
		expect(result.output('OpenAI')[0].json).toEqual({
			text: 'It is sunny.',
			finishReason: 'stop',
			toolCalls: [],
			assistantMessage: { role: 'assistant', content: 'It is sunny.' },
			messages: sentMessages,
			usage: USAGE,
		});
	});

	it.each([
		['no functions', { functions: {} }, 'Functions: add at least one function'],
		['a duplicate function', { functions: { function: [weatherFunction, weatherFunction] } }, 'Functions: "get_weather" is defined twice'],
		['parameters that are not JSON', { functions: { function: [{ ...weatherFunction, parameters: '{"type": ' }] } }, 'Functions: parameters of "get_weather": not valid JSON'],
		['a forced function that is not defined', { toolChoice: 'function', toolChoiceFunction: 'get_news' }, 'Function Name: "get_news" is not one of the functions defined'],
	])('refuses %s before sending', async (_, extra, message) => {
		expect(await failsBeforeSending(PATH, { ...callFunctionsParameters, ...extra })).toBe(message);
	});
});

const respond = (extra: IDataObject = {}) => ({
	resource: 'chat',
	operation: 'respondToFunctions',
	model,
	earlierMessagesInput: 'json',
	earlierMessagesJson: JSON.stringify(sentMessages),
	assistantMessage: JSON.stringify(assistantMessage),
	resultsInput: 'json',
	functionResults: JSON.stringify([
		{ toolCallId: 'call_w', result: { temperature: 21, sky: 'clear' } },
		{ toolCallId: 'call_t', result: '14:05' },
	]),
	...extra,
});
const toolMessages = [
	{ role: 'tool', tool_call_id: 'call_w', content: '{"temperature":21,"sky":"clear"}' },
	{ role: 'tool', tool_call_id: 'call_t', content: '14:05' },
];

describe('chat.respondToFunctions', () => {
	it('sends earlier messages, the assistant message and one tool message per call, and returns the answer', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'Sunny, 21°C; it is 14:05.' }]));
		const result = await runNode(respond({ options: { maxTokens: 100 } }));
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({ model: 'gpt-4.1-mini', messages: [...sentMessages, assistantMessage, ...toolMessages], max_completion_tokens: 100 });
		expect(result.output('OpenAI')[0].json).toEqual({ text: 'Sunny, 21°C; it is 14:05.', finishReason: 'stop', usage: USAGE });
	});

	it.each([
		['a map of ID to result', { call_t: '14:05', call_w: { temperature: 21, sky: 'clear' } }],
		['results in call order, without IDs', [{ temperature: 21, sky: 'clear' }, '14:05']],
		['tool_call_id and output keys', [{ tool_call_id: 'call_t', output: '14:05' }, { tool_call_id: 'call_w', output: { temperature: 21, sky: 'clear' } }]],
	])('reads results given as %s', async (_, results) => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'ok' }]));
		await runNode(respond({ functionResults: JSON.stringify(results) }));
		expect((bodies[0].messages as IDataObject[]).slice(-2)).toEqual(toolMessages);
	});

	it('reads results from fields, and does not repeat an assistant message the earlier messages end with', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'Clear and 21°C at 14:05.', finish_reason: 'length' }]));
		const result = await runNode(
			respond({
				earlierMessagesJson: JSON.stringify([...sentMessages, assistantMessage]),
				resultsInput: 'fields',
				functionResultsFields: { result: [{ toolCallId: 'call_t', result: '14:05' }, { toolCallId: 'call_w', result: '{"temperature":21,"sky":"clear"}' }] },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([{ model: 'gpt-4.1-mini', messages: [...sentMessages, assistantMessage, ...toolMessages] }]);
		expect(result.output('OpenAI')).toEqual([
			{ json: { text: 'Clear and 21°C at 14:05.', finishReason: 'length', usage: USAGE }, pairedItem: { item: 0 } },
		]);
	});

	it('may let the model call functions again', async () => {
		const again = [{ id: 'call_x', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lyon"}' } }];
		const { bodies } = expectPosts(PATH, chatReply([{ content: null, tool_calls: again, finish_reason: 'tool_calls' }]));
		const result = await runNode(respond({ options: { functions: { function: [weatherFunction] } } }));
		expect(bodies[0].tools).toEqual([tools[0]]);
		const json = result.output('OpenAI')[0].json;
		expect(json.toolCalls).toEqual([{ id: 'call_x', name: 'get_weather', arguments: { city: 'Lyon' } }]);
		expect(json.messages).toEqual([...sentMessages, assistantMessage, ...toolMessages]);
		expect(json.assistantMessage).toEqual({ role: 'assistant', content: null, tool_calls: again });
	});

	it.each([
		['a missing result', { functionResults: JSON.stringify([{ toolCallId: 'call_w', result: 'x' }]) }, 'Function Results: no result for tool call "call_t" (get_time)'],
		['a result for an unknown call', { functionResults: JSON.stringify({ call_w: 1, call_t: 2, call_z: 3 }) }, 'Function Results: "call_z" is not a tool call of the assistant message (its calls: call_w, call_t)'],
		['two results for one call', { functionResults: JSON.stringify([{ toolCallId: 'call_w', result: 1 }, { toolCallId: 'call_w', result: 2 }]) }, 'Function Results: tool call "call_w" has more than one result'],
		['results that are not JSON', { functionResults: '[{' }, 'Function Results: not valid JSON'],
		['unkeyed results of the wrong count', { functionResults: JSON.stringify(['only one']) }, 'Function Results: every result needs the "toolCallId" it answers (or give one result per call, in call order, without IDs)'],
		['an assistant message without calls', { assistantMessage: '{"role":"assistant","content":"Hi"}' }, 'Assistant Message: has no tool calls, so there is nothing to respond to'],
		['an assistant message that is a user message', { assistantMessage: '{"role":"user","content":"Hi"}' }, 'Assistant Message: has role "user", expected "assistant"'],
		['earlier messages missing', { earlierMessagesJson: '[]' }, 'Earlier Messages: expected a non-empty JSON array of messages'],
	])('refuses %s before sending', async (_, extra, message) => {
		expect(await failsBeforeSending(PATH, respond(extra))).toBe(message);
	});
});

describe('callFunctions -> Code node -> respondToFunctions in one workflow', () => {
	afterEach(() => stepFunctions.clear());

	function workflow(): WorkflowJson {
		return {
			nodes: [
				{ id: '1', name: 'Input', type: 'harness.fixture', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify([{ json: { question: 'Weather and time in Paris?' } }]) } },
				openAiNode('2', 'Call Functions', { ...callFunctionsParameters, messages: { message: [sentMessages[0], { role: 'user', content: '={{ $json.question }}' }] } }, 200),
				{ id: '3', name: 'Run Functions', type: 'harness.function', typeVersion: 1, position: [400, 0], parameters: { name: 'runFunctions' } },
				// Only the defaults: Earlier Messages = $json.messages, Assistant Message = $json.assistantMessage, Function Results = $json.results.
				openAiNode('4', 'Respond', { resource: 'chat', operation: 'respondToFunctions', model }, 600),
			],
			connections: {
				Input: { main: [[{ node: 'Call Functions', type: 'main', index: 0 }]] },
				'Call Functions': { main: [[{ node: 'Run Functions', type: 'main', index: 0 }]] },
				'Run Functions': { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
			},
		};
	}

	it('sends exactly the conversation with the function results as the second request', async () => {
		// Plays the Code node: runs each call and adds the results to the item.
		stepFunctions.set('runFunctions', (items: INodeExecutionData[]) =>
			items.map((item) => {
				const calls = item.json.toolCalls as Array<{ id: string; name: string; arguments: { city: string } }>;
				const results = calls.map((call) => ({
					toolCallId: call.id,
					result: call.name === 'get_weather' ? { temperature: 21, sky: 'clear', city: call.arguments.city } : '14:05',
				}));
				return { json: { ...item.json, results }, pairedItem: { item: 0 } };
			}),
		);
		const { bodies, scope } = expectPosts(
			PATH,
			chatReply([{ content: null, tool_calls: toolCalls, finish_reason: 'tool_calls' }]),
			chatReply([{ content: 'In Paris it is clear and 21°C, and the time is 14:05.' }]),
		);
		const result = await runWorkflow(workflow(), credentials);
		expect(result.error).toBeUndefined();
		scope.done();
		expect(bodies[0]).toEqual({ model: 'gpt-4.1-mini', messages: sentMessages, tools, tool_choice: 'auto', parallel_tool_calls: true, temperature: 0 });
		expect(bodies[1]).toEqual({
			model: 'gpt-4.1-mini',
			messages: [
				...sentMessages,
				assistantMessage,
				{ role: 'tool', tool_call_id: 'call_w', content: '{"temperature":21,"sky":"clear","city":"Paris"}' },
				{ role: 'tool', tool_call_id: 'call_t', content: '14:05' },
			],
		});
		expect(result.output('Respond')).toEqual([
			{ json: { text: 'In Paris it is clear and 21°C, and the time is 14:05.', finishReason: 'stop', usage: USAGE }, pairedItem: { item: 0 } },
		]);
	});
});
