import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { fieldError } from './params';

/** OpenAI's limits for `metadata` on every object that takes it. */
const MAX_PAIRS = 16;
const MAX_KEY_LENGTH = 64;
const MAX_VALUE_LENGTH = 512;

/** "Metadata": key-value pairs stored on the object (fine-tuning jobs, batches, vector stores, ...). */
export function metadataField(description = 'Up to 16 key-value pairs stored on the object, for your own lookups and filters'): INodeProperties {
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
				name: 'entry',
				displayName: 'Entry',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Up to 64 characters' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Up to 512 characters' },
				],
			},
		],
	};
}

/**
 * Reads a `metadataField` (by its parameter path, e.g. "options.metadata") as OpenAI's metadata
 * object, checking OpenAI's limits first. Undefined when no entry is filled in.
 */
export function metadataFrom(
	context: IExecuteSingleFunctions,
	parameterPath: string,
	label = 'Metadata',
): Record<string, string> | undefined {
	const raw = context.getNodeParameter(parameterPath, {}) as { entry?: Array<{ key?: unknown; value?: unknown }> };
	const entries = (raw?.entry ?? []).filter((entry) => String(entry.key ?? '').trim() !== '');
	if (!entries.length) return undefined;
	const fail = (message: string): never => {
		throw fieldError(context, label, message);
	};
	if (entries.length > MAX_PAIRS) fail(`at most ${MAX_PAIRS} entries are allowed, got ${entries.length}`);
	const metadata: Record<string, string> = {};
	for (const entry of entries) {
		const key = String(entry.key).trim();
		const value = entry.value === undefined || entry.value === null ? '' : String(entry.value);
		if (key.length > MAX_KEY_LENGTH) fail(`key "${key.slice(0, 20)}…" is longer than ${MAX_KEY_LENGTH} characters`);
		if (value.length > MAX_VALUE_LENGTH) fail(`the value of "${key}" is longer than ${MAX_VALUE_LENGTH} characters`);
		if (key in metadata) fail(`key "${key}" appears twice`);
		metadata[key] = value;
	}
	return metadata;
}
