import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A problem with one field, found before sending: the message starts with the field's display name. */
export function fieldError(context: IExecuteSingleFunctions, field: string, problem: string, description?: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${field}: ${problem}`, {
		itemIndex: context.getItemIndex(),
		...(description ? { description } : {}),
	});
}

/** A number field's value, checked against its range (fields may hold expressions, so the UI's min/max is not enough). */
export function checkedNumber(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	{ min, max, integer = false }: { min: number; max: number; integer?: boolean },
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) throw fieldError(context, field, `"${String(value)}" is not a number`);
	if (integer && !Number.isInteger(number)) throw fieldError(context, field, `must be a whole number, got ${number}`);
	if (number < min || number > max) throw fieldError(context, field, `must be between ${min} and ${max}, got ${number}`);
	return number;
}

/** Length in characters (code points), as the API counts them. */
export function characterCount(text: string): number {
	let count = 0;
	for (const _ of text) count++;
	return count;
}

/** A required text field: present, and no longer than the limit. */
export function checkedText(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	{ max, required = true, limitNote }: { max?: number; required?: boolean; limitNote?: string } = {},
): string {
	const text = value === undefined || value === null ? '' : String(value);
	if (required && text.trim() === '') throw fieldError(context, field, 'is empty');
	if (max !== undefined) {
		const length = characterCount(text);
		if (length > max) throw fieldError(context, field, `is ${length} characters long, over the ${max}-character limit${limitNote ? ` ${limitNote}` : ''}`);
	}
	return text;
}

/** One of the allowed values, or a clear error listing them. */
export function checkedChoice<const T extends string>(context: IExecuteSingleFunctions, field: string, value: unknown, allowed: readonly T[], why = ''): T {
	const text = String(value);
	if (!(allowed as readonly string[]).includes(text)) {
		throw fieldError(context, field, `"${text}" is not allowed${why ? ` ${why}` : ''}`, `Use one of: ${allowed.join(', ')}`);
	}
	return text as T;
}

/** The id of the model a resource locator named `model` holds, or a clear error when it is empty. */
export function modelIdOf(context: IExecuteSingleFunctions, kind: string): string {
	const model = String(context.getNodeParameter('model', '', { extractValue: true }) ?? '').trim();
	if (!model) throw fieldError(context, 'Model', `choose ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} model`);
	return model;
}
