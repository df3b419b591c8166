import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { fail } from './validation';

const MAX_ENTRIES = 16;
const MAX_KEY = 64;
const MAX_VALUE = 512;

/** Key-value metadata as OpenAI stores it on responses, conversations, vector stores, batches, ... */
export function metadataField(description = 'Up to 16 key-value pairs stored with the object (keys up to 64 characters, values up to 512)'): INodeProperties {
	return {
		displayName: 'Metadata',
		name: 'metadata',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Metadata',
		default: {},
		description,
		options: [
			{
				name: 'entries',
				displayName: 'Entry',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/**
 * The `metadata` field's value as the API takes it, checked against OpenAI's limits. Entries with
 * an empty key are skipped; `undefined` when there are none.
 */
export function metadataFrom(context: IExecuteSingleFunctions, value: unknown, field = 'Metadata'): Record<string, string> | undefined {
	const entries = (value as { entries?: Array<{ key?: unknown; value?: unknown }> } | undefined)?.entries;
	if (!Array.isArray(entries)) return undefined;
	const metadata: Record<string, string> = {};
	for (const entry of entries) {
		const key = String(entry?.key ?? '').trim();
		if (!key) continue;
		const text = entry?.value === undefined || entry?.value === null ? '' : String(entry.value);
		if (key.length > MAX_KEY) fail(context, `${field}: key "${key.slice(0, 20)}..." is longer than ${MAX_KEY} characters`);
		if (text.length > MAX_VALUE) fail(context, `${field}: the value of "${key}" is longer than ${MAX_VALUE} characters`);
		if (key in metadata) fail(context, `${field}: key "${key}" is given twice`);
		metadata[key] = text;
	}
	const count = Object.keys(metadata).length;
	if (count > MAX_ENTRIES) fail(context, `${field}: ${count} entries, at most ${MAX_ENTRIES} are allowed`);
	return count ? metadata : undefined;
}
