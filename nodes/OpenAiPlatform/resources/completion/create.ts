import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { CompletionCreateParamsNonStreaming } from 'openai/resources/completions';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { forOperation, preselectedModelFields, simplifyField } from '../../shared/fields';
import type { NumberRule } from '../../shared/generation';
import {
	applyGenerationOptions,
	checkedNumber,
	choicesOf,
	numberField,
	optionsCollection,
	optionsOf,
	promptField,
	otherParametersOf,
	sanitizeText,
	whenSimplified,
} from '../../shared/generation';
import { fail, requiredText } from '../../shared/validation';

const LOGPROBS: NumberRule = {
	displayName: 'Log Probabilities',
	property: 'logprobs',
	min: 0,
	max: 5,
	integer: true,
	default: 0,
	description: 'Return the log probabilities of this many most likely tokens at each position (0 to 5)',
};

const BEST_OF: NumberRule = {
	displayName: 'Best Of',
	property: 'best_of',
	min: 0,
	max: 20,
	integer: true,
	default: 1,
	description: 'Generate this many completions on the server and return the best (at least Number of Results). Costs tokens for all of them.',
};

/** preSend: the prompt and the options of the legacy endpoint (max_tokens, not max_completion_tokens). */
async function buildCompletionRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const prompt = requiredText(this, 'completionPrompt', 'Prompt');
	const body = { ...(requestOptions.body as IDataObject), prompt } as CompletionCreateParamsNonStreaming & IDataObject;
	const options = optionsOf(this);
	applyGenerationOptions(this, body, options, { maxTokensProperty: 'max_tokens' });
	if (options.suffix) body.suffix = String(options.suffix);
	if (options.echo !== undefined) body.echo = Boolean(options.echo);
	if (options.logprobs !== undefined) body.logprobs = checkedNumber(this, LOGPROBS, options.logprobs);
	if (options.bestOf !== undefined) {
		body.best_of = checkedNumber(this, BEST_OF, options.bestOf);
		if (body.best_of < (body.n ?? 1)) fail(this, `Best Of: must be at least Number of Results (${body.n})`);
	}
	Object.assign(body, otherParametersOf(this, options.otherParameters));
	return { ...requestOptions, body };
}

/** postReceive: text (every choice under "choices" when there are several), finish reason, log probabilities if asked, usage. */
const simplifyCompletion = whenSimplified((context, reply) => {
	const sanitize = optionsOf(context).sanitizeText === true;
	const choices = choicesOf(context, reply).map((choice) => {
		const text = typeof choice.text === 'string' ? choice.text : '';
		return {
			text: sanitize ? sanitizeText(text) : text,
			finishReason: choice.finish_reason ?? null,
			...(choice.logprobs ? { logprobs: choice.logprobs } : {}),
		} as IDataObject;
	});
	return { ...choices[0], ...(choices.length > 1 ? { choices } : {}), usage: (reply.usage as IDataObject | undefined) ?? null };
});

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a text completion',
	description: 'Continue a prompt with a legacy (instruct) model such as gpt-3.5-turbo-instruct',
	routing: {
		request: { method: 'POST', url: '/completions' },
		send: { preSend: [buildCompletionRequest] },
		output: { postReceive: [simplifyCompletion] },
	},
};

export const createFields: INodeProperties[] = forOperation('completion', 'create', [
	...preselectedModelFields({ capability: 'completion', defaultModel: DEFAULT_MODELS.completion  }),
	promptField({ name: 'completionPrompt', description: 'The text to continue' }),
	simplifyField(),
	optionsCollection(
		['frequencyPenalty', 'logitBias', 'maxTokens', 'n', 'otherParameters', 'presencePenalty', 'sanitizeText', 'seed', 'stop', 'temperature', 'topP', 'user'],
		{
			extra: [
				numberField('bestOf', BEST_OF),
				{
					displayName: 'Echo Prompt',
					name: 'echo',
					type: 'boolean',
					default: false,
					description: 'Whether to return the prompt in front of the completion',
				},
				numberField('logprobs', LOGPROBS),
				{
					displayName: 'Suffix',
					name: 'suffix',
					type: 'string',
					default: '',
					description: 'Text that comes after the completion, for inserting text (gpt-3.5-turbo-instruct only)',
				},
			],
			overrides: { maxTokens: { default: 16, description: 'The most tokens the completion may use (the API uses 16 when not set)' } },
			reasoningNotes: false,
		},
	),
]);
