import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import type { AssistantCreateParams, AssistantTool } from 'openai/resources/beta/assistants';
import type { AssistantResponseFormatOption } from 'openai/resources/beta/threads/threads';
import type { ReasoningEffort } from 'openai/resources/shared';

import { BUILT_IN_TOOLS_LABEL, TEMPERATURE_LABEL } from '../../shared/concepts';
import { idLocatorField, modelField } from '../../shared/fields';
import type { FunctionEntry } from '../../shared/functions';
import { FUNCTION_NAME, functionToolsFrom, functionsField } from '../../shared/functions';
import { generationOptionField } from '../../shared/generation';
import { compareLabels } from '../../shared/labels';
import { metadataField as metadataField_, metadataFrom } from '../../shared/metadata';
import { temperatureField, topPField } from '../../shared/sampling';
import { checkLength, checkRange, fail, idList, jsonObject, locatorValue } from '../../shared/validation';

/** Every Assistants API request carries it. */
export const ASSISTANTS_BETA = { 'OpenAI-Beta': 'assistants=v2' };

export const RESOURCE = 'assistant';

/** The "Assistant" picker of get, update, delete and message; `inUrl` makes it the request's `/assistants/{id}`. */
export function assistantLocator(description: string, inUrl: boolean): INodeProperties {
	return {
		...idLocatorField({
			name: 'assistantId',
			displayName: 'Assistant',
			searchListMethod: 'searchAssistants',
			placeholder: 'e.g. asst_abc123',
			description,
		}),
		...(inUrl ? { routing: { request: { url: '=/assistants/{{ encodeURIComponent($value) }}' } } } : {}),
	};
}

/** The chosen assistant's ID; an empty picker is refused before anything is sent. */
export function assistantIdOf(context: IExecuteSingleFunctions): string {
	const id = locatorValue(context.getNodeParameter('assistantId', ''));
	if (!id) fail(context, 'Assistant: choose an assistant or enter its ID');
	return id;
}

/** preSend of the operations that only need the assistant's ID. */
export async function requireAssistant(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	assistantIdOf(this);
	return requestOptions;
}

/** "Built-in Tools" and "Functions": the tools of an assistant, or a run's override of them. */
export function toolFields(): INodeProperties[] {
	return [
		{
			displayName: BUILT_IN_TOOLS_LABEL,
			name: 'builtInTools',
			type: 'multiOptions',
			default: [],
			description: 'The hosted tools the assistant may use',
			options: [
				{ name: 'Code Interpreter', value: 'code_interpreter', description: 'Write and run Python code, read files' },
				{ name: 'File Search', value: 'file_search', description: 'Search the attached vector store' },
			],
		},
		functionsField('Functions the assistant may ask your workflow to call (the run then ends with status "requires_action")'),
	];
}

export interface ToolValues {
	builtInTools?: string[];
	functions?: { function?: FunctionEntry[] };
	fileSearchMaxResults?: number;
}

/** The tools the fields describe, or undefined when neither field was set. */
export function toolsFrom(
	context: IExecuteSingleFunctions,
	values: ToolValues,
	maxTools: number,
	/** Added to the field names in errors. */
	labelSuffix = '',
): AssistantTool[] | undefined {
	const builtInLabel = `${BUILT_IN_TOOLS_LABEL}${labelSuffix}`;
	const functionsLabel = `Functions${labelSuffix}`;
	if (values.builtInTools === undefined && values.functions === undefined) return undefined;
	const tools: AssistantTool[] = [];
	for (const type of values.builtInTools ?? []) {
		if (type === 'code_interpreter') tools.push({ type: 'code_interpreter' });
		else if (type === 'file_search') {
			const max = values.fileSearchMaxResults;
			tools.push(max === undefined ? { type: 'file_search' } : { type: 'file_search', file_search: { max_num_results: max } });
		} else fail(context, `${builtInLabel}: unknown tool "${String(type)}"`);
	}
	tools.push(...functionToolsFrom(context, values.functions, functionsLabel));
	if (tools.length > maxTools) fail(context, `${functionsLabel}: at most ${maxTools} tools are allowed, got ${tools.length}`);
	return tools;
}

