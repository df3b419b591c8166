import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ResponseIncludable } from 'openai/resources/responses/responses';

import { simplifyField } from '../../shared/fields';
import { idField, idInPath } from '../../shared/ids';
import { checkLength } from '../../shared/validation';
import { keepsVersion1Output } from '../../shared/output';

export const RESOURCE = 'response';

export const responseIdField: INodeProperties = idField({
	name: 'responseId',
	displayName: 'Response ID',
	placeholder: 'e.g. resp_67ccd2bed1ec8190b14f964abc054267',
	description: 'The ID of a stored response, e.g. from the output of the Create operation',
});

/** Simplify Output of the operations that return a stored response (get, cancel). */
export const simplifyStoredField = simplifyField(
	'Whether to return the text, function calls, usage, ID and status instead of the raw response',
);

/** preSend: the response id in the path, e.g. `responsePath('/cancel')`. */
export const responsePath = (suffix = '') => idInPath(`/responses/{id}${suffix}`, 'responseId', 'Response ID');

const INCLUDABLE: Array<{ name: string; value: ResponseIncludable }> = [
	{ name: 'Code Interpreter Outputs', value: 'code_interpreter_call.outputs' },
	{ name: 'Computer Call Screenshot URLs', value: 'computer_call_output.output.image_url' },
	{ name: 'Encrypted Reasoning', value: 'reasoning.encrypted_content' },
	{ name: 'File Search Results', value: 'file_search_call.results' },
	{ name: 'Input Image URLs', value: 'message.input_image.image_url' },
	{ name: 'Output Log Probabilities', value: 'message.output_text.logprobs' },
	{ name: 'Web Search Results', value: 'web_search_call.results' },
	{ name: 'Web Search Sources', value: 'web_search_call.action.sources' },
];

/** "Include": extra data the API leaves out unless asked. */
export const includeOption: INodeProperties = {
	displayName: 'Include',
	name: 'include',
	type: 'multiOptions',
	default: [],
	description: 'Extra data to include in the reply',
	options: INCLUDABLE,
};

/** The statuses a background response passes through before it settles. */
export const isPending = (status: unknown) => status === 'queued' || status === 'in_progress';

type Json = Record<string, unknown>;

const asArray = (value: unknown): Json[] =>
	Array.isArray(value) ? value.filter((entry): entry is Json => entry !== null && typeof entry === 'object') : [];

function parseArguments(raw: unknown): unknown {
	if (typeof raw !== 'string') return raw ?? {};
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		return raw;
	}
}

/** Whether the response was asked for JSON (its echoed `text.format`). */
export function wantsJson(reply: Json): boolean {
	const type = ((reply.text as Json | undefined)?.format as Json | undefined)?.type;
	return type === 'json_schema' || type === 'json_object';
}

export interface SimplifyOptions {
	/** Fail the item when JSON was asked, the response completed and its text is not JSON (create); else keep the text. */
	strictJson: boolean;
}

/**
 * The useful part of a Response: its text (parsed when JSON was asked), function calls with
 * parsed arguments, citations, reasoning summary and usage. Every field may be absent.
 */
