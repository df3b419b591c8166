import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Stops the item before anything is sent; `message` starts with the field's display name. */
export function fail(context: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, {
		itemIndex: context.getItemIndex(),
		...(description ? { description } : {}),
	});
}

/**
 * A JSON field's value: n8n hands over a string, or the object itself when an expression built it.
 * Empty text gives `undefined`.
 */
export function parseJsonValue(context: IExecuteSingleFunctions, raw: unknown, field: string): unknown {
	if (typeof raw !== 'string') return raw;
	if (!raw.trim()) return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		return fail(context, `${field}: not valid JSON`, (error as Error).message);
	}
}

/** Like `parseJsonValue`, but the value must be a JSON object. */
export function parseJsonObject(context: IExecuteSingleFunctions, raw: unknown, field: string): Record<string, unknown> | undefined {
	const value = parseJsonValue(context, raw, field);
	if (value === undefined) return undefined;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(context, `${field}: must be a JSON object`);
	return value as Record<string, unknown>;
}

/** Like `parseJsonValue`, but the value must be a JSON array. */
export function parseJsonArray(context: IExecuteSingleFunctions, raw: unknown, field: string): unknown[] | undefined {
	const value = parseJsonValue(context, raw, field);
	if (value === undefined) return undefined;
	if (!Array.isArray(value)) fail(context, `${field}: must be a JSON array`);
	return value;
}

/** "a, b\nc" -> ['a', 'b', 'c']; an array (from an expression) is taken as it is. */
export function splitList(raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[\n,]/);
	return parts.map((part) => part.trim()).filter(Boolean);
}

/** Checks a number option against the range its field declares (expressions bypass the field's own limits). */
export function checkRange(
	context: IExecuteSingleFunctions,
	value: unknown,
	field: string,
	min: number,
	max = Infinity,
	integer = false,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	if (!Number.isFinite(number) || number < min || number > max || (integer && !Number.isInteger(number))) {
		const range = max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
		fail(context, `${field}: must be ${integer ? 'a whole number ' : ''}${range} (got ${String(value)})`);
	}
	return number;
}
