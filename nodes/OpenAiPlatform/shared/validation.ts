import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';
import { NodeHelpers, NodeOperationError } from 'n8n-workflow';

/**
 * Checks run before sending. Every message starts with the field's display name, and the error
 * carries the item index, so a user knows what to fix where.
 */
export function fail(context: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), description });
}

/** The error `fail` throws, for callers that throw it themselves (e.g. from a callback): "<field>: <message>". */
export function fieldError(context: IExecuteSingleFunctions, field: string, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${field}: ${message}`, { itemIndex: context.getItemIndex(), description });
}

/** The value of a resource locator (or of a plain string, e.g. from an expression). */
export function locatorValue(raw: unknown): string {
	if (raw && typeof raw === 'object' && 'value' in raw) return String((raw as { value?: unknown }).value ?? '').trim();
	return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
}

/** IDs typed as "a, b" or one per line, or mapped as an array. */
export function idList(raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw.map((v) => String(v ?? '')) : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
	return parts.map((id) => id.trim()).filter(Boolean);
}

/** Parses a JSON field (it may already be parsed when set by an expression). */
export function jsonValue(context: IExecuteSingleFunctions, field: string, raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch (error) {
		return fail(context, `${field}: not valid JSON`, (error as Error).message);
	}
}

/** Parses a JSON field that must hold an object. */
export function jsonObject(context: IExecuteSingleFunctions, field: string, raw: unknown): IDataObject {
	const value = jsonValue(context, field, raw);
	if (!value || typeof value !== 'object' || Array.isArray(value)) fail(context, `${field}: must be a JSON object`);
	return value as IDataObject;
}

export function checkLength(context: IExecuteSingleFunctions, field: string, value: string | undefined, max: number): void {
	if (value !== undefined && value.length > max) fail(context, `${field}: at most ${max} characters are allowed, got ${value.length}`);
}

/**
 * Checks a number against the range its field declares (expressions bypass the field's own
 * limits); `undefined` when the field is empty. A numeric string from an expression is accepted.
 */
export function checkRange(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	min = -Infinity,
	max = Infinity,
	integer = false,
): number | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
	if (!Number.isFinite(number)) fail(context, `${field}: "${String(value)}" is not a number`);
	if (integer && !Number.isInteger(number)) fail(context, `${field}: must be a whole number, got ${number}`);
	if (number < min || number > max) {
		const range = min > -Infinity && max < Infinity ? `between ${min} and ${max}` : min > -Infinity ? `at least ${min}` : `at most ${max}`;
		fail(context, `${field}: must be ${range}, got ${number}`);
	}
	return number;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON field that may be left empty: `undefined` then, else its parsed value. */
export function optionalJson(context: IExecuteSingleFunctions, field: string, raw: unknown): unknown {
	if (typeof raw === 'string' && !raw.trim()) return undefined;
	return jsonValue(context, field, raw);
}

/** A text parameter that must not be blank (an expression may still make it so), returned as given. */
export function requiredText(context: IExecuteSingleFunctions, parameter: string, field: string): string {
	const value = context.getNodeParameter(parameter, '') as unknown;
	const text = value === undefined || value === null ? '' : String(value);
	if (!text.trim()) fail(context, `${field}: is empty`);
	return text;
}

/** A JSON field that may be left empty and must otherwise hold an object. */
export function optionalJsonObject(context: IExecuteSingleFunctions, field: string, raw: unknown): Record<string, unknown> | undefined {
	const value = optionalJson(context, field, raw);
	if (value === undefined) return undefined;
	if (!isPlainObject(value)) fail(context, `${field}: must be a JSON object`);
	return value;
}

/** "a, b\nc" -> ['a', 'b', 'c'] for entries that may contain spaces; an array (from an expression) is taken as it is. */
export function splitList(raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[\n,]/);
	return parts.map((part) => part.trim()).filter(Boolean);
}

function characterCount(text: string): number {
	let count = 0;
	for (const character of text) if (character) count++;
	return count;
}

/**
 * A text value, checked: not blank (unless optional) and no longer than `max` characters, counted
 * as the API counts them (code points). `limitNote` says whose limit it is, e.g. "of DALL-E 2".
 */
export function checkedText(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	{ max, required = true, limitNote }: { max?: number; required?: boolean; limitNote?: string } = {},
): string {
	const text = value === undefined || value === null ? '' : String(value);
	if (required && !text.trim()) fail(context, `${field}: is empty`);
	const length = max === undefined ? 0 : characterCount(text);
	if (max !== undefined && length > max) fail(context, `${field}: is ${length} characters long, over the ${max}-character limit${limitNote ? ` ${limitNote}` : ''}`);
	return text;
}

/** One of the allowed values, or an error listing them. */
export function checkedChoice<const T extends string>(context: IExecuteSingleFunctions, field: string, value: unknown, allowed: readonly T[], why = ''): T {
	const text = String(value);
	if (!(allowed as readonly string[]).includes(text)) fail(context, `${field}: "${text}" is not allowed${why ? ` ${why}` : ''}`, `Use one of: ${allowed.join(', ')}`);
	return text as T;
}

/** The id in the `model` resource locator (an expression may leave it blank). */
export function modelIdOf(context: IExecuteSingleFunctions, kind: string): string {
	const raw = context.getNodeParameter('model', '', { extractValue: true });
	checkModelId(context, 'Model', raw);
	const model = locatorValue(raw);
	if (!model) fail(context, `Model: choose ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} model`);
	return model;
}

type Described = INodeProperties | INodePropertyCollection;

/** Whether a field, or any field inside it, is a list of fixed options an expression could miss. */
function holdsOptions(field: Described): boolean {
	if ('type' in field && (field.type === 'options' || field.type === 'multiOptions')) return !field.typeOptions?.loadOptionsMethod;
	const children = ('values' in field ? field.values : 'options' in field ? field.options : undefined) ?? [];
	return (children as Described[]).some((child) => typeof child === 'object' && child !== null && ('values' in child || 'type' in child) && holdsOptions(child));
}

function shownFor(property: INodeProperties, key: 'resource' | 'operation', value: unknown): boolean {
	const shown = property.displayOptions?.show?.[key];
	return !Array.isArray(shown) || shown.includes(value as never);
}

const isExpression = (raw: unknown): boolean => typeof raw === 'string' && raw.startsWith('=');

/**
 * A preSend that checks every options field set by an expression against the field's own options,
 * for all operations from the node's description, nested fields (collections, fixed collections)
 * included: the editor checks a chosen value, but nothing checks what an expression returns, and a
 * value like purpose "bogus" would otherwise cost a request and a vaguer API error.
 */
export function enumeratedFieldsCheck(properties: INodeProperties[]): PreSendAction {
	const withOptions = properties.filter(holdsOptions);
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const node = this.getNode();
		const parameters = node.parameters;
		const check = (field: INodeProperties, path: string, raw: unknown, within?: string): void => {
			if (field.type === 'options' || field.type === 'multiOptions') {
				if (!isExpression(raw) || field.typeOptions?.loadOptionsMethod) return;
				const value = this.getNodeParameter(path, undefined) as unknown;
				if (value === undefined || value === null) return;
				const allowed = (field.options ?? []) as INodePropertyOptions[];
				const values = field.type === 'multiOptions' && Array.isArray(value) ? value : [value];
				for (const entry of values) {
					if (allowed.some((option) => option.value === entry || String(option.value) === String(entry))) continue;
					const shown = typeof entry === 'object' ? JSON.stringify(entry) : String(entry);
					fail(this, `${field.displayName}${within ? ` (in ${within})` : ''}: "${shown}" is not one of its options`, `Use one of: ${allowed.map((option) => String(option.value)).join(', ')}`);
				}
				return;
			}
			if (!isPlainObject(raw)) return;
			if (field.type === 'collection') {
				for (const child of (field.options ?? []) as INodeProperties[]) {
					if (child.name in raw) check(child, `${path}.${child.name}`, raw[child.name], field.displayName);
				}
			} else if (field.type === 'fixedCollection') {
				for (const group of (field.options ?? []) as INodePropertyCollection[]) {
					const entries = raw[group.name];
					if (entries === undefined || entries === null) continue;
					const list = field.typeOptions?.multipleValues && Array.isArray(entries) ? entries : [entries];
					list.forEach((entry, index) => {
						if (!isPlainObject(entry)) return;
						const at = field.typeOptions?.multipleValues && Array.isArray(entries) ? `${path}.${group.name}[${index}]` : `${path}.${group.name}`;
						for (const child of group.values) if (child.name in entry) check(child, `${at}.${child.name}`, entry[child.name], field.displayName);
					});
				}
			}
		};
		for (const property of withOptions) {
			if (!shownFor(property, 'resource', parameters.resource) || !shownFor(property, 'operation', parameters.operation)) continue;
			if (!(property.name in parameters) || !NodeHelpers.displayParameter(parameters, property, node, null)) continue;
			check(property, property.name, parameters[property.name]);
		}
		return requestOptions;
	};
}

/** A model ID with whitespace (a pasted "gpt-4.1 " or "gpt 4o") names no model: refused before sending. */
function checkModelId(context: IExecuteSingleFunctions, field: string, raw: unknown): void {
	const id = raw && typeof raw === 'object' && 'value' in raw ? (raw as { value?: unknown }).value : raw;
	if (typeof id === 'string' && /\s/.test(id)) fail(context, `${field}: ${JSON.stringify(id)} is not a model ID (it contains whitespace)`, 'Model IDs have no spaces, tabs or line breaks; remove them.');
}

const modelIdChecks = new Map<string, PreSendAction>();

/** preSend of a model field: the ID, however it was given, has no whitespace. One function per field, so identical fields stay identical. */
export function modelIdCheck(name: string, field: string): PreSendAction {
	const key = `${name}\n${field}`;
	let check = modelIdChecks.get(key);
	if (!check) {
		check = async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
			checkModelId(this, field, this.getNodeParameter(name, '', { extractValue: true }));
			return requestOptions;
		};
		modelIdChecks.set(key, check);
	}
	return check;
}
