import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

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

/**
 * The `metadata` field's value as the API takes it, checked against OpenAI's limits; `undefined`
 * when it has no pairs. A pair left wholly empty is skipped, a value without a key stops the item.
 */
export function metadataFrom(context: IExecuteSingleFunctions, value: unknown, field = 'Metadata'): Record<string, string> | undefined {
	const pairs = (value as { pair?: Array<{ key?: unknown; value?: unknown }> } | undefined)?.pair;
	if (!Array.isArray(pairs)) return undefined;
	const metadata: Record<string, string> = {};
	for (const pair of pairs) {
		const key = String(pair?.key ?? '').trim();
		const text = pair?.value === undefined || pair?.value === null ? '' : String(pair.value);
		if (!key && !text) continue;
		if (!key) fail(context, `${field}: the value "${text.slice(0, 20)}" has no key`);
		if (key.length > MAX_KEY) fail(context, `${field}: the key "${key.slice(0, 20)}..." is longer than ${MAX_KEY} characters`);
		if (text.length > MAX_VALUE) fail(context, `${field}: the value of "${key}" is longer than ${MAX_VALUE} characters`);
		if (key in metadata) fail(context, `${field}: key "${key}" is given twice`);
		metadata[key] = text;
	}
	const count = Object.keys(metadata).length;
	if (count > MAX_ENTRIES) fail(context, `${field}: at most ${MAX_ENTRIES} pairs are allowed, got ${count}`);
	return count ? metadata : undefined;
}

/** preSend: a metadata filter (the field at `parameter`) as OpenAI's lists read it, `metadata[key]=value`. */
export function metadataQuery(parameter = 'filters.metadata'): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const metadata = metadataFrom(this, this.getNodeParameter(parameter, {}));
		if (!metadata) return requestOptions;
		const qs = { ...(requestOptions.qs ?? {}) };
		for (const [key, value] of Object.entries(metadata)) qs[`metadata[${key}]`] = value;
		return { ...requestOptions, qs };
	};
}
