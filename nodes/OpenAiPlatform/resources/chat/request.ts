import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';

import type { GenerationOptionName } from '../../shared/generation';
import { applyGenerationOptions, optionsOf, otherParametersOf } from '../../shared/generation';
import { FUNCTION_NAME, functionToolsFrom } from '../../shared/functions';
import { fail, jsonObject } from '../../shared/validation';
import { applyReasoningModelRules, isReasoningModel } from './model';
import { toolChoiceFrom } from './tools';

/** Every shared option a chat completion takes (complete, prompt, callFunctions, respondToFunctions). */
export const CHAT_OPTIONS: GenerationOptionName[] = [
	'frequencyPenalty',
	'logitBias',
	'maxTokens',
	'metadata',
	'n',
	'otherParameters',
	'presencePenalty',
	'reasoningEffort',
	'sanitizeText',
	'seed',
	'serviceTier',
	'stop',
	'store',
	'temperature',
	'topP',
	'user',
];

/** "Response Format" and its JSON schema settings, as options of the "Options" collection. */
export const responseFormatOptions: INodeProperties[] = [
	{
		displayName: 'Response Format',
		name: 'responseFormat',
		type: 'options',
		default: 'text',
		description: 'Text, any JSON object, or JSON that follows a schema (structured output). JSON replies are parsed into "data".',
		options: [
			{ name: 'JSON Object', value: 'json_object', description: 'Valid JSON; mention "JSON" in your messages' },
			{ name: 'JSON Schema (Structured Output)', value: 'json_schema', description: 'JSON that follows the schema below' },
			{ name: 'Text', value: 'text' },
		],
	},
	{
		displayName: 'JSON Schema',
		name: 'jsonSchema',
		type: 'json',
		displayOptions: { show: { responseFormat: ['json_schema'] } },
		default:
			'{\n  "type": "object",\n  "properties": {\n    "answer": { "type": "string" }\n  },\n  "required": ["answer"],\n  "additionalProperties": false\n}',
		description: 'The schema the reply must follow. With Strict Schema on, every property must be required and additionalProperties false.',
	},
	{
		displayName: 'Schema Name',
		name: 'schemaName',
		type: 'string',
		displayOptions: { show: { responseFormat: ['json_schema'] } },
		default: 'response',
		description: 'Letters, digits, _ and - only, up to 64 characters',
	},
	{
		displayName: 'Strict Schema',
		name: 'strictSchema',
		type: 'boolean',
		displayOptions: { show: { responseFormat: ['json_schema'] } },
		default: true,
		description: 'Whether the reply must follow the schema exactly',
	},
];

type ChatBody = ChatCompletionCreateParamsNonStreaming & IDataObject;

export function responseFormatFrom(context: IExecuteSingleFunctions, options: IDataObject): ChatBody['response_format'] {
	const type = String(options.responseFormat ?? 'text');
	if (type === 'json_object') return { type: 'json_object' };
	if (type !== 'json_schema') return { type: 'text' };
	const schema = jsonObject(context, 'JSON Schema', options.jsonSchema ?? '');
	const name = String(options.schemaName ?? 'response').trim() || 'response';
	if (!FUNCTION_NAME.test(name)) {
		fail(context, `Schema Name: "${name}" may only contain letters, digits, _ and -, up to 64 characters`);
	}
	return { type: 'json_schema', json_schema: { name, schema, strict: options.strictSchema !== false } };
}

/** What each item sent, so the reply's hooks can give back e.g. the conversation. */
const sentBodies = new WeakMap<object, IDataObject>();

export function sentRequest(context: IExecuteSingleFunctions): IDataObject {
	return sentBodies.get(context) ?? {};
}

interface ChatBodyParts {
	messages: ChatCompletionMessageParam[];
	/** Operation-specific body fields (response format of extract and translate, tools of callFunctions). */
	body?: Partial<ChatBody>;
	/** Max tokens when the user set none; not for reasoning models, whose reasoning would use it up. */
	defaultMaxTokens?: number;
}

/**
 * Completes a chat request: the operation's messages and fields, then the "Options" collection
 * (ranges checked), "Additional Body Parameters" last, then the reasoning-model rules.
 */
export function chatRequest(
	context: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
	{ messages, body: extra = {}, defaultMaxTokens }: ChatBodyParts,
): IHttpRequestOptions {
	const body = { ...(requestOptions.body as IDataObject), messages, ...extra } as ChatBody;
	const options = optionsOf(context);
	applyGenerationOptions(context, body, options);
	if (options.responseFormat !== undefined) body.response_format = responseFormatFrom(context, options);
	if (options.functions !== undefined) {
		const tools = functionToolsFrom(context, options.functions as Parameters<typeof functionToolsFrom>[1]);
		if (tools.length) body.tools = tools;
		const choice = toolChoiceFrom(context, options.toolChoice, options.toolChoiceFunction, tools);
		if (choice && tools.length) body.tool_choice = choice;
	}
	if (options.parallelToolCalls !== undefined && body.tools?.length) body.parallel_tool_calls = Boolean(options.parallelToolCalls);
	if (defaultMaxTokens && body.max_completion_tokens === undefined && !isReasoningModel(String(body.model ?? ''))) {
		body.max_completion_tokens = defaultMaxTokens;
	}
	Object.assign(body, otherParametersOf(context, options.otherParameters));
	applyReasoningModelRules(body);
	sentBodies.set(context, body);
	return { ...requestOptions, body };
}

/** An operation that sends one POST /chat/completions: its request hook builds the body, its reply hook shapes the output. */
export function chatOperation(
	option: Pick<INodePropertyOptions, 'name' | 'value' | 'action' | 'description'>,
	buildRequest: PreSendAction,
	shapeReply: PostReceiveAction,
): INodePropertyOptions {
	return {
		...option,
		routing: {
			request: { method: 'POST', url: '/chat/completions' },
			send: { preSend: [buildRequest] },
			output: { postReceive: [shapeReply] },
		},
	};
}
