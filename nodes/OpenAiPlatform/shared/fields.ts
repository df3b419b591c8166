import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { FROM_VERSION_1_1, ONLY_VERSION_1 } from './defaults';
import { compareLabels } from './labels';
import type { ModelCapability } from './models';
import { capabilityLabel, searchMethodFor } from './models';
import { modelIdCheck } from './validation';

/**
 * Shows fields only for one resource and operation. n8n-workflow's updateDisplayOptions does the same with a lodash
 * deep merge, which took a sixth of the node's load time: the fields' own conditions only need the two keys added.
 */
export function forOperation(resource: string, operation: string | string[], fields: INodeProperties[]): INodeProperties[] {
	const scope = { resource: [resource], operation: Array.isArray(operation) ? [...operation] : [operation] };
	return fields.map((field) => ({ ...field, displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, ...scope } } }));
}

/** The operation selector of one resource. */
export function operationSelector(resource: string, options: INodePropertyOptions[], defaultValue: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => compareLabels(a.name, b.name)),
		default: defaultValue,
	};
}

interface ModelFieldOptions {
	capability: ModelCapability;
	name?: string;
	displayName?: string;
	required?: boolean;
	placeholder?: string;
	/** Where the model goes in the JSON body; false when a hook places it. */
	bodyProperty?: string | false;
	description?: string;
	/** A model preselected in "From list" mode, e.g. the one most users want. */
	defaultModel?: string;
}

/** Model picker: "From list" (the account's models that fit the operation) or "By ID" (fine-tuned, new or compatible-server models). */
export function modelField({
	capability,
	name = 'model',
	displayName = 'Model',
	required = true,
	placeholder = 'e.g. gpt-4.1-mini',
	bodyProperty = 'model',
	description,
	defaultModel,
}: ModelFieldOptions): INodeProperties {
	return {
		...idLocatorField({
			name,
			displayName,
			required,
			placeholder,
			searchListMethod: searchMethodFor(capability),
			description:
				description ??
				`The ${capabilityLabel(capability)} model. "From list" shows your account's models; use "By ID" for fine-tuned models or OpenAI-compatible servers.`,
		}),
		...(capability !== 'any' ? { hint: `"From list" shows the ${capabilityLabel(capability)} models, and models this node does not recognise (e.g. on compatible servers)` } : {}),
		...(defaultModel ? { default: { mode: 'list', value: defaultModel } } : {}),
		// A model sent as it is gets its check here; the others are read through modelIdOf, which checks them.
		...(bodyProperty ? { routing: { send: { type: 'body', property: bodyProperty, preSend: [modelIdCheck(name, displayName)] } } } : {}),
	};
}

/** A field shown only where `show` holds (e.g. one node version), on top of its own conditions. */
export function shownWhen(field: INodeProperties, show: IDisplayOptions['show']): INodeProperties {
	return { ...field, displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, ...show } } };
}

/**
 * A field whose default changed in version 1.1: n8n stores only values that differ from the default, so
 * version-1 nodes keep a copy with the old default, and the editor shows the one of the node's version.
 */
export function withDefaultFromVersion1_1(field: INodeProperties, newDefault: INodeProperties['default']): INodeProperties[] {
	return [shownWhen(field, ONLY_VERSION_1), shownWhen({ ...field, default: newDefault }, FROM_VERSION_1_1)];
}

/**
 * A field that, from version 1.1 on, the AI Agent fills when this node is its tool: the tool variant defaults to a
 * `$fromAI()` expression, so the tool works as soon as it is added. The plain node and version 1 keep `field`.
 */
export function filledByAgentFromVersion1_1(field: INodeProperties, key: string, description: string): INodeProperties[] {
	// n8n's own form of the override, so the editor shows "Defined automatically by the model".
	const fromAi = `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`${description}\`, 'string') }}`;
	return [
		shownWhen(field, ONLY_VERSION_1),
		shownWhen(field, { ...FROM_VERSION_1_1, '@tool': [false] }),
		shownWhen({ ...field, default: fromAi }, { ...FROM_VERSION_1_1, '@tool': [true] }),
	];
}

/** A model picker that preselects `defaultModel` from version 1.1 on (version 1 kept an empty default). */
export function preselectedModelFields(options: ModelFieldOptions & { defaultModel: string }): INodeProperties[] {
	const { defaultModel, ...rest } = options;
	const field = modelField({ placeholder: `e.g. ${defaultModel}`, ...rest });
	return withDefaultFromVersion1_1(field, { mode: 'list', value: defaultModel });
}

interface IdLocatorOptions {
	name: string;
	displayName: string;
	/** listSearch method that lists the objects. */
	searchListMethod: string;
	placeholder: string;
	description?: string;
	required?: boolean;
}

/** Picker for an object the account owns (file, assistant, vector store, batch, fine-tuning job). */
export function idLocatorField({
	name,
	displayName,
	searchListMethod,
	placeholder,
	description,
	required = true,
}: IdLocatorOptions): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required,
		default: { mode: 'list', value: '' },
		...(description ? { description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
			},
		],
	};
}

