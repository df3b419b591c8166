import { runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import { USAGE, answerPosts, byId, chatReply, credentials, expectPosts, failsBeforeSending, runNode, setupNock } from '../support/chat';

setupNock();

const PATH = '/chat/completions';
const model = byId('gpt-4.1-mini');
const complete = (extra: Record<string, unknown> = {}) => ({
	resource: 'chat',
	operation: 'complete',
	model,
	messages: { message: [{ role: 'user', content: 'Hello' }] },
	...extra,
});

describe('chat.complete', () => {
	it('sends the message list and every option exactly', async () => {
		const { bodies, scope } = expectPosts(PATH, chatReply([{ content: '{"answer":"4"}' }]));
		const result = await runNode(
			complete({
				messages: {
					message: [
						{ role: 'system', content: 'Be brief.' },
						{ role: 'user', content: 'What is 2+2?', name: 'alice_1' },
						{ role: 'assistant', content: 'Let me think.' },
						{ role: 'developer', content: 'Answer in JSON.' },
					],
				},
				options: {
					frequencyPenalty: 0.5,
					presencePenalty: -0.5,
					logitBias: { bias: [{ id: '50256', probability: -100 }, { id: '1234', probability: 5 }] },
					maxTokens: 200,
					temperature: 0.2,
					topP: 0.9,
					stop: ['END', '\n\n'],
					seed: 42,
					user: 'user-1',
					serviceTier: 'flex',
					store: true,
					metadata: { pair: [{ key: 'team', value: 'ops' }] },
					responseFormat: 'json_schema',
					jsonSchema: '{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}',
					schemaName: 'math_answer',
					strictSchema: true,
					otherParameters: {
						parameter: [
							{ name: 'prompt_cache_key', type: 'string', value: 'k1' },
							{ name: 'top_logprobs', type: 'number', value: '2' },
							{ name: 'logprobs', type: 'boolean', value: 'true' },
							{ name: 'prediction', type: 'json', value: '{"type":"content","content":"4"}' },
						],
					},
				},
			}),
		);
		expect(result.error).toBeUndefined();
		scope.done();
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			messages: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'user', content: 'What is 2+2?', name: 'alice_1' },
				{ role: 'assistant', content: 'Let me think.' },
				{ role: 'developer', content: 'Answer in JSON.' },
			],
			frequency_penalty: 0.5,
			presence_penalty: -0.5,
			logit_bias: { '50256': -100, '1234': 5 },
			max_completion_tokens: 200,
			temperature: 0.2,
			top_p: 0.9,
			stop: ['END', '\n\n'],
			seed: 42,
			user: 'user-1',
			service_tier: 'flex',
			store: true,
			metadata: { team: 'ops' },
			response_format: {
				type: 'json_schema',
				json_schema: {
					name: 'math_answer',
					strict: true,
					schema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false },
				},
			},
			prompt_cache_key: 'k1',
			top_logprobs: 2,
			logprobs: true,
			prediction: { type: 'content', content: '4' },
		});
		expect(result.output('OpenAI')).toEqual([
			{ json: { text: '{"answer":"4"}', data: { answer: '4' }, finishReason: 'stop', usage: USAGE }, pairedItem: { item: 0 } },
		]);
	});

	it('takes the messages as JSON (e.g. from an earlier node), one request per item, each output paired', async () => {
		const { bodies } = answerPosts(PATH, 2, (body) => chatReply([{ content: (body.messages as unknown[]).length === 1 ? 'A' : 'B' }]));
		const result = await runNode(
			complete({ messagesInput: 'json', messagesJson: '={{ $json.conversation }}' }),
			[
				{ json: { conversation: [{ role: 'user', content: [{ type: 'text', text: 'first' }] }] } },
				{ json: { conversation: [{ role: 'system', content: 'x' }, { role: 'user', content: 'second', name: 'bob' }] } },
			],
		);
		expect(result.error).toBeUndefined();
		expect(bodies.map((b) => b.messages)).toEqual(
			expect.arrayContaining([
				[{ role: 'user', content: [{ type: 'text', text: 'first' }] }],
				[{ role: 'system', content: 'x' }, { role: 'user', content: 'second', name: 'bob' }],
			]),
		);
		expect(result.output('OpenAI').map((i) => [i.json.text, i.pairedItem])).toEqual([
			['A', { item: 0 }],
			['B', { item: 1 }],
		]);
	});

	it('keeps every choice when n > 1, and function calls with their conversation', async () => {
		const { bodies } = expectPosts(
			PATH,
			chatReply([
				{ content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }], finish_reason: 'tool_calls' },
				{ content: 'No call needed' },
			]),
		);
		const result = await runNode(
			complete({
				options: {
					n: 2,
					functions: { function: [{ name: 'lookup', description: 'Look up', parameters: '{"type":"object","properties":{"q":{"type":"string"}}}', strict: false }] },
					toolChoice: 'function',
					toolChoiceFunction: 'lookup',
					parallelToolCalls: false,
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			messages: [{ role: 'user', content: 'Hello' }],
			n: 2,
			tools: [{ type: 'function', function: { name: 'lookup', description: 'Look up', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }],
			tool_choice: { type: 'function', function: { name: 'lookup' } },
			parallel_tool_calls: false,
		});
		const call = { id: 'call_1', name: 'lookup', arguments: { q: 'x' } };
		expect(result.output('OpenAI')[0].json).toEqual({
			text: '',
			finishReason: 'tool_calls',
			toolCalls: [call],
			assistantMessage: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }] },
			messages: [{ role: 'user', content: 'Hello' }],
			choices: [
				{ text: '', finishReason: 'tool_calls', toolCalls: [call] },
				{ text: 'No call needed', finishReason: 'stop' },
			],
			usage: USAGE,
		});
	});

	it.each([
		['o3-mini', {}],
		['gpt-5-mini', {}],
		['ft:o4-mini-2025-04-16:acme::x1', {}],
		['gpt-5.1', { reasoningEffort: 'low' }],
	] as Array<[string, { reasoningEffort?: string }]>)('sends reasoning model %s no sampling parameters, max_completion_tokens, and the messages untouched', async (id, extra) => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'ok' }]));
		const messages = { message: [{ role: 'system', content: 'Rules' }, { role: 'user', content: 'Hi' }] };
		const options = {
			temperature: 0.3,
			topP: 0.5,
			frequencyPenalty: 1,
			presencePenalty: 1,
			logitBias: { bias: [{ id: '1', probability: 1 }] },
			stop: ['x'],
			maxTokens: 500,
			seed: 7,
			...extra,
			otherParameters: { parameter: [{ name: 'max_tokens', type: 'number', value: '900' }] },
		};
		const result = await runNode(complete({ model: byId(id), messages, options }));
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			model: id,
			messages: [{ role: 'system', content: 'Rules' }, { role: 'user', content: 'Hi' }],
			max_completion_tokens: 500,
			seed: 7,
			...(extra.reasoningEffort ? { reasoning_effort: extra.reasoningEffort } : {}),
		});
	});

	it('keeps sampling parameters for GPT-5.1 with reasoning off, and for gpt-5-chat', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'a' }]), chatReply([{ content: 'b' }]));
		await runNode(complete({ model: byId('gpt-5.1'), options: { reasoningEffort: 'none', temperature: 0.3 } }));
		await runNode(complete({ model: byId('gpt-5-chat-latest'), options: { temperature: 0.4 } }));
		expect(bodies).toEqual([
			{ model: 'gpt-5.1', messages: [{ role: 'user', content: 'Hello' }], reasoning_effort: 'none', temperature: 0.3 },
			{ model: 'gpt-5-chat-latest', messages: [{ role: 'user', content: 'Hello' }], temperature: 0.4 },
		]);
	});

	it('sanitizes the text when asked and returns the raw reply with Simplify off', async () => {
		const reply = chatReply([{ content: 'Line one\n\n\tline\u0007 two  ' }]);
		expectPosts(PATH, reply, reply);
		const sanitized = await runNode(complete({ options: { sanitizeText: true } }));
		expect(sanitized.output('OpenAI')[0].json.text).toBe('Line one line two');
		const raw = await runNode(complete({ simplify: false }));
		expect(raw.output('OpenAI')[0].json).toEqual(reply);
	});

	it('turns a sparse reply into an item without undefined fields', async () => {
		expectPosts(PATH, { choices: [{ index: 0, message: {}, finish_reason: 'length', logprobs: null }] });
		const result = await runNode(complete());
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')[0].json).toEqual({ text: '', finishReason: 'length', usage: null });
	});

	it('fails clearly on a reply without choices', async () => {
		expectPosts(PATH, { id: 'x', choices: [] });
		const result = await runNode(complete());
		expect(result.error?.message).toBe('The reply contains no generated message');
	});

	it('fails clearly when a JSON format was asked and the reply is not JSON, or cut off', async () => {
		expectPosts(PATH, chatReply([{ content: 'Sure! Here you go' }]), chatReply([{ content: '{"a": ', finish_reason: 'length' }]));
		const notJson = await runNode(complete({ options: { responseFormat: 'json_object' } }));
		expect(notJson.error?.message).toBe('The reply is not valid JSON');
		const cut = await runNode(complete({ options: { responseFormat: 'json_object' } }));
		expect(cut.error?.message).toBe('The reply was cut off at the token limit, so its JSON is incomplete');
	});

	it('reports tool call arguments that are not JSON instead of failing', async () => {
		expectPosts(PATH, chatReply([{ content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{oops' } }] }]));
		const result = await runNode(complete({ options: { functions: { function: [{ name: 'f', parameters: '{}' }] } } }));
		expect(result.output('OpenAI')[0].json.toolCalls).toEqual([
			{ id: 'c', name: 'f', arguments: {}, rawArguments: '{oops', argumentsError: 'The arguments are not a JSON object' },
		]);
	});

	it.each([
		['a name with a space', { messages: { message: [{ role: 'user', content: 'x', name: 'John Doe' }] } }, 'Messages: name "John Doe" may only contain letters, digits and _ (no spaces), up to 64 characters'],
		['no messages', { messages: {} }, 'Messages: add at least one message'],
		['JSON messages that are not a list', { messagesInput: 'json', messagesJson: '{"role":"user"}' }, 'Messages: expected a non-empty JSON array of messages'],
		['a JSON message without role', { messagesInput: 'json', messagesJson: '[{"content":"x"}]' }, 'Messages: message 1 has no valid role (system, developer, user, assistant or tool)'],
		['broken JSON messages', { messagesInput: 'json', messagesJson: '[{' }, 'Messages: not valid JSON'],
		['a temperature above 2', { options: { temperature: 3 } }, 'Sampling Temperature: must be between 0 and 2, got 3'],
		['a top p below 0', { options: { topP: -0.1 } }, 'Top P: must be between 0 and 1, got -0.1'],
		['a penalty above 2', { options: { presencePenalty: 2.5 } }, 'Presence Penalty: must be between -2 and 2, got 2.5'],
		['n of 0', { options: { n: 0 } }, 'Number of Results: must be between 1 and 128, got 0'],
		['fractional max tokens', { options: { maxTokens: 1.5 } }, 'Maximum Number of Tokens: must be a whole number, got 1.5'],
		['five stop sequences', { options: { stop: ['a', 'b', 'c', 'd', 'e'] } }, 'Stop Sequences: at most 4 are allowed (got 5)'],
		['a logit bias token that is no ID', { options: { logitBias: { bias: [{ id: 'hello', probability: 1 }] } } }, 'Token Probability (Logit Bias): "hello" is not a token ID (a whole number from the model\'s tokenizer)'],
		['a logit bias over 100', { options: { logitBias: { bias: [{ id: '12', probability: 101 }] } } }, 'Token Probability (Logit Bias): the probability of token 12 must be a whole number between -100 and 100 (got 101)'],
		['a JSON schema that is not JSON', { options: { responseFormat: 'json_schema', jsonSchema: '{"type":' } }, 'JSON Schema: not valid JSON'],
		['a bad schema name', { options: { responseFormat: 'json_schema', jsonSchema: '{}', schemaName: 'my schema' } }, 'Schema Name: "my schema" may only contain letters, digits, _ and -, up to 64 characters'],
		['a bad function name', { options: { functions: { function: [{ name: 'get weather', parameters: '{}' }] } } }, 'Functions: the name "get weather" is not allowed'],
		['function parameters that are a list', { options: { functions: { function: [{ name: 'f', parameters: '[]' }] } } }, 'Functions: parameters of "f": must be a JSON object'],
		['a tool choice of an unknown function', { options: { functions: { function: [{ name: 'f', parameters: '{}' }] }, toolChoice: 'function', toolChoiceFunction: 'g' } }, 'Function Name: "g" is not one of the functions defined'],
		['metadata with 17 entries', { options: { metadata: { pair: Array.from({ length: 17 }, (_, i) => ({ key: `k${i}`, value: 'v' })) } } }, 'Metadata: at most 16 pairs are allowed, got 17'],
		['another parameter that is not JSON', { options: { otherParameters: { parameter: [{ name: 'x', type: 'json', value: '{' }] } } }, 'Additional Body Parameters: "x" is not valid JSON'],
		['another parameter that is not a number', { options: { otherParameters: { parameter: [{ name: 'x', type: 'number', value: 'ten' }] } } }, 'Additional Body Parameters: "x" is not a number'],
	])('refuses %s before sending, naming the field', async (_, extra, message) => {
		expect(await failsBeforeSending(PATH, complete(extra))).toBe(message);
	});

	it('passes an API error through with OpenAI\'s message', async () => {
		expectPosts(PATH, [400, { error: { message: "Unsupported parameter: 'foo'", type: 'invalid_request_error', param: 'foo', code: 'unsupported_parameter' } }]);
		const result = await runNode(complete());
		expect(result.error?.message).toBe("Unsupported parameter: 'foo'");
		expect(result.error?.description).toContain('Param: foo');
	});
});

describe('Continue On Fail', () => {
	it('turns a bad input and an unusable reply into paired error items; the other items succeed', async () => {
		const { bodies } = answerPosts(PATH, 2, (body) =>
			chatReply([{ content: (body.messages as Array<{ content: string }>)[0].content.startsWith('b') ? '{"ok":true}' : 'not JSON' }]),
		);
		const params = { ...complete(), messages: { message: [{ role: 'user', content: '={{ $json.q }} (answer in JSON)' }] }, options: { temperature: '={{ $json.t }}', responseFormat: 'json_object' } };
		const items = [{ json: { q: 'a', t: 5 } }, { json: { q: 'b', t: 1 } }, { json: { q: 'c', t: 1 } }];
		const result = await runWorkflow(singleNodeWorkflow(params, items, { continueOnFail: true }), credentials);
		expect(result.error).toBeUndefined();
		expect(bodies).toHaveLength(2);
		const output = result.output('OpenAI');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.error).toBe('Sampling Temperature: must be between 0 and 2, got 5');
		expect(output[1].json).toEqual({ text: '{"ok":true}', data: { ok: true }, finishReason: 'stop', usage: USAGE });
		expect(output[2].json.error).toBe('The reply is not valid JSON');
	});
});

describe('chat.prompt', () => {
	const prompt = (extra: Record<string, unknown> = {}) => ({ resource: 'chat', operation: 'prompt', model, prompt: 'Write a haiku', ...extra });

	it('sends the prompt as the only user message and returns the text', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'Quiet servers hum' }]));
		const result = await runNode(prompt({ options: { maxTokens: 50, temperature: 1.2, user: 'u-9', frequencyPenalty: 0.1 } }));
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			messages: [{ role: 'user', content: 'Write a haiku' }],
			max_completion_tokens: 50,
			temperature: 1.2,
			user: 'u-9',
			frequency_penalty: 0.1,
		});
		expect(result.output('OpenAI')).toEqual([{ json: { text: 'Quiet servers hum', finishReason: 'stop', usage: USAGE }, pairedItem: { item: 0 } }]);
	});

	it('keeps all choices of n = 3', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'one' }, { content: 'two' }, { content: 'three' }]));
		const result = await runNode(prompt({ options: { n: 3 } }));
		expect(bodies[0].n).toBe(3);
		const json = result.output('OpenAI')[0].json;
		expect(json.text).toBe('one');
		expect((json.choices as Array<{ text: string }>).map((c) => c.text)).toEqual(['one', 'two', 'three']);
	});

	it('refuses an empty prompt before sending', async () => {
		expect(await failsBeforeSending(PATH, prompt({ prompt: '  ' }))).toBe('Prompt: is empty');
	});
});

