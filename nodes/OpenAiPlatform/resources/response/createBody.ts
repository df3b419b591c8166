/** preSend of response.create: the request body from the fields, checked before anything is sent. */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { ReasoningEffort } from 'openai/resources/shared';
import type {
	FileSearchTool,
	FunctionTool,
	ResponseCreateParamsNonStreaming,
	ResponseFormatTextConfig,
	ResponseIncludable,
	ResponseInputItem,
	Tool,
	WebSearchTool,
} from 'openai/resources/responses/responses';

import { END_USER_LABEL, MAX_TOKENS_LABEL } from '../../shared/concepts';
import { metadataFrom } from '../../shared/metadata';
import type { ImageGenerationEntry } from './imageTool';
import { imageGenerationToolOf } from './imageTool';
import { mcpApprovalsInput, mcpToolsOf } from './mcp';
import type { PromptCacheOptions } from './shared';
import { promptCacheOf } from './shared';
import { rejectsSamplingParameters } from '../chat/model';
import { jsonItemsFrom, messagesToInput } from '../../shared/responseInput';
import { samplingOf } from '../../shared/sampling';
import { checkRange, fail, optionalJsonObject, splitList } from '../../shared/validation';

type Body = Omit<ResponseCreateParamsNonStreaming, 'model'>;

export interface CreateOptions extends PromptCacheOptions {
	background?: boolean;
	backgroundTimeout?: number;
	cancelOnTimeout?: boolean;
	conversationId?: string;
	include?: ResponseIncludable[];
	instructions?: string;
	maxOutputTokens?: number;
	maxToolCalls?: number;
	metadata?: unknown;
	parallelToolCalls?: boolean;
	previousResponseId?: string;
	promptId?: string;
	promptVariables?: unknown;
	promptVersion?: string;
	reasoningEffort?: Exclude<ReasoningEffort, null>;
	reasoningSummary?: 'auto' | 'concise' | 'detailed';
	safetyIdentifier?: string;
	serviceTier?: 'auto' | 'default' | 'flex' | 'priority' | 'scale';
	store?: boolean;
	temperature?: number;
	toolChoice?: 'auto' | 'none' | 'required';
	topLogprobs?: number;
	topP?: number;
	truncation?: 'auto' | 'disabled';
	verbosity?: 'low' | 'medium' | 'high';
}

interface BuiltInTools {
	webSearch?: { searchContextSize?: WebSearchTool['search_context_size']; allowedDomains?: unknown };
	fileSearch?: { vectorStoreIds?: unknown; maxResults?: number };
	codeInterpreter?: { fileIds?: unknown };
	imageGeneration?: ImageGenerationEntry;
}

