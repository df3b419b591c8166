import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { BUILT_IN_TOOLS_LABEL, END_USER_DESCRIPTION, END_USER_LABEL, MAX_TOKENS_DESCRIPTION, MAX_TOKENS_LABEL } from '../../shared/concepts';
import { DEFAULT_MODELS } from '../../shared/defaults';
import { collectionField, forOperation, preselectedModelFields, simplifyField } from '../../shared/fields';
import { metadataField } from '../../shared/metadata';
import { messagesField } from '../../shared/responseInput';
import { reasoningEffortField, serviceTierField, temperatureField, topPField } from '../../shared/sampling';
import { createResponse, finishCreateReply } from './background';
import { buildCreateBody } from './createBody';
import { imageGenerationToolOption } from './imageTool';
import { mcpApprovalsField, mcpServersField } from './mcp';
import { RESOURCE, includeOption, promptCacheOptions } from './shared';
import { directOrThroughBatch } from '../batch/sendThrough';
import { sendThroughBatchFields } from '../batch/sendThroughFields';

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a response',
	description: 'Generate a model response from text, messages, images or files, optionally with web search, file search, code interpreter, image generation, MCP servers or your functions',
	routing: {
		request: { method: 'POST', url: '/responses' },
		send: { preSend: [buildCreateBody] },
		operations: { pagination: directOrThroughBatch(createResponse) },
		output: { postReceive: [finishCreateReply] },
	},
};

const showFor = (inputType: string) => ({ displayOptions: { show: { inputType: [inputType] } } });
const showForFormat = { displayOptions: { show: { outputFormat: ['json_schema'] } } };

/** The fields create and countInputTokens share: what the model is given. */
export const inputFields: INodeProperties[] = forOperation(RESOURCE, ['create', 'countInputTokens'], [
	...preselectedModelFields({ capability: 'response', defaultModel: DEFAULT_MODELS.response }),
	{
		displayName: 'Input Type',
		name: 'inputType',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Function Results', value: 'functionResults', description: "Your functions' results for the calls the previous response asked for" },
			{ name: 'Items (JSON)', value: 'json', description: 'Input items as JSON, e.g. mapped from an earlier response' },
			{ name: 'MCP Approvals', value: 'mcpApprovals', description: "Your answers to the previous response's MCP approval requests" },
			{ name: 'Messages', value: 'messages', description: 'A conversation of messages with text, images and files' },
			{ name: 'Text', value: 'text', description: 'One text' },
		],
	},
	{
		displayName: 'Input',
		name: 'input',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The input text to process. May be empty only with a stored prompt (Options > Prompt ID).',
		...showFor('text'),
	},
	{ ...messagesField('inputMessages'), ...showFor('messages') },
	{
		displayName: 'Function Results',
		name: 'functionResults',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Result',
		default: {},
		description: 'One result per function call of the previous response (its toolCalls). Set Previous Response ID in Options.',
		options: [
			{
				name: 'result',
				displayName: 'Result',
				values: [
					{ displayName: 'Call ID', name: 'callId', type: 'string', default: '', placeholder: 'e.g. call_abc123' },
					{ displayName: 'Output', name: 'output', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'What the function returned (text or JSON)' },
				],
			},
		],
		...showFor('functionResults'),
	},
	{ ...mcpApprovalsField, ...showFor('mcpApprovals') },
	{
		displayName: 'Input Items (JSON)',
		name: 'inputItems',
		type: 'json',
		required: true,
		default: '[\n  {\n    "role": "user",\n    "content": "Hello"\n  }\n]',
		description: 'A JSON array of input items (messages, function_call_output, item_reference, ...) as the API takes them',
		...showFor('json'),
	},
	{
		displayName: BUILT_IN_TOOLS_LABEL,
		name: 'builtInTools',
		type: 'fixedCollection',
		placeholder: 'Add Built-in Tool',
		default: {},
		description: 'Tools OpenAI runs for the model',
		options: [
			imageGenerationToolOption,
			{
				name: 'codeInterpreter',
				displayName: 'Code Interpreter',
				values: [
					{
						displayName: 'File IDs',
						name: 'fileIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. file-abc123, file-def456',
						description: 'Uploaded files the code may read, separated by commas (up to 50)',
					},
				],
			},
			{
				name: 'fileSearch',
				displayName: 'File Search',
				values: [
					{
						displayName: 'Vector Store IDs',
						name: 'vectorStoreIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. vs_abc123',
						description: 'The vector stores to search, separated by commas',
					},
					{
						displayName: 'Max Results',
						name: 'maxResults',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 50 },
						default: 10,
						description: 'Max number of results to return',
					},
				],
			},
			{
				name: 'webSearch',
				displayName: 'Web Search',
				values: [
					{
						displayName: 'Search Context Size',
						name: 'searchContextSize',
						type: 'options',
						default: 'medium',
						description: 'How much of the pages found the model reads. Larger costs more and takes longer.',
						options: [
							{ name: 'High', value: 'high' },
							{ name: 'Low', value: 'low' },
							{ name: 'Medium', value: 'medium' },
						],
					},
					{
						displayName: 'Allowed Domains',
						name: 'allowedDomains',
						type: 'string',
						default: '',
						placeholder: 'e.g. openai.com, n8n.io',
						description: 'Only search these domains (and their subdomains), separated by commas. Empty searches the whole web.',
					},
				],
			},
		],
	},
	mcpServersField,
	{
		displayName: 'Functions',
		name: 'functions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Function',
		default: {},
		description: 'Your functions the model may call. Its calls come out as toolCalls; send the results back with Input Type "Function Results".',
		options: [
			{
				name: 'function',
				displayName: 'Function',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. get_weather', description: 'Up to 64 letters, digits, underscores or dashes' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the function does and when to call it' },
					{
						displayName: 'Parameters (JSON Schema)',
						name: 'parameters',
						type: 'json',
						default: '{\n  "type": "object",\n  "properties": {}\n}',
						description: 'The arguments as a JSON schema',
					},
					{
						displayName: 'Strict',
						name: 'strict',
						type: 'boolean',
						default: false,
						description: 'Whether the arguments must match the schema exactly (the schema must then list every property as required and set additionalProperties to false)',
					},
				],
			},
		],
	},
	{
		displayName: 'Output Format',
		name: 'outputFormat',
		type: 'options',
		default: 'text',
		description: 'The form of the text: plain text, any JSON object, or JSON that follows your schema (parsed into "data" in version 1.1)',
		options: [
			{ name: 'JSON Object', value: 'json_object', description: 'Any JSON object (mention JSON in the input or instructions)' },
			{ name: 'JSON Schema', value: 'json_schema', description: 'JSON that follows your schema' },
			{ name: 'Text', value: 'text' },
		],
	},
	{
		displayName: 'Schema Name',
		name: 'schemaName',
		type: 'string',
		required: true,
		default: 'output',
		description: 'A name for the schema: up to 64 letters, digits, underscores or dashes',
		...showForFormat,
	},
	{
		displayName: 'Schema',
		name: 'schema',
		type: 'json',
		required: true,
		default: '{\n  "type": "object",\n  "properties": {\n    "answer": { "type": "string" }\n  },\n  "required": ["answer"],\n  "additionalProperties": false\n}',
		description: 'The JSON schema the output must follow',
		...showForFormat,
	},
	{
		displayName: 'Strict Schema',
		name: 'schemaStrict',
		type: 'boolean',
		default: true,
		description: 'Whether the output must follow the schema exactly (every property required, additionalProperties false)',
		...showForFormat,
	},
]);

