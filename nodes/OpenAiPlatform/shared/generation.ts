import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	END_USER_DESCRIPTION,
	END_USER_LABEL,
	MAX_TOKENS_DESCRIPTION,
	MAX_TOKENS_LABEL,
	NUMBER_OF_RESULTS_DESCRIPTION,
	OTHER_PARAMETERS_LABEL,
	TEMPERATURE_DESCRIPTION,
	TEMPERATURE_LABEL,
} from './concepts';
import { compareLabels } from './labels';
import { metadataField, metadataFrom } from './metadata';
import { reasoningEffortField, serviceTierField } from './sampling';
import { checkRange, fail, isPlainObject } from './validation';

/**
 * The text-generation options chat completions and legacy completions share (and responses may):
 * each is one field of an operation's "Options" collection, mapped to the request body by
 * `applyGenerationOptions`, which checks at run time what the field's min/max check in the editor.
 */
export type GenerationOptionName =
	| 'frequencyPenalty'
	| 'logitBias'
	| 'maxTokens'
	| 'metadata'
	| 'n'
	| 'otherParameters'
	| 'presencePenalty'
	| 'reasoningEffort'
	| 'sanitizeText'
	| 'seed'
	| 'serviceTier'
	| 'stop'
	| 'store'
	| 'temperature'
	| 'topP'
	| 'user';

export interface NumberRule {
	displayName: string;
	property: string;
	min?: number;
	max?: number;
	integer?: boolean;
	default: number;
	description: string;
}

const REASONING_NOTE = '. Not sent to reasoning models (o-series, GPT-5), which reject it.';

/** Options reasoning models reject, whose descriptions say so where reasoning models can be picked. */
const REJECTED_BY_REASONING_MODELS = new Set<GenerationOptionName>(['frequencyPenalty', 'logitBias', 'presencePenalty', 'stop', 'temperature', 'topP']);

const NUMBER_RULES: Partial<Record<GenerationOptionName, NumberRule>> = {
	frequencyPenalty: {
		displayName: 'Frequency Penalty',
		property: 'frequency_penalty',
		min: -2,
		max: 2,
		default: 0,
		description: 'Positive values penalize tokens by how often they already appear, so the model repeats itself less (-2 to 2)',
	},
	maxTokens: {
		displayName: MAX_TOKENS_LABEL,
		property: 'max_completion_tokens',
		min: 1,
		integer: true,
		default: 1024,
		description: MAX_TOKENS_DESCRIPTION,
	},
	n: {
		displayName: 'Number of Results',
		property: 'n',
		min: 1,
		max: 128,
		integer: true,
		default: 1,
		description: NUMBER_OF_RESULTS_DESCRIPTION,
	},
	presencePenalty: {
		displayName: 'Presence Penalty',
		property: 'presence_penalty',
		min: -2,
		max: 2,
		default: 0,
		description: 'Positive values penalize tokens that already appeared, so the model moves on to new topics (-2 to 2)',
	},
	seed: {
		displayName: 'Seed',
		property: 'seed',
		integer: true,
		default: 0,
		description: 'Best-effort determinism: repeated requests with the same seed and parameters should return the same result',
	},
	temperature: {
		displayName: TEMPERATURE_LABEL,
		property: 'temperature',
		min: 0,
		max: 2,
		default: 1,
		description: `${TEMPERATURE_DESCRIPTION} (0 to 2)`,
	},
	topP: {
		displayName: 'Top P',
		property: 'top_p',
		min: 0,
		max: 1,
		default: 1,
		description: 'Nucleus sampling: only tokens within this probability mass are considered, so 0.1 means the top 10% (0 to 1)',
	},
};

export function numberField(name: string, rule: NumberRule): INodeProperties {
	const field: INodeProperties = {
		displayName: rule.displayName,
		name,
		type: 'number',
		default: 0,
		typeOptions: {
			...(rule.min !== undefined ? { minValue: rule.min } : {}),
			...(rule.max !== undefined ? { maxValue: rule.max } : {}),
			...(rule.integer ? {} : { numberPrecision: 2 }),
		},
		description: rule.description,
	};
	field.default = rule.default;
	return field;
}

