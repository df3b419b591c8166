import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
	const model = locatorValue(context.getNodeParameter('model', '', { extractValue: true }));
	if (!model) fail(context, `Model: choose ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} model`);
	return model;
}
