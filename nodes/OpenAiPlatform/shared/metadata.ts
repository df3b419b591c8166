import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const MAX_PAIRS = 16;
const MAX_KEY = 64;
const MAX_VALUE = 512;

/** "Metadata": up to 16 key-value pairs stored with an object (batch, vector store, fine-tuning job, ...). */
export function metadataField(description = 'Up to 16 key-value pairs stored with the object, e.g. to find it again later'): INodeProperties {
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
					{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Up to 64 characters' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Up to 512 characters' },
				],
			},
		],
	};
}

/**
 * The metadata map from a `metadataField` value, checked against OpenAI's limits; undefined when
 * no pair is filled in. `label` names the field in errors.
 */
export function metadataFrom(
	context: IExecuteSingleFunctions,
	value: unknown,
	label = 'Metadata',
): Record<string, string> | undefined {
	const pairs = (value as { pair?: Array<{ key?: unknown; value?: unknown }> } | undefined)?.pair ?? [];
	const fail = (problem: string): never => {
		throw new NodeOperationError(context.getNode(), `${label}: ${problem}`, { itemIndex: context.getItemIndex() });
	};
	const metadata: Record<string, string> = {};
	for (const pair of pairs) {
		const key = String(pair.key ?? '').trim();
		const text = pair.value === undefined || pair.value === null ? '' : String(pair.value);
		if (!key) {
			if (text) fail(`the pair with value "${text.slice(0, 40)}" has no key`);
			continue;
		}
		if (key.length > MAX_KEY) fail(`the key "${key.slice(0, 20)}…" is longer than ${MAX_KEY} characters`);
		if (text.length > MAX_VALUE) fail(`the value of "${key}" is longer than ${MAX_VALUE} characters`);
		if (key in metadata) fail(`the key "${key}" is given twice`);
		metadata[key] = text;
	}
	const count = Object.keys(metadata).length;
	if (count > MAX_PAIRS) fail(`at most ${MAX_PAIRS} pairs are allowed, got ${count}`);
	return count ? metadata : undefined;
}