/** Update's "merge": the new tools join the current ones; a built-in tool or a function of the same name is replaced. */
export function mergeTools(current: unknown, added: AssistantTool[]): AssistantTool[] {
	const keyOf = (tool: AssistantTool) => (tool.type === 'function' ? `function:${tool.function?.name ?? ''}` : tool.type);
	const addedKeys = new Set(added.map(keyOf));
	const kept = (Array.isArray(current) ? (current as AssistantTool[]) : []).filter(
		(tool) => tool && typeof tool === 'object' && typeof tool.type === 'string' && !addedKeys.has(keyOf(tool)),
	);
	return [...kept, ...added];
}

const metadataField = metadataField_('Up to 16 key-value pairs stored with the assistant (keys up to 64 characters, values up to 512)');

/** The assistant settings create puts under "Options" and update under "Update Fields", in alphabetical order. */
export const settingFields: INodeProperties[] = [
	{
		displayName: 'Code Interpreter File IDs',
		name: 'codeInterpreterFileIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. file-abc123, file-def456',
		description: 'Files the code interpreter can read (up to 20), comma-separated or mapped as an array',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'What the assistant is for (up to 512 characters)',
	},
	{
		displayName: 'File Search Max Results',
		name: 'fileSearchMaxResults',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: 20,
		description: 'How many search results the file search tool may return (1 to 50)',
	},
	{
		displayName: 'JSON Schema',
		name: 'jsonSchema',
		type: 'json',
		default: '{\n  "type": "object",\n  "properties": {},\n  "additionalProperties": false\n}',
		description: 'For the "JSON Schema" response format: the schema replies must follow',
	},
	{
		displayName: 'JSON Schema Name',
		name: 'jsonSchemaName',
		type: 'string',
		default: 'response',
		description: 'For the "JSON Schema" response format: a name for the schema',
	},
	metadataField,
	generationOptionField('reasoningEffort', { description: 'For reasoning models: how much they think before answering' }),
	{
		displayName: 'Response Format',
		name: 'responseFormat',
		type: 'options',
		default: 'auto',
		description: 'The form of the replies',
		options: [
			{ name: 'Auto', value: 'auto' },
			{ name: 'JSON Object', value: 'json_object', description: 'Valid JSON; say so in the instructions too' },
			{ name: 'JSON Schema', value: 'json_schema', description: 'JSON that follows the "JSON Schema" option' },
			{ name: 'Text', value: 'text' },
		],
	},
	{
		displayName: 'Strict Schema',
		name: 'jsonSchemaStrict',
		type: 'boolean',
		default: true,
		description: 'Whether replies must follow the JSON schema exactly (for the "JSON Schema" response format)',
	},
	temperatureField('Sampling temperature between 0 and 2: higher is more random'),
	topPField('Nucleus sampling between 0 and 1: alter this or the temperature, not both'),
	{
		displayName: 'Vector Store IDs',
		name: 'vectorStoreIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. vs_abc123',
		description: 'The vector store the file search tool searches (at most one)',
	},
];

/** The fields create and update share: the model, name, instructions, tools and the settings above. */
export interface AssistantValues extends ToolValues {
	model?: unknown;
	name?: string;
	description?: string;
	instructions?: string;
	codeInterpreterFileIds?: unknown;
	vectorStoreIds?: unknown;
	metadata?: { pair?: Array<{ key?: string; value?: unknown }> };
	temperature?: number;
	topP?: number;
	responseFormat?: string;
	jsonSchema?: unknown;
	jsonSchemaName?: string;
	jsonSchemaStrict?: boolean;
	reasoningEffort?: string;
}

