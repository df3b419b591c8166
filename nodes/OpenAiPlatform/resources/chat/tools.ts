import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { ChatCompletionFunctionTool, ChatCompletionToolChoiceOption } from 'openai/resources/chat/completions';

import { fieldError, isPlainObject, parseJsonField } from '../../shared/validation';

const FUNCTIONS_LABEL = 'Functions';
const FUNCTION_NAME_RULE = /^[A-Za-z0-9_-]{1,64}$/;

/** Function definitions the model may call: name, description, JSON-schema parameters, strict. */
export function functionsField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: FUNCTIONS_LABEL,
		name: 'functions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Function',
		default: {},
		description: 'Functions the model may call. It answers with the calls and their arguments; your workflow runs them.',
		options: [
			{
				name: 'function',
				displayName: 'Function',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. get_weather',
						description: 'Letters, digits, _ and - only, up to 64 characters',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
						description: 'What the function does; the model reads it to decide when to call it',
					},
					{
						displayName: 'Parameters (JSON Schema)',
						name: 'parameters',
						type: 'json',
						default: '{\n  "type": "object",\n  "properties": {},\n  "required": []\n}',
						description: 'The arguments the function takes, as a JSON schema object',
					},
					{
						displayName: 'Strict',
						name: 'strict',
						type: 'boolean',
						default: false,
						description:
							'Whether the arguments must follow the schema exactly (every property required, additionalProperties false)',
					},
				],
			},
		],
		...overrides,
	} as INodeProperties;
}

/** How the model may use the functions. */
export function toolChoiceFields(): INodeProperties[] {
	return [
		{
			displayName: 'Tool Choice',
			name: 'toolChoice',
			type: 'options',
			default: 'auto',
			description: 'Whether and which function the model must call',
			options: [
				{ name: 'Auto', value: 'auto', description: 'The model decides whether to call functions' },
				{ name: 'None', value: 'none', description: 'The model answers without calling a function' },
				{ name: 'Required', value: 'required', description: 'The model must call at least one function' },
				{ name: 'Specific Function', value: 'function', description: 'The model must call the function named below' },
			],
		},
		{
			displayName: 'Function Name',
			name: 'toolChoiceFunction',
			type: 'string',
			default: '',
			displayOptions: { show: { toolChoice: ['function'] } },
			description: 'The function the model must call; one of the functions defined',
		},
	];
}

export const parallelToolCallsField: INodeProperties = {
	displayName: 'Parallel Tool Calls',
	name: 'parallelToolCalls',
	type: 'boolean',
	default: true,
	description: 'Whether the model may call several functions in one reply',
};

interface FunctionEntry {
	name?: string;
	description?: string;
	parameters?: unknown;
	strict?: boolean;
}

/** The function definitions as API tools, checked: valid unique names, parameters a JSON object. */
export function toolsFrom(context: IExecuteSingleFunctions, collection: unknown): ChatCompletionFunctionTool[] {
	const entries = ((collection as { function?: FunctionEntry[] } | undefined)?.function ?? []);
	const seen = new Set<string>();
	return entries.map((entry) => {
		const name = String(entry.name ?? '').trim();
		if (!FUNCTION_NAME_RULE.test(name)) {
			throw fieldError(context, FUNCTIONS_LABEL, `"${name}" is not a valid function name (letters, digits, _ and - only, up to 64 characters)`);
		}
		if (seen.has(name)) throw fieldError(context, FUNCTIONS_LABEL, `"${name}" is defined twice`);
		seen.add(name);
		const parameters = parseJsonField(context, `${FUNCTIONS_LABEL}: parameters of "${name}"`, entry.parameters);
		if (parameters !== undefined && !isPlainObject(parameters)) {
			throw fieldError(context, FUNCTIONS_LABEL, `the parameters of "${name}" must be a JSON schema object`);
		}
		return {
			type: 'function',
			function: {
				name,
				...(entry.description ? { description: String(entry.description) } : {}),
				...(parameters ? { parameters: parameters as IDataObject } : {}),
				...(entry.strict ? { strict: true } : {}),
			},
		};
	});
}

/** The API's tool_choice for the "Tool Choice" fields, refusing a function that is not defined. */
export function toolChoiceFrom(
	context: IExecuteSingleFunctions,
	choice: unknown,
	functionName: unknown,
	tools: ChatCompletionFunctionTool[],
): ChatCompletionToolChoiceOption | undefined {
	if (choice === undefined || choice === '') return undefined;
	if (choice !== 'function') return choice as 'auto' | 'none' | 'required';
	const name = String(functionName ?? '').trim();
	if (!tools.some((tool) => tool.function.name === name)) {
		throw fieldError(context, 'Function Name', `"${name}" is not one of the functions defined`);
	}
	return { type: 'function', function: { name } };
}
