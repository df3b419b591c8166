import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MODELS, FROM_VERSION_1_1, ONLY_VERSION_1 } from '../../shared/defaults';
import { forOperation, preselectedModelFields, shownWhen, simplifyField } from '../../shared/fields';
import { optionsCollection, whenSimplified } from '../../shared/generation';
import { requiredText } from '../../shared/validation';
import type { FieldEntry, ObjectEntry } from './extractSchema';
import { FIELDS_LABEL, OBJECTS_LABEL, extractionSchema, fieldValues } from './extractSchema';
import { instructionRole } from './model';
import { simplifyChatCompletion } from './reply';
import { chatOperation, chatRequest } from './request';
import { sendThroughBatchFields } from '../batch/sendThroughFields';

export function extractionInstructions(whatToExtract: string): string {
	return [
		"Extract structured data from the text in the user's message.",
		whatToExtract ? `What to extract: ${whatToExtract}` : '',
		'Take every value from the text only. Use null for a field the text does not give.',
	]
		.filter(Boolean)
		.join('\n');
}

/** preSend: instructions, the text, and a strict JSON schema built from the field list. */
async function buildExtractDataRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const text = requiredText(this, 'textToParse', 'Text to Parse');
	const fields = ((this.getNodeParameter('fields', {}) as { field?: FieldEntry[] }).field ?? []);
	const objects = ((this.getNodeParameter('objectDefinitions', {}) as { object?: ObjectEntry[] }).object ?? []);
	const schema = extractionSchema(this, fields, objects);
	const model = String(this.getNodeParameter('model', '', { extractValue: true }));
	return chatRequest(this, requestOptions, {
		messages: [
			{ role: instructionRole(model), content: extractionInstructions(String(this.getNodeParameter('whatToExtract', '') ?? '').trim()) },
			{ role: 'user', content: text },
		],
		body: { response_format: { type: 'json_schema', json_schema: { name: 'extracted_data', strict: true, schema } } },
	});
}

/** postReceive: the parsed object as "data" (with finish reason and usage); a reply that is not the JSON asked for is an error. */
const simplifyExtractedData = whenSimplified((context, reply) => {
	const out = simplifyChatCompletion(context, reply);
	delete out.text;
	return out;
});

export const extractDataOperation = chatOperation(
	{
		name: 'Extract Data',
		value: 'extractData',
		action: 'Extract data from a text',
		description: 'Turn a text into JSON with the fields you define (structured output)',
	},
	buildExtractDataRequest,
	simplifyExtractedData,
);

/** Objects that Object and Array of Objects fields refer to by name. */
const objectDefinitionsField: INodeProperties = {
	displayName: OBJECTS_LABEL,
	name: 'objectDefinitions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Object Definition',
	default: {},
	description: 'Objects that fields of type Object or Array of Objects refer to by name. Objects may contain objects.',
	options: [
		{
			name: 'object',
			displayName: 'Object',
			values: [
				{ displayName: 'Object Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. address', description: 'Starts with a letter or _, then letters, digits or _ only' },
				{ displayName: 'Description', name: 'description', type: 'string', default: '' },
				{
					displayName: 'Properties',
					name: 'properties',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true, sortable: true },
					placeholder: 'Add Property',
					default: {},
					options: [{ name: 'property', displayName: 'Property', values: fieldValues }],
				},
			],
		},
	],
};

export const extractDataFields: INodeProperties[] = forOperation('chat', 'extractData', [
	...preselectedModelFields({ capability: 'chat', defaultModel: DEFAULT_MODELS.chat, description: 'A chat model with structured output (e.g. gpt-4.1-mini, gpt-4o, gpt-5)' }),
	{
		displayName: 'Text to Parse',
		name: 'textToParse',
		type: 'string',
		typeOptions: { rows: 5 },
		required: true,
		default: '',
		description: 'The text that contains the data',
	},
	{
		displayName: 'What to Extract',
		name: 'whatToExtract',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. The invoice details',
		description: 'A short description of the data to find in the text',
	},
	{
		displayName: FIELDS_LABEL,
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field',
		required: true,
		default: { field: [{ name: '', type: 'text' }] },
		description: 'The structure of the result: one entry per top-level field',
		options: [{ name: 'field', displayName: 'Field', values: fieldValues }],
	},
	shownWhen(objectDefinitionsField, ONLY_VERSION_1),
	// Version 1.1 shows the (usually empty) object definitions only when asked for.
	{
		displayName: 'Define Nested Objects',
		name: 'defineObjects',
		type: 'boolean',
		default: false,
		description: 'Whether fields of type Object or Array of Objects need object definitions (their properties)',
		displayOptions: { show: FROM_VERSION_1_1 },
	},
	shownWhen(objectDefinitionsField, { ...FROM_VERSION_1_1, defineObjects: [true] }),
	simplifyField('Whether to return the extracted object as "data" with finish reason and usage instead of the raw reply'),
	optionsCollection(['maxTokens', 'metadata', 'n', 'otherParameters', 'reasoningEffort', 'seed', 'serviceTier', 'store', 'temperature', 'topP', 'user']),
	...sendThroughBatchFields(),
]);