/** Name of the binary property a file is read from or written to. */
export function binaryPropertyField(options: {
	name?: string;
	displayName?: string;
	description?: string;
	default?: string;
	required?: boolean;
} = {}): INodeProperties {
	return {
		displayName: options.displayName ?? 'Input Binary Field',
		name: options.name ?? 'binaryPropertyName',
		type: 'string',
		required: options.required ?? true,
		default: 'data',
		hint: 'The name of the input field containing the binary file data to be processed',
		description: options.description ?? 'Name of the binary property that holds the file',
		...(options.default !== undefined ? { default: options.default } : {}),
	};
}

/** Where an operation stores a file it outputs (an option, so it has a sensible default). */
export function outputBinaryField(description = 'Name of the binary property to put the file in', name = 'binaryPropertyOutput'): INodeProperties {
	return {
		...binaryPropertyField({ name, displayName: 'Put Output File in Field', description, required: false }),
		hint: 'The name of the output binary field to put the file in',
	};
}

/** A list of name/value pairs (query parameters, headers, form fields), stored as `{ [itemName]: [{ name, value }] }`. */
export function nameValueCollection(options: {
	name: string;
	displayName: string;
	itemName: string;
	itemDisplayName: string;
	placeholder: string;
	description?: string;
	startWithOne?: boolean;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: options.placeholder,
		default: {},
		...(options.startWithOne ? { default: { [options.itemName]: [{ name: '', value: '' }] } } : {}),
		...(options.description ? { description: options.description } : {}),
		options: [
			{
				name: options.itemName,
				displayName: options.itemDisplayName,
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/** "Simplify Output": the useful fields instead of the raw reply. */
export function simplifyField(description = 'Whether to return a simplified version of the response instead of the raw data'): INodeProperties {
	return {
		displayName: 'Simplify Output',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description,
	};
}

/** "Return All" and "Limit" for a list that `paginateCursor` walks. */
/** Sort order of a list by creation time, sent as the `order` query parameter. */
export function orderField(description = 'Sort by creation time'): INodeProperties {
	return {
		displayName: 'Order',
		name: 'order',
		type: 'options',
		default: 'desc',
		description,
		options: [
			{ name: 'Newest First', value: 'desc' },
			{ name: 'Oldest First', value: 'asc' },
		],
		routing: { send: { type: 'query', property: 'order' } },
	};
}

export function returnAllOrLimitFields(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** The node-wide settings the shared send path reads, merged by n8n into its own "Request Options". */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 2,
			description:
				'How often to retry a request that failed for a passing reason (server error, timeout, reset connection). Waits grow exponentially and follow the server\'s retry-after. Rate limits (429) are waited out up to Max Rate-Limit Wait instead; 0 retries nothing, rate limits included.',
		},
		{
			displayName: 'Max Rate-Limit Wait',
			name: 'maxRateLimitWait',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 1 },
			default: 10,
			description:
				'How many minutes one item may wait out rate limits (429) in all, from its first 429, before it fails. The node paces itself from the server\'s rate-limit headers, so most items never wait this long.',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 10,
			description:
				'The most items with a request in flight at once, across all items of the node. The node runs fewer while the server rate-limits it. For several workflows or queue-mode workers on one account, divide your limit between them.',
		},
	],
};

/** An operation's collection of optional settings ("Options", or e.g. "Update Fields"), each added by the user. */
export function collectionField(
	options: INodeProperties[],
	{ name = 'options', displayName = 'Options', placeholder = 'Add Option' }: { name?: string; displayName?: string; placeholder?: string } = {},
): INodeProperties {
	const sorted = [...options].sort((a, b) => compareLabels(a.displayName, b.displayName));
	return { displayName, name, type: 'collection', placeholder, default: {}, options: sorted };
}

/**
 * The node's subtitle: the display names of the operation and resource ("Complete: Chat"), as n8n's own nodes show
 * them, instead of their values. One flat lookup (no nested braces, which would end the {{ }} block early).
 */
export function subtitleExpression(properties: INodeProperties[]): string {
	const optionsOf = (property: INodeProperties) => (property.options ?? []) as INodePropertyOptions[];
	const resources = optionsOf(properties.find((property) => property.name === 'resource') as INodeProperties);
	const labels: Record<string, string> = {};
	for (const selector of properties.filter((property) => property.name === 'operation')) {
		const shownFor = (selector.displayOptions?.show?.resource ?? []) as string[];
		for (const resource of resources.filter((option) => shownFor.includes(String(option.value)))) {
			for (const operation of optionsOf(selector)) labels[`${resource.value}.${operation.value}`] = `${operation.name}: ${resource.name}`;
		}
	}
	const raw = '$parameter["operation"] + ": " + $parameter["resource"]';
	return `={{ (${JSON.stringify(labels)})[$parameter["resource"] + "." + $parameter["operation"]] || ${raw} }}`;
}