function responseFormatFrom(context: IExecuteSingleFunctions, values: AssistantValues): AssistantResponseFormatOption {
	switch (values.responseFormat) {
		case 'text':
			return { type: 'text' };
		case 'json_object':
			return { type: 'json_object' };
		case 'json_schema': {
			const name = (values.jsonSchemaName ?? 'response').trim();
			if (!FUNCTION_NAME.test(name)) fail(context, `JSON Schema Name: "${name}" is not allowed`, 'Use 1 to 64 letters, digits, underscores or dashes.');
			if (values.jsonSchema === undefined) fail(context, 'JSON Schema: required for the "JSON Schema" response format');
			return {
				type: 'json_schema',
				json_schema: { name, schema: jsonObject(context, 'JSON Schema', values.jsonSchema), strict: values.jsonSchemaStrict ?? true },
			};
		}
		case 'auto':
			return 'auto';
		default:
			return fail(context, `Response Format: unknown format "${String(values.responseFormat)}"`);
	}
}

/**
 * The create or modify body from the fields. `partial` (update) sends every field the user added,
 * even empty, so a value can be cleared; create leaves empty text fields out.
 */
export function assistantBody(
	context: IExecuteSingleFunctions,
	values: AssistantValues,
	partial: boolean,
): Partial<AssistantCreateParams> {
	const body: Partial<AssistantCreateParams> = {};
	const has = (key: keyof AssistantValues) => values[key] !== undefined && (partial || values[key] !== '');

	if (values.model !== undefined) {
		const model = locatorValue(values.model);
		if (!model) fail(context, 'Model: choose a model');
		body.model = model;
	}
	for (const [key, field, max] of [
		['name', 'Name', 256],
		['description', 'Description', 512],
		['instructions', 'Instructions', 256_000],
	] as const) {
		checkLength(context, field, values[key], max);
		if (has(key)) body[key] = values[key];
	}
	const tools = toolsFrom(context, values, 128);
	if (tools !== undefined && (partial || tools.length > 0)) body.tools = tools;

	const toolResources: NonNullable<AssistantCreateParams['tool_resources']> = {};
	if (has('codeInterpreterFileIds')) {
		const fileIds = idList(values.codeInterpreterFileIds);
		if (fileIds.length > 20) fail(context, `Code Interpreter File IDs: at most 20 files are allowed, got ${fileIds.length}`);
		toolResources.code_interpreter = { file_ids: fileIds };
	}
	if (has('vectorStoreIds')) {
		const storeIds = idList(values.vectorStoreIds);
		if (storeIds.length > 1) fail(context, `Vector Store IDs: at most one vector store is allowed, got ${storeIds.length}`);
		toolResources.file_search = { vector_store_ids: storeIds };
	}
	if (Object.keys(toolResources).length) body.tool_resources = toolResources;

	if (values.metadata !== undefined) {
		const metadata = metadataFrom(context, values.metadata);
		if (metadata || partial) body.metadata = metadata ?? {};
	}
	checkRange(context, TEMPERATURE_LABEL, values.temperature, 0, 2);
	if (values.temperature !== undefined) body.temperature = values.temperature;
	checkRange(context, 'Top P', values.topP, 0, 1);
	if (values.topP !== undefined) body.top_p = values.topP;
	checkRange(context, 'File Search Max Results', values.fileSearchMaxResults, 1, 50);
	if (values.responseFormat !== undefined) body.response_format = responseFormatFrom(context, values);
	if (values.reasoningEffort !== undefined) body.reasoning_effort = values.reasoningEffort as ReasoningEffort;
	return body;
}

/** Collection options in the alphabetical order n8n's lint rules ask for. */
export function byDisplayName(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => compareLabels(a.displayName, b.displayName));
}

/** The model picker of create, update and message (assistants run on chat models). */
export function assistantModelField(required: boolean, description?: string): INodeProperties {
	return { ...modelField({ capability: 'chat', bodyProperty: false, required, description }) };
}