export function simplifyResponse(context: IExecuteSingleFunctions, reply: Json, { strictJson }: SimplifyOptions): IDataObject {
	const output = asArray(reply.output);
	const texts: string[] = [];
	const refusals: string[] = [];
	const annotations: unknown[] = [];
	const toolCalls: IDataObject[] = [];
	const summaries: string[] = [];
	const approvalRequests: IDataObject[] = [];
	const images: IDataObject[] = [];
	for (const item of output) {
		if (item.type === 'message') {
			for (const part of asArray(item.content)) {
				if (part.type === 'output_text' && typeof part.text === 'string') {
					texts.push(part.text);
					annotations.push(...asArray(part.annotations));
				} else if (part.type === 'refusal' && typeof part.refusal === 'string') {
					refusals.push(part.refusal);
				}
			}
		} else if (item.type === 'function_call') {
			toolCalls.push({
				type: 'function',
				callId: (item.call_id as string | undefined) ?? null,
				name: (item.name as string | undefined) ?? null,
				arguments: parseArguments(item.arguments) as IDataObject,
			});
		} else if (item.type === 'mcp_approval_request') {
			approvalRequests.push({
				id: (item.id as string | undefined) ?? null,
				serverLabel: (item.server_label as string | undefined) ?? null,
				name: (item.name as string | undefined) ?? null,
				arguments: parseArguments(item.arguments) as IDataObject,
			});
		} else if (item.type === 'image_generation_call' && typeof item.binaryProperty === 'string') {
			images.push({ id: (item.id as string | undefined) ?? null, binaryProperty: item.binaryProperty, ...(typeof item.revised_prompt === 'string' ? { revisedPrompt: item.revised_prompt } : {}) });
		} else if (item.type === 'reasoning') {
			for (const part of asArray(item.summary)) if (typeof part.text === 'string') summaries.push(part.text);
		}
	}
	const rawText = texts.length ? texts.join('') : typeof reply.output_text === 'string' ? reply.output_text : '';
	let text: unknown = rawText;
	let jsonError: string | undefined;
	if (wantsJson(reply) && rawText.trim()) {
		try {
			text = JSON.parse(rawText) as unknown;
		} catch (error) {
			if (strictJson && reply.status === 'completed') {
				throw new NodeOperationError(context.getNode(), 'Output Format: the model did not return valid JSON', {
					itemIndex: context.getItemIndex(),
					description: `${(error as Error).message}. The text starts: ${rawText.slice(0, 200)}`,
				});
			}
			jsonError = (error as Error).message;
		}
	}
	const stableKeys = !keepsVersion1Output(context);
	const refusal = refusals.length ? refusals.join('\n') : undefined;
	const simplified: IDataObject = {
		id: reply.id as string,
		model: reply.model as string,
		status: reply.status as string,
		// Version 1.1: the text under `text` as in every operation, and the parsed JSON under `data`.
		...(stableKeys
			? { text: rawText, ...(wantsJson(reply) ? { data: (jsonError || !rawText.trim() ? null : text) as IDataObject } : {}) }
			: { output_text: text as IDataObject }),
		...(jsonError ? { jsonError } : {}),
		...(stableKeys ? { refusal: refusal ?? null, toolCalls, annotations: annotations as IDataObject[] } : {}),
		...(!stableKeys && refusal ? { refusal } : {}),
		...(!stableKeys && toolCalls.length ? { toolCalls } : {}),
		...(approvalRequests.length ? { mcpApprovalRequests: approvalRequests } : {}),
		...(images.length ? { images } : {}),
		...(!stableKeys && annotations.length ? { annotations: annotations as IDataObject[] } : {}),
		...(summaries.length ? { reasoningSummary: summaries.join('\n\n') } : {}),
		...(reply.usage ? { usage: reply.usage as IDataObject } : stableKeys ? { usage: null } : {}),
		...((reply.conversation as Json | null | undefined)?.id ? { conversationId: (reply.conversation as Json).id as string } : {}),
		...(reply.incomplete_details ? { incompleteDetails: reply.incomplete_details as IDataObject } : {}),
		...(reply.error ? { error: reply.error as IDataObject } : {}),
	};
	return Object.fromEntries(Object.entries(simplified).filter(([, value]) => value !== undefined)) as IDataObject;
}

/** postReceive for get and cancel: the simplified response unless Simplify Output is off. */
export async function simplifyStoredResponse(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
	return items.map((item) => ({ ...item, json: simplifyResponse(this, item.json as Json, { strictJson: false }) }));
}

/** preSend for get and listInputItems: Options > Include as `include=a&include=b`, as the spec serialises it. */
export async function includeQuery(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const include = (this.getNodeParameter('options.include', []) as ResponseIncludable[]) ?? [];
	if (include.length) {
		requestOptions.qs = { ...(requestOptions.qs ?? {}), include };
		requestOptions.arrayFormat = 'repeat';
	}
	return requestOptions;
}

export interface PromptCacheOptions {
	promptCacheKey?: string;
	promptCacheRetention?: 'in_memory' | '24h';
}

/** Options > Prompt Cache Key and Retention (create and compact). */
export const promptCacheOptions: INodeProperties[] = [
	{
		displayName: 'Prompt Cache Key',
		name: 'promptCacheKey',
		type: 'string',
		default: '',
		description: 'Groups requests that share a long prefix, so they hit the same prompt cache (up to 64 characters)',
	},
	{
		displayName: 'Prompt Cache Retention',
		name: 'promptCacheRetention',
		type: 'options',
		default: 'in_memory',
		description: 'How long a cached prefix is kept',
		options: [
			{ name: '24 Hours', value: '24h', description: 'Extended caching, on models that offer it' },
			{ name: 'In Memory', value: 'in_memory', description: 'A few minutes, up to an hour' },
		],
	},
];

export function promptCacheOf(context: IExecuteSingleFunctions, options: PromptCacheOptions): { prompt_cache_key?: string; prompt_cache_retention?: 'in_memory' | '24h' } {
	const key = options.promptCacheKey?.trim();
	checkLength(context, 'Prompt Cache Key', key, 64);
	return { ...(key ? { prompt_cache_key: key } : {}), ...(options.promptCacheRetention ? { prompt_cache_retention: options.promptCacheRetention } : {}) };
}
