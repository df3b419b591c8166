import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { FunctionDefinition } from 'openai/resources/shared';

import { fail, jsonObject } from './validation';

/** Function definitions the model may call: name, description, JSON-schema parameters, strict. */
export function functionsField(description: string): INodeProperties {
	return {
		displayName: 'Functions',
		name: 'functions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Function',
		default: {},
		description,
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
						description: 'Letters, digits, underscores and dashes, up to 64 characters',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
						description: 'What the function does, so the model knows when to call it',
					},
					{
						displayName: 'Parameters (JSON Schema)',
						name: 'parameters',
						type: 'json',
						default: '{\n  "type": "object",\n  "properties": {}\n}',
						description: 'The arguments the function takes, as a JSON Schema object',
					},
					{
						displayName: 'Strict',
						name: 'strict',
						type: 'boolean',
						default: false,
						description: 'Whether the model must follow the schema exactly (structured outputs: every property required, additionalProperties false)',
					},
				],
			},
		],
	};
}

export interface FunctionEntry {
	name?: string;
	description?: string;
	parameters?: unknown;
	strict?: boolean;
}

/** OpenAI's rule for the names of functions and JSON schemas. */
export const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** The function tools the "Functions" field describes, checked: valid unique names, parameters a JSON object. */
export function functionToolsFrom(
	context: IExecuteSingleFunctions,
	collection: { function?: FunctionEntry[] } | undefined,
	label = 'Functions',
): Array<{ type: 'function'; function: FunctionDefinition }> {
	const seen = new Set<string>();
	return (collection?.function ?? []).map((entry) => {
		const name = (entry.name ?? '').trim();
		if (!FUNCTION_NAME.test(name)) {
			fail(context, `${label}: the name "${name}" is not allowed`, 'Use 1 to 64 letters, digits, underscores or dashes.');
		}
		if (seen.has(name)) fail(context, `${label}: "${name}" is defined twice`);
		seen.add(name);
		const hasParameters = entry.parameters !== undefined && entry.parameters !== '';
		return {
			type: 'function',
			function: {
				name,
				...(entry.description ? { description: entry.description } : {}),
				...(hasParameters ? { parameters: jsonObject(context, `${label}: parameters of "${name}"`, entry.parameters) } : {}),
				...(entry.strict ? { strict: true } : {}),
			},
		};
	});
}