const OTHER_FIELDS: Partial<Record<GenerationOptionName, INodeProperties>> = {
	logitBias: {
		displayName: 'Token Probability (Logit Bias)',
		name: 'logitBias',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Token',
		default: {},
		description: 'Make tokens more or less likely: -100 bans a token, 100 makes it (nearly) certain',
		options: [
			{
				name: 'bias',
				displayName: 'Token',
				values: [
					{
						displayName: 'Token ID',
						name: 'id',
						type: 'string',
						default: '',
						placeholder: 'e.g. 50256',
						description: "The token's ID in the model's tokenizer (see platform.openai.com/tokenizer)",
					},
					{
						displayName: 'Probability',
						name: 'probability',
						type: 'number',
						typeOptions: { minValue: -100, maxValue: 100 },
						default: 0,
						description: 'Bias from -100 to 100 added to the token before sampling',
					},
				],
			},
		],
	},
	metadata: metadataField('Up to 16 key-value pairs stored with the completion (keys up to 64 characters, values up to 512)'),
	otherParameters: {
		displayName: OTHER_PARAMETERS_LABEL,
		name: 'otherParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		description: 'Body parameters this node has no field for, e.g. one newer than the node: sent as given, merged into the request last',
		options: [
			{
				name: 'parameter',
				displayName: 'Parameter',
				values: [
					{ displayName: 'Parameter Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. prompt_cache_key' },
					{
						displayName: 'Input Type',
						name: 'type',
						type: 'options',
						default: 'string',
						options: [
							{ name: 'Boolean', value: 'boolean' },
							{ name: 'JSON', value: 'json' },
							{ name: 'Number', value: 'number' },
							{ name: 'String', value: 'string' },
						],
					},
					{ displayName: 'Parameter Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	reasoningEffort: reasoningEffortField(
		'For reasoning models: how much they think before answering. Lower is faster and cheaper. Not every model supports every level.',
	),
	sanitizeText: {
		displayName: 'Sanitize Text',
		name: 'sanitizeText',
		type: 'boolean',
		default: false,
		description: 'Whether to strip control characters and collapse whitespace (including line breaks) in the generated text',
	},
	serviceTier: serviceTierField(),
	stop: {
		displayName: 'Stop Sequences',
		name: 'stop',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Stop Sequence' },
		default: [],
		description: 'Up to 4 sequences where the model stops generating; they are not part of the reply',
	},
	store: {
		displayName: 'Store',
		name: 'store',
		type: 'boolean',
		default: false,
		description: 'Whether OpenAI stores the completion for evals and distillation (it then shows in the dashboard)',
	},
	user: {
		displayName: END_USER_LABEL,
		name: 'user',
		type: 'string',
		default: '',
		placeholder: 'e.g. user-1234',
		description: END_USER_DESCRIPTION,
	},
};

/** The "Prompt" text field of the operations that take one. */
export function promptField(override: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		...override,
	} as INodeProperties;
}

/** One field of an "Options" collection, with the operation's own default or description if given. */
export function generationOptionField(
	name: GenerationOptionName,
	override: Partial<INodeProperties> = {},
	reasoningNote = true,
): INodeProperties {
	const rule = NUMBER_RULES[name];
	const field = (rule ? numberField(name, rule) : OTHER_FIELDS[name]) as INodeProperties;
	const note = reasoningNote && REJECTED_BY_REASONING_MODELS.has(name) ? REASONING_NOTE : '';
	return { ...field, description: `${field.description ?? ''}${note}`, ...override } as INodeProperties;
}

/** The "Options" collection of an operation: the shared options it takes plus its own, sorted by name. */
export function optionsCollection(
	names: GenerationOptionName[],
	{
		extra = [],
		overrides = {},
		reasoningNotes = true,
	}: {
		extra?: INodeProperties[];
		overrides?: Partial<Record<GenerationOptionName, Partial<INodeProperties>>>;
		/** Whether descriptions say which options reasoning models do not get (not for legacy completions). */
		reasoningNotes?: boolean;
	} = {},
): INodeProperties {
	const options = [...names.map((name) => generationOptionField(name, overrides[name], reasoningNotes)), ...extra];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: options.sort((a, b) => compareLabels(a.displayName, b.displayName)),
	};
}

/** A number option, checked against its rule; a blank value is refused like any other non-number. */
export function checkedNumber(context: IExecuteSingleFunctions, rule: NumberRule, raw: unknown): number {
	const value = checkRange(context, rule.displayName, raw, rule.min, rule.max, rule.integer);
	if (value === undefined) fail(context, `${rule.displayName}: "${String(raw ?? '')}" is not a number`);
	return value;
}

interface Entries<T> {
	[key: string]: T[] | undefined;
}

function entriesOf<T>(collection: unknown, key: string): T[] {
	const list = (collection as Entries<T> | undefined)?.[key];
	return Array.isArray(list) ? list : [];
}

function logitBiasOf(context: IExecuteSingleFunctions, collection: unknown): IDataObject | undefined {
	const field = 'Token Probability (Logit Bias)';
	const bias: IDataObject = {};
	for (const { id: tokenId, probability } of entriesOf<{ id?: unknown; probability?: unknown }>(collection, 'bias')) {
		const id = String(tokenId ?? '').trim();
		if (!/^\d+$/.test(id)) fail(context, `${field}: "${id}" is not a token ID (a whole number from the model's tokenizer)`);
		const value = Number(probability ?? 0);
		if (!Number.isInteger(value) || value < -100 || value > 100) {
			fail(context, `${field}: the probability of token ${id} must be a whole number between -100 and 100 (got ${String(probability)})`);
		}
		bias[id] = value;
	}
	return Object.keys(bias).length ? bias : undefined;
}

function stopOf(context: IExecuteSingleFunctions, raw: unknown): string[] | undefined {
	const list = (Array.isArray(raw) ? raw : [raw]).filter((s) => s !== undefined && s !== null && s !== '').map(String);
	if (list.length > 4) fail(context, `Stop Sequences: at most 4 are allowed (got ${list.length})`);
	return list.length ? list : undefined;
}

/** "Additional Body Parameters": name, type and value of any body parameter, parsed by type. */
export function otherParametersOf(context: IExecuteSingleFunctions, collection: unknown): IDataObject {
	const field = OTHER_PARAMETERS_LABEL;
	const body: IDataObject = {};
	for (const { name, type, value } of entriesOf<{ name?: unknown; type?: string; value?: unknown }>(collection, 'parameter')) {
		const key = String(name ?? '').trim();
		if (!key) fail(context, `${field}: every parameter needs a name`);
		const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
		switch (type) {
			case 'number': {
				const number = Number(text);
				if (text.trim() === '' || !Number.isFinite(number)) fail(context, `${field}: "${key}" is not a number`);
				body[key] = number;
				break;
			}
			case 'boolean': {
				const lower = text.trim().toLowerCase();
				if (lower !== 'true' && lower !== 'false') fail(context, `${field}: "${key}" must be true or false`);
				body[key] = lower === 'true';
				break;
			}
			case 'json':
				try {
					body[key] = (typeof value === 'string' ? JSON.parse(value) : value) as IDataObject;
				} catch (error) {
					fail(context, `${field}: "${key}" is not valid JSON`, (error as Error).message);
				}
				break;
			default:
				body[key] = text;
		}
	}
	return body;
}

/**
 * Maps the shared options of an operation's "Options" collection into the body, checking ranges.
 * Options an operation handles itself are left alone; "Additional Body Parameters" are merged by the
 * caller last, with `otherParametersOf`.
 */
export function applyGenerationOptions(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	options: IDataObject,
	{ maxTokensProperty = 'max_completion_tokens' }: { maxTokensProperty?: string } = {},
): void {
	for (const [name, raw] of Object.entries(options)) {
		const rule = NUMBER_RULES[name as GenerationOptionName];
		if (rule) {
			if (raw === undefined || raw === null || raw === '') continue;
			body[name === 'maxTokens' ? maxTokensProperty : rule.property] = checkedNumber(context, rule, raw);
			continue;
		}
		switch (name as GenerationOptionName) {
			case 'logitBias': {
				const bias = logitBiasOf(context, raw);
				if (bias) body.logit_bias = bias;
				break;
			}
			case 'stop': {
				const stop = stopOf(context, raw);
				if (stop) body.stop = stop;
				break;
			}
			case 'metadata': {
				const metadata = metadataFrom(context, raw);
				if (metadata) body.metadata = metadata;
				break;
			}
			case 'user':
				if (raw) body.user = String(raw);
				break;
			case 'reasoningEffort':
				if (raw) body.reasoning_effort = String(raw);
				break;
			case 'serviceTier':
				if (raw) body.service_tier = String(raw);
				break;
			case 'store':
				body.store = Boolean(raw);
				break;
			default:
				// Handled elsewhere: sanitizeText (output), otherParameters (merged last), operation-specific options.
				break;
		}
	}
}

/** "Sanitize Text": no control characters, every run of whitespace one space. */
export function sanitizeText(text: string): string {
	return text
		// eslint-disable-next-line no-control-regex -- removing control characters is what this does
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\uFEFF]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Reads the "Options" collection as an object whatever n8n handed over. */
export function optionsOf(context: IExecuteSingleFunctions): IDataObject {
	const options = context.getNodeParameter('options', {}) as unknown;
	return isPlainObject(options) ? (options as IDataObject) : {};
}

/** An error about the reply (not about a field), for the item being processed. */
export function replyError(context: IExecuteSingleFunctions, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), ...(description ? { description } : {}) });
}

/** The choices of a reply; a reply without any is an error, as nothing was generated. */
export function choicesOf(context: IExecuteSingleFunctions, reply: IDataObject): IDataObject[] {
	const choices = Array.isArray(reply.choices) ? reply.choices.filter(isPlainObject) : [];
	if (!choices.length) {
		throw replyError(context, 'The reply contains no generated message', 'The server answered without any choice. Try again, or check that the model supports this endpoint.');
	}
	return choices as IDataObject[];
}

/** Reply hook factory: "Simplify Output" on gives `simplify(context, reply)`, off the raw reply. */
export function whenSimplified(simplify: (context: IExecuteSingleFunctions, reply: IDataObject) => IDataObject) {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
		return items.map((item) => ({ ...item, json: simplify(this, isPlainObject(item.json) ? item.json : {}) }));
	};
}

