import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Checks run before sending. Every message starts with the field's display name, and the error
 * carries the item index, so a user knows what to fix where.
 */
export function fail(context: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), description });
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

export function checkRange(context: IExecuteSingleFunctions, field: string, value: number | undefined, min: number, max: number): void {
	if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) {
		fail(context, `${field}: must be between ${min} and ${max}, got ${String(value)}`);
	}
}

/** OpenAI's metadata: up to 16 pairs, keys up to 64 characters, values up to 512. */
export function metadataField(description: string): INodeProperties {
	return {
		displayName: 'Metadata',
		name: 'metadata',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Pair',
		default: {},
		description,
		options: [
			{
				name: 'pair',
				displayName: 'Pair',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

export function metadataFrom(context: IExecuteSingleFunctions, raw: { pair?: Array<{ key?: string; value?: unknown }> } | undefined): Record<string, string> {
	const pairs = raw?.pair ?? [];
	if (pairs.length > 16) fail(context, `Metadata: at most 16 pairs are allowed, got ${pairs.length}`);
	const metadata: Record<string, string> = {};
	for (const { key = '', value } of pairs) {
		const text = value === undefined || value === null ? '' : String(value);
		if (!key) fail(context, 'Metadata: a key is empty');
		if (key.length > 64) fail(context, `Metadata: the key "${key.slice(0, 20)}…" is longer than 64 characters`);
		if (text.length > 512) fail(context, `Metadata: the value of "${key}" is longer than 512 characters`);
		if (key in metadata) fail(context, `Metadata: the key "${key}" is given twice`);
		metadata[key] = text;
	}
	return metadata;
}
