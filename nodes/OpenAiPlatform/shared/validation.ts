import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A run-time check failed: the message starts with the field's display name, so users know what to fix. */
export function fieldError(
	context: IExecuteSingleFunctions,
	field: string,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${field}: ${problem}`, {
		itemIndex: context.getItemIndex(),
		...(description ? { description } : {}),
	});
}

/**
 * The value of a JSON field: n8n hands over the text the user typed, or the object an expression
 * produced. Empty text gives `undefined`.
 */
export function parseJsonField(context: IExecuteSingleFunctions, field: string, raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	if (!raw.trim()) return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		throw fieldError(context, field, 'not valid JSON', (error as Error).message);
	}
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text parameter that must not be blank (an expression may still make it so), as given (not trimmed). */
export function requiredText(context: IExecuteSingleFunctions, parameter: string, field: string): string {
	const value = context.getNodeParameter(parameter, '') as unknown;
	const text = value === undefined || value === null ? '' : String(value);
	if (!text.trim()) throw fieldError(context, field, 'is empty');
	return text;
}