/** The Options of create; countInputTokens offers those in COUNT_OPTIONS. */
const CREATE_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Background',
		name: 'background',
		type: 'boolean',
		default: false,
		description: 'Whether to run the response in the background and poll until it finishes, for long tasks such as deep research',
	},
	{
		displayName: 'Background Timeout',
		name: 'backgroundTimeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 86400 },
		default: 600,
		description: 'With Background: seconds to wait for the response to finish before the item fails',
	},
	{
		displayName: 'Cancel on Timeout',
		name: 'cancelOnTimeout',
		type: 'boolean',
		default: false,
		description: 'Whether to cancel a background response that did not finish within the timeout',
	},
	{
		displayName: 'Conversation ID',
		name: 'conversationId',
		type: 'string',
		default: '',
		placeholder: 'e.g. conv_689667905b048191b4740501625afd940c7533ace33a2dab',
		description: 'Continue this conversation: its items come before the input, and the input and output are added to it',
	},
	{ ...includeOption },
	{
		displayName: 'Instructions',
		name: 'instructions',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'A system (developer) message for this response. Not carried over by Previous Response ID.',
	},
	{
		displayName: MAX_TOKENS_LABEL,
		name: 'maxOutputTokens',
		type: 'number',
		typeOptions: { minValue: 16 },
		default: 2048,
		description: MAX_TOKENS_DESCRIPTION,
	},
	{
		displayName: 'Max Tool Calls',
		name: 'maxToolCalls',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description: 'Max number of built-in tool calls in this response',
	},
	metadataField(),
	{
		displayName: 'Parallel Tool Calls',
		name: 'parallelToolCalls',
		type: 'boolean',
		default: true,
		description: 'Whether the model may call several tools at once',
	},
	{
		displayName: 'Previous Response ID',
		name: 'previousResponseId',
		type: 'string',
		default: '',
		placeholder: 'e.g. resp_67ccd2bed1ec8190b14f964abc054267',
		description: 'Continue from this stored response (multi-turn without resending the history)',
	},
	...promptCacheOptions,
	{
		displayName: 'Prompt ID',
		name: 'promptId',
		type: 'string',
		default: '',
		placeholder: 'e.g. pmpt_abc123',
		description: 'A stored prompt (made in the OpenAI dashboard) whose instructions and messages come before the input; the input may then be empty',
	},
	{
		displayName: 'Prompt Variables',
		name: 'promptVariables',
		type: 'json',
		default: '{}',
		description: 'Values for the stored prompt\'s variables, as a JSON object, e.g. {"customer_name": "Jane"}',
	},
	{
		displayName: 'Prompt Version',
		name: 'promptVersion',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2',
		description: 'The version of the stored prompt. Empty uses its current version.',
	},
	reasoningEffortField(),
	{
		displayName: 'Reasoning Summary',
		name: 'reasoningSummary',
		type: 'options',
		default: 'auto',
		description: "For reasoning models: a summary of the model's reasoning in the output",
		options: [
			{ name: 'Auto', value: 'auto' },
			{ name: 'Concise', value: 'concise' },
			{ name: 'Detailed', value: 'detailed' },
		],
	},
	{
		displayName: END_USER_LABEL,
		name: 'safetyIdentifier',
		type: 'string',
		default: '',
		placeholder: 'e.g. user-1234',
		description: END_USER_DESCRIPTION,
	},
	serviceTierField('Processing tier: Flex is cheaper and slower, Priority faster'),

	{
		displayName: 'Store',
		name: 'store',
		type: 'boolean',
		default: true,
		description: 'Whether OpenAI stores the response, so it can be fetched later or continued with Previous Response ID',
	},
	temperatureField(
		'Sampling temperature between 0 and 2: higher is more random, lower more focused. Not sent to reasoning models (o-series, GPT-5), which reject it, except GPT-5.1 and later with Reasoning Effort None.',
	),
	{
		displayName: 'Text Verbosity',
		name: 'verbosity',
		type: 'options',
		default: 'medium',
		description: 'How long and detailed the answer is (gpt-5 models)',
		options: [
			{ name: 'High', value: 'high' },
			{ name: 'Low', value: 'low' },
			{ name: 'Medium', value: 'medium' },
		],
	},
	{
		displayName: 'Tool Choice',
		name: 'toolChoice',
		type: 'options',
		default: 'auto',
		description: 'Whether the model must, may or must not call tools',
		options: [
			{ name: 'Auto', value: 'auto', description: 'The model decides' },
			{ name: 'None', value: 'none', description: 'No tool calls' },
			{ name: 'Required', value: 'required', description: 'At least one tool call' },
		],
	},
	{
		displayName: 'Top Log Probabilities',
		name: 'topLogprobs',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 20 },
		default: 0,
		description: 'How many of the likeliest tokens to return at each position, with their log probabilities (0 to 20). Add "Output Log Probabilities" to Include to see them.',
	},
	topPField(
		'Nucleus sampling: only the tokens making up this probability mass are considered. Change this or Sampling Temperature, not both. Not sent to reasoning models (o-series, GPT-5), which reject it, except GPT-5.1 and later with Reasoning Effort None.',
	),
	{
		displayName: 'Truncation',
		name: 'truncation',
		type: 'options',
		default: 'disabled',
		description: 'What to do when the input is longer than the context window',
		options: [
			{ name: 'Auto', value: 'auto', description: 'Drop items from the start of the conversation' },
			{ name: 'Disabled', value: 'disabled', description: 'Fail with an error' },
		],
	},
];

/** The options that change what the input counts (POST /responses/input_tokens takes no others). */
const COUNT_OPTIONS = ['conversationId', 'instructions', 'parallelToolCalls', 'previousResponseId', 'reasoningEffort', 'reasoningSummary', 'toolChoice', 'truncation', 'verbosity'];

export const createFields: INodeProperties[] = forOperation(RESOURCE, 'create', [
	simplifyField('Whether to return the text (parsed when JSON was asked), function calls, usage, ID and status instead of the raw response'),
	collectionField(CREATE_OPTIONS),
	...sendThroughBatchFields(),
]);

export const countInputTokensOptions: INodeProperties[] = forOperation(RESOURCE, 'countInputTokens', [
	collectionField(CREATE_OPTIONS.filter((option) => COUNT_OPTIONS.includes(option.name))),
]);