describe('chat.edit', () => {
	const edit = (extra: Record<string, unknown> = {}) => ({
		resource: 'chat',
		operation: 'edit',
		model,
		textToEdit: 'Teh cat sat',
		instruction: 'Fix the spelling mistakes',
		...extra,
	});
	const instructions =
		"Rewrite the text in the user's message following this instruction:\nFix the spelling mistakes\nReply with the rewritten text only: no introduction, explanation or quotation marks.";

	it('sends the instruction and the input and names the result "text"', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'The cat sat' }]));
		const result = await runNode(edit({ options: { temperature: 0 } }));
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			messages: [
				{ role: 'system', content: instructions },
				{ role: 'user', content: 'Teh cat sat' },
			],
			temperature: 0,
		});
		expect(result.output('OpenAI')[0].json).toEqual({ text: 'The cat sat', finishReason: 'stop', usage: USAGE });
	});

	it('sends the instruction as a developer message to reasoning models', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'The cat sat' }]));
		await runNode(edit({ model: byId('o4-mini'), options: { temperature: 0, reasoningEffort: 'low' } }));
		expect(bodies[0]).toEqual({
			model: 'o4-mini',
			messages: [
				{ role: 'developer', content: instructions },
				{ role: 'user', content: 'Teh cat sat' },
			],
			reasoning_effort: 'low',
		});
	});

	it('refuses an empty instruction before sending', async () => {
		expect(await failsBeforeSending(PATH, edit({ instruction: '  ' }))).toBe('Instruction: is empty');
	});

	it('marks the input required, so n8n refuses an empty one before running the node', async () => {
		const { scope } = expectPosts(PATH, chatReply([{ content: 'unused' }]));
		await expect(runNode(edit({ textToEdit: '' }))).rejects.toThrow('Parameter "Input" is required.');
		expect(scope.isDone()).toBe(false);
	});

	it.each([
		['a blank input', ' \n '],
		['an input an expression leaves empty', '={{ $json.missing }}'],
	])('refuses %s before sending, naming the field', async (_, textToEdit) => {
		expect(await failsBeforeSending(PATH, edit({ textToEdit }))).toBe('Input: is empty');
	});
});
