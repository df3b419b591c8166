import { USAGE, byId, expectPosts, failsBeforeSending, runNode, setupNock } from '../support/chat';

setupNock();

const PATH = '/completions';
const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'completion',
	operation: 'create',
	model: byId('gpt-3.5-turbo-instruct'),
	completionPrompt: 'Once upon a time',
	...extra,
});
const reply = (texts: string[], extra: Record<string, unknown> = {}) => ({
	id: 'cmpl-1',
	object: 'text_completion',
	created: 1_700_000_000,
	model: 'gpt-3.5-turbo-instruct',
	choices: texts.map((text, index) => ({ text, index, logprobs: null, finish_reason: 'length' })),
	usage: USAGE,
	...extra,
});

describe('completion.create', () => {
	it('sends the prompt and every option of the legacy endpoint exactly', async () => {
		const { bodies, scope } = expectPosts(PATH, reply([' there was a cat.']));
		const result = await runNode(
			create({
				options: {
					suffix: 'The end.',
					maxTokens: 64,
					temperature: 0.7,
					topP: 0.9,
					n: 1,
					logprobs: 2,
					echo: true,
					stop: ['\n'],
					frequencyPenalty: 0.1,
					presencePenalty: 0.2,
					logitBias: { bias: [{ id: '50256', probability: -100 }] },
					seed: 9,
					bestOf: 3,
					user: 'u-1',
					otherParameters: { parameter: [{ name: 'stream', type: 'boolean', value: 'false' }] },
				},
			}),
		);
		expect(result.error).toBeUndefined();
		scope.done();
		expect(bodies[0]).toEqual({
			model: 'gpt-3.5-turbo-instruct',
			prompt: 'Once upon a time',
			suffix: 'The end.',
			max_tokens: 64,
			temperature: 0.7,
			top_p: 0.9,
			n: 1,
			logprobs: 2,
			echo: true,
			stop: ['\n'],
			frequency_penalty: 0.1,
			presence_penalty: 0.2,
			logit_bias: { '50256': -100 },
			seed: 9,
			best_of: 3,
			user: 'u-1',
			stream: false,
		});
		expect(result.output('OpenAI')).toEqual([{ json: { text: ' there was a cat.', finishReason: 'length', usage: USAGE }, pairedItem: { item: 0 } }]);
	});

	it('keeps every choice, with log probabilities when the reply has them', async () => {
		const logprobs = { tokens: [' a'], token_logprobs: [-0.1], top_logprobs: [{ ' a': -0.1 }], text_offset: [0] };
		expectPosts(PATH, { ...reply([' a', ' b']), choices: [{ text: ' a', index: 0, logprobs, finish_reason: 'stop' }, { text: ' b', index: 1, logprobs: null, finish_reason: 'length' }] });
		const result = await runNode(create({ options: { n: 2, logprobs: 1 } }));
		expect(result.output('OpenAI')[0].json).toEqual({
			text: ' a',
			finishReason: 'stop',
			logprobs,
			choices: [
				{ text: ' a', finishReason: 'stop', logprobs },
				{ text: ' b', finishReason: 'length' },
			],
			usage: USAGE,
		});
	});

	it('handles a sparse reply, sanitizes on request and gives the raw reply with Simplify off', async () => {
		const raw = reply(['  x\n\ny ']);
		expectPosts(PATH, { choices: [{ index: 0 }] }, raw, raw);
		expect((await runNode(create())).output('OpenAI')[0].json).toEqual({ text: '', finishReason: null, usage: null });
		expect((await runNode(create({ options: { sanitizeText: true } }))).output('OpenAI')[0].json.text).toBe('x y');
		expect((await runNode(create({ simplify: false }))).output('OpenAI')[0].json).toEqual(raw);
	});

	it.each([
		['a prompt that evaluates to nothing', { completionPrompt: '={{ "" }}' }, 'Prompt: is empty'],
		['best of below n', { options: { n: 3, bestOf: 2 } }, 'Best Of: must be at least Number of Results (3)'],
		['log probabilities above 5', { options: { logprobs: 6 } }, 'Log Probabilities: must be between 0 and 5, got 6'],
		['a temperature below 0', { options: { temperature: -1 } }, 'Sampling Temperature: must be between 0 and 2, got -1'],
	])('refuses %s before sending', async (_, extra, message) => {
		expect(await failsBeforeSending(PATH, create(extra))).toBe(message);
	});
});