interface FunctionEntry {
	name?: string;
	description?: string;
	parameters?: unknown;
	strict?: boolean;
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export const createOptionsOf = (context: IExecuteSingleFunctions) => context.getNodeParameter('options', {}) as CreateOptions;

function functionResultsInput(context: IExecuteSingleFunctions, options: CreateOptions): ResponseInputItem[] {
	const results = (context.getNodeParameter('functionResults', {}) as { result?: Array<{ callId?: string; output?: unknown }> }).result ?? [];
	if (!results.length) fail(context, 'Function Results: add at least one result');
	if (!options.previousResponseId?.trim() && !options.conversationId?.trim()) {
		fail(
			context,
			'Function Results: set Previous Response ID (or Conversation ID) in Options',
			'The model needs the response that asked for the function calls to read their results.',
		);
	}
	return results.map((result, index) => {
		const callId = String(result.callId ?? '').trim();
		if (!callId) fail(context, `Function Results: result ${index + 1} has no Call ID`);
		const output = typeof result.output === 'string' ? result.output : JSON.stringify(result.output ?? '');
		return { type: 'function_call_output', call_id: callId, output };
	});
}

async function inputOf(context: IExecuteSingleFunctions, options: CreateOptions): Promise<Body['input'] | undefined> {
	const inputType = context.getNodeParameter('inputType', 'text') as string;
	if (inputType === 'messages') return await messagesToInput(context, context.getNodeParameter('inputMessages', {}));
	if (inputType === 'json') return jsonItemsFrom(context, context.getNodeParameter('inputItems', ''), 'Input Items (JSON)');
	if (inputType === 'functionResults') return functionResultsInput(context, options);
	if (inputType === 'mcpApprovals') return mcpApprovalsInput(context);
	const text = context.getNodeParameter('input', '') as unknown;
	const input = typeof text === 'string' ? text : JSON.stringify(text ?? '');
	// A stored prompt may carry the whole input.
	if (!input.trim() && options.promptId?.trim()) return undefined;
	if (!input.trim()) fail(context, 'Input: is empty');
	return input;
}

function domainOf(raw: string): string {
	return raw.replace(/^[a-z][a-z\d+.-]*:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
}

export function builtInToolsOf(context: IExecuteSingleFunctions): Tool[] {
	const tools = context.getNodeParameter('builtInTools', {}) as BuiltInTools;
	const result: Tool[] = [];
	if (tools.webSearch) {
		const domains = splitList(tools.webSearch.allowedDomains).map(domainOf).filter(Boolean);
		if (domains.length > 100) fail(context, `Built-in Tools: ${domains.length} allowed domains, at most 100 are allowed`);
		const webSearch: WebSearchTool = { type: 'web_search', search_context_size: tools.webSearch.searchContextSize ?? 'medium' };
		if (domains.length) webSearch.filters = { allowed_domains: domains };
		result.push(webSearch);
	}
	if (tools.fileSearch) {
		const vectorStoreIds = splitList(tools.fileSearch.vectorStoreIds);
		if (!vectorStoreIds.length) fail(context, 'Built-in Tools: File Search needs at least one vector store ID');
		const fileSearch: FileSearchTool = { type: 'file_search', vector_store_ids: vectorStoreIds };
		const maxResults = checkRange(context, 'Built-in Tools: Max Results', tools.fileSearch.maxResults, 1, 50, true);
		if (maxResults !== undefined) fileSearch.max_num_results = maxResults;
		result.push(fileSearch);
	}
	if (tools.codeInterpreter) {
		const fileIds = splitList(tools.codeInterpreter.fileIds);
		if (fileIds.length > 50) fail(context, `Built-in Tools: ${fileIds.length} code interpreter files, at most 50 are allowed`);
		result.push({ type: 'code_interpreter', container: { type: 'auto', ...(fileIds.length ? { file_ids: fileIds } : {}) } });
	}
	if (tools.imageGeneration) result.push(imageGenerationToolOf(context, tools.imageGeneration));
	return result;
}

function functionToolsOf(context: IExecuteSingleFunctions): FunctionTool[] {
	const entries = (context.getNodeParameter('functions', {}) as { function?: FunctionEntry[] }).function ?? [];
	const seen = new Set<string>();
	return entries.map((entry, index) => {
		const name = String(entry.name ?? '').trim();
		if (!FUNCTION_NAME.test(name)) {
			fail(context, `Functions: "${name}" (function ${index + 1}) is not a valid name`, 'Use up to 64 letters, digits, underscores or dashes.');
		}
		if (seen.has(name)) fail(context, `Functions: "${name}" is defined twice`);
		seen.add(name);
		const parameters = optionalJsonObject(context, `Functions: parameters of "${name}"`, entry.parameters) ?? { type: 'object', properties: {} };
		return {
			type: 'function',
			name,
			...(entry.description ? { description: entry.description } : {}),
			parameters,
			strict: entry.strict ?? false,
		};
	});
}

function textFormatOf(context: IExecuteSingleFunctions): ResponseFormatTextConfig | undefined {
	const format = context.getNodeParameter('outputFormat', 'text') as string;
	if (format === 'json_object') return { type: 'json_object' };
	if (format !== 'json_schema') return undefined;
	const name = String(context.getNodeParameter('schemaName', '') ?? '').trim();
	if (!FUNCTION_NAME.test(name)) {
		fail(context, `Schema Name: "${name}" is not a valid name`, 'Use up to 64 letters, digits, underscores or dashes.');
	}
	const schema = optionalJsonObject(context, 'Schema', context.getNodeParameter('schema', ''));
	if (!schema) fail(context, 'Schema: is empty');
	return { type: 'json_schema', name, schema, strict: context.getNodeParameter('schemaStrict', true) as boolean };
}

/** Options > Prompt ID, Version and Variables (a stored prompt), Prompt Cache Key and Retention. */
function promptBody(context: IExecuteSingleFunctions, options: CreateOptions): Body {
	const body: Body = {};
	const id = options.promptId?.trim();
	const variables = optionalJsonObject(context, 'Prompt Variables', options.promptVariables);
	const hasVariables = variables !== undefined && Object.keys(variables).length > 0;
	if (id) {
		body.prompt = { id, ...(options.promptVersion?.trim() ? { version: options.promptVersion.trim() } : {}), ...(hasVariables ? { variables: variables as Record<string, string> } : {}) };
	} else if (options.promptVersion?.trim() || hasVariables) {
		fail(context, 'Prompt ID: is empty', 'Prompt Version and Prompt Variables apply to a stored prompt: give its ID.');
	}
	return { ...body, ...promptCacheOf(context, options) };
}

/** The body's optional parts from the Options collection. */
function optionsBody(context: IExecuteSingleFunctions, options: CreateOptions): Body {
	const body: Body = {};
	const previous = options.previousResponseId?.trim();
	const conversation = options.conversationId?.trim();
	if (previous && conversation) fail(context, 'Conversation ID: cannot be combined with Previous Response ID; use one of them');
	if (previous) body.previous_response_id = previous;
	if (conversation) body.conversation = conversation;
	if (options.instructions) body.instructions = options.instructions;
	if (options.background) {
		if (options.store === false) fail(context, 'Background: needs Store on (a background response is stored until it finishes)');
		checkRange(context, 'Background Timeout', options.backgroundTimeout, 1, 86400);
		body.background = true;
	}
	if (options.include?.length) body.include = options.include;
	Object.assign(body, promptBody(context, options));
	const maxOutputTokens = checkRange(context, MAX_TOKENS_LABEL, options.maxOutputTokens, 16, Infinity, true);
	if (maxOutputTokens !== undefined) body.max_output_tokens = maxOutputTokens;
	const maxToolCalls = checkRange(context, 'Max Tool Calls', options.maxToolCalls, 1, Infinity, true);
	if (maxToolCalls !== undefined) body.max_tool_calls = maxToolCalls;
	const metadata = metadataFrom(context, options.metadata);
	if (metadata) body.metadata = metadata;
	if (options.parallelToolCalls !== undefined) body.parallel_tool_calls = options.parallelToolCalls;
	if (options.reasoningEffort || options.reasoningSummary) {
		body.reasoning = {
			...(options.reasoningEffort ? { effort: options.reasoningEffort } : {}),
			...(options.reasoningSummary ? { summary: options.reasoningSummary } : {}),
		};
	}
	if (options.safetyIdentifier) {
		if (options.safetyIdentifier.length > 64) fail(context, `${END_USER_LABEL}: is longer than 64 characters`);
		body.safety_identifier = options.safetyIdentifier;
	}
	if (options.serviceTier) body.service_tier = options.serviceTier;
	if (options.store !== undefined) body.store = options.store;
	const { temperature, topP } = samplingOf(context, options);
	if (temperature !== undefined) body.temperature = temperature;
	const topLogprobs = checkRange(context, 'Top Log Probabilities', options.topLogprobs, 0, 20, true);
	if (topLogprobs !== undefined) body.top_logprobs = topLogprobs;
	if (topP !== undefined) body.top_p = topP;
	if (options.toolChoice) body.tool_choice = options.toolChoice;
	if (options.truncation) body.truncation = options.truncation;
	return body;
}


export async function buildCreateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = createOptionsOf(this);
	const input = await inputOf(this, options);
	const body: Body = { ...(input === undefined ? {} : { input }), ...optionsBody(this, options) };
	// Reasoning models (o-series, GPT-5) refuse temperature and top p, by the same rule as chat.
	if (rejectsSamplingParameters(String((requestOptions.body as IDataObject | undefined)?.model ?? ''), body.reasoning?.effort)) {
		delete body.temperature;
		delete body.top_p;
	}
	const tools = [...builtInToolsOf(this), ...mcpToolsOf(this), ...functionToolsOf(this)];
	if (tools.length) body.tools = tools;
	const format = textFormatOf(this);
	if (format || options.verbosity) {
		body.text = { ...(format ? { format } : {}), ...(options.verbosity ? { verbosity: options.verbosity } : {}) };
	}
	if (options.toolChoice === 'required' && !tools.length) fail(this, 'Tool Choice: "Required" needs at least one tool');
	requestOptions.body = { ...(requestOptions.body as IDataObject), ...(body as IDataObject) };
	return requestOptions;
}
