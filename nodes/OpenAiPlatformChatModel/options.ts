/** The chat model's fields, and its Options as the body fields of the API it speaks (checked when the node is set up). */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { applyReasoningModelRules } from '../OpenAiPlatform/resources/chat/model';
import { responseFormatFrom, responseFormatOptions } from '../OpenAiPlatform/resources/chat/request';
import { inputFields } from '../OpenAiPlatform/resources/response/create';
import type { GenerationOptionName } from '../OpenAiPlatform/shared/generation';
import { applyGenerationOptions, optionsCollection } from '../OpenAiPlatform/shared/generation';
import { fail } from '../OpenAiPlatform/shared/validation';

export type ApiName = 'chatCompletions' | 'responses';

export const apiField: INodeProperties = {
	displayName: 'API',
	name: 'api',
	type: 'options',
	noDataExpression: true,
	default: 'chatCompletions',
	options: [
		{ name: 'Chat Completions', value: 'chatCompletions', description: 'POST /chat/completions: any OpenAI-compatible server has it' },
		{ name: 'Responses', value: 'responses', description: 'POST /responses: adds OpenAI\'s built-in tools (web search, file search)' },
	],
};

const onlyFor = (api: ApiName) => ({ displayOptions: { show: { '/api': [api] } } });

/** The action node's "Built-in Tools" of response.create, with the two an agent's model runs itself. */
export const builtInToolsField: INodeProperties = (() => {
	const field = inputFields.find((property) => property.name === 'builtInTools') as INodeProperties;
	return {
		...field,
		...onlyFor('responses'),
		options: (field.options ?? []).filter((tool) => ['fileSearch', 'webSearch'].includes(tool.name)),
	};
})();

const CHAT_ONLY: GenerationOptionName[] = ['frequencyPenalty', 'presencePenalty', 'seed', 'stop'];

export const optionsField: INodeProperties = optionsCollection(
	['frequencyPenalty', 'maxTokens', 'presencePenalty', 'reasoningEffort', 'seed', 'serviceTier', 'stop', 'temperature', 'topP', 'user'],
	{
		extra: responseFormatOptions,
		overrides: Object.fromEntries(CHAT_ONLY.map((name) => [name, onlyFor('chatCompletions')])),
	},
);

/** The Options as Chat Completions body fields, with the reasoning-model rules the action node applies. */
export function chatCompletionsOptions(context: IExecuteSingleFunctions, model: string, options: IDataObject): IDataObject {
	const body: IDataObject = { model };
	applyGenerationOptions(context, body, options);
	if (options.responseFormat !== undefined) body.response_format = responseFormatFrom(context, options);
	applyReasoningModelRules(body);
	delete body.model;
	return body;
}

const RESPONSES_MIN_OUTPUT_TOKENS = 16;

/** The Options as Responses body fields: the same checks, the names and shapes /responses takes. */
export function responsesOptions(context: IExecuteSingleFunctions, model: string, options: IDataObject): IDataObject {
	const chat = chatCompletionsOptions(context, model, options);
	const body: IDataObject = {};
	for (const key of ['temperature', 'top_p', 'service_tier', 'user']) if (chat[key] !== undefined) body[key] = chat[key];
	const maxTokens = chat.max_completion_tokens as number | undefined;
	if (maxTokens !== undefined) {
		if (maxTokens < RESPONSES_MIN_OUTPUT_TOKENS) {
			fail(context, `Maximum Number of Tokens: the Responses API needs at least ${RESPONSES_MIN_OUTPUT_TOKENS} (got ${maxTokens})`);
		}
		body.max_output_tokens = maxTokens;
	}
	if (chat.reasoning_effort) body.reasoning = { effort: chat.reasoning_effort };
	const format = chat.response_format as { type: string; json_schema?: IDataObject } | undefined;
	if (format?.type === 'json_object') body.text = { format: { type: 'json_object' } };
	if (format?.type === 'json_schema') body.text = { format: { type: 'json_schema', ...format.json_schema } };
	return body;
}
