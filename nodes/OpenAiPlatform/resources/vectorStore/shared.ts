import type { FileChunkingStrategyParam, VectorStoreCreateParams } from 'openai/resources/vector-stores/vector-stores';
import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { idLocatorField } from '../../shared/fields';
import { idField } from '../../shared/ids';
import type { OperationSpec } from '../../shared/operation';
import { defineOperation } from '../../shared/operation';
import { fail } from '../../shared/validation';

export function vectorStoreIdField(description: string): INodeProperties {
	return idLocatorField({
		name: 'vectorStoreId',
		displayName: 'Vector Store',
		searchListMethod: 'searchVectorStores',
		placeholder: 'e.g. vs_abc123',
		description,
	});
}

export function fileIdField(description: string): INodeProperties {
	return idLocatorField({
		name: 'fileId',
		displayName: 'File',
		searchListMethod: 'searchFiles',
		placeholder: 'e.g. file-abc123',
		description,
	});
}

/** Paths of the vector store operations, with the labels their ID errors use. */
export const STORE_IDS = { vectorStoreId: 'Vector Store' };
export const STORE_FILE_IDS = { vectorStoreId: 'Vector Store', fileId: 'File' };

/** Options-collection entries choosing how files are cut into chunks (create and addFile). */
export const chunkingOptions: INodeProperties[] = [
	{
		displayName: 'Chunk Overlap (Tokens)',
		name: 'chunkOverlapTokens',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 2048 },
		default: 400,
		description: 'Static chunking: tokens shared by neighbouring chunks, at most half the chunk size',
	},
	{
		displayName: 'Chunking Strategy',
		name: 'chunkingStrategy',
		type: 'options',
		default: 'auto',
		options: [
			{ name: 'Auto', value: 'auto', description: 'OpenAI chooses (800-token chunks, 400 overlap)' },
			{ name: 'Static', value: 'static', description: 'Use the chunk size and overlap given here' },
		],
		description: 'How files are cut into chunks before they are embedded',
	},
	{
		displayName: 'Max Chunk Size (Tokens)',
		name: 'maxChunkSizeTokens',
		type: 'number',
		typeOptions: { minValue: 100, maxValue: 4096 },
		default: 800,
		description: 'Static chunking: the largest chunk, from 100 to 4096 tokens',
	},
];

export interface ChunkingOptions {
	chunkingStrategy?: 'auto' | 'static';
	maxChunkSizeTokens?: number;
	chunkOverlapTokens?: number;
}

/** The chunking strategy from the options, checked; undefined when none is chosen. Sizes alone mean static. */
export function chunkingStrategyFrom(context: IExecuteSingleFunctions, options: ChunkingOptions): FileChunkingStrategyParam | undefined {
	const { maxChunkSizeTokens: size, chunkOverlapTokens: overlap } = options;
	const sized = size !== undefined || overlap !== undefined;
	const strategy = options.chunkingStrategy ?? (sized ? 'static' : undefined);
	if (strategy === undefined) return undefined;
	if (strategy === 'auto') {
		if (sized) fail(context, 'Chunking Strategy: chunk size and overlap only apply to the static strategy');
		return { type: 'auto' };
	}
	const maxTokens = size ?? 800;
	const overlapTokens = overlap ?? 400;
	if (!Number.isInteger(maxTokens) || maxTokens < 100 || maxTokens > 4096) {
		fail(context, `Max Chunk Size (Tokens): ${maxTokens} is not a whole number from 100 to 4096`);
	}
	if (!Number.isInteger(overlapTokens) || overlapTokens < 0 || overlapTokens > maxTokens / 2) {
		fail(context, `Chunk Overlap (Tokens): ${overlapTokens} is not a whole number from 0 to half the chunk size (${Math.floor(maxTokens / 2)})`);
	}
	return { type: 'static', static: { max_chunk_size_tokens: maxTokens, chunk_overlap_tokens: overlapTokens } };
}

export const expiryOption: INodeProperties = {
	displayName: 'Expires After',
	name: 'expiresAfterDays',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 365 },
	default: 30,
	description: 'Delete the vector store after it has not been used for this many days (1 to 365)',
};

/** The expiry policy from "Expires After", checked. */
export function expiresAfterFrom(
	context: IExecuteSingleFunctions,
	days: number | undefined,
): VectorStoreCreateParams.ExpiresAfter | undefined {
	if (days === undefined) return undefined;
	if (!Number.isInteger(days) || days < 1 || days > 365) fail(context, `Expires After: ${days} is not a whole number from 1 to 365`);
	return { anchor: 'last_active_at', days };
}

export type AttributeValue = string | number | boolean;

export interface AttributeOptions {
	attribute?: Array<{ key?: string; type?: 'string' | 'number' | 'boolean'; value?: unknown }>;
}

/** The file's attributes, typed and checked against OpenAI's limits (16 keys of up to 64 characters, texts up to 512). */
export function attributesFrom(context: IExecuteSingleFunctions, given: AttributeOptions | undefined): Record<string, AttributeValue> | undefined {
	const attributes: Record<string, AttributeValue> = {};
	for (const entry of given?.attribute ?? []) {
		const key = String(entry.key ?? '').trim();
		if (!key) fail(context, 'Attributes: an attribute has no key');
		if (key.length > 64) fail(context, `Attributes: key "${key.slice(0, 20)}…" is longer than 64 characters`);
		if (key in attributes) fail(context, `Attributes: key "${key}" is given twice`);
		const raw = entry.value;
		const text = typeof raw === 'string' ? raw.trim() : String(raw ?? '');
		if (entry.type === 'number') {
			const number = typeof raw === 'number' ? raw : Number(text);
			if (text === '' || !Number.isFinite(number)) fail(context, `Attributes: "${key}" is not a number`);
			attributes[key] = number;
		} else if (entry.type === 'boolean') {
			if (typeof raw !== 'boolean' && text !== 'true' && text !== 'false') fail(context, `Attributes: "${key}" is not true or false`);
			attributes[key] = raw === true || text === 'true';
		} else {
			const value = typeof raw === 'string' ? raw : String(raw ?? '');
			if (value.length > 512) fail(context, `Attributes: the value of "${key}" is longer than 512 characters`);
			attributes[key] = value;
		}
	}
	const count = Object.keys(attributes).length;
	if (count > 16) fail(context, `Attributes: ${count} given, at most 16 are allowed`);
	return count ? attributes : undefined;
}

/** The "Attributes" list (key, type, value) of a file in a vector store. */
export function attributesOption(description: string): INodeProperties {
	return {
		displayName: 'Attributes',
		name: 'attributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		description,
		options: [
			{
				name: 'attribute',
				displayName: 'Attribute',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Up to 64 characters' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'string',
						options: [
							{ name: 'Boolean', value: 'boolean' },
							{ name: 'Number', value: 'number' },
							{ name: 'String', value: 'string' },
						],
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Text up to 512 characters, a number, or true / false' },
				],
			},
		],
	};
}

/** The file batch of a vector store, by ID (batches have no list of their own to pick from). */
export const batchIdField: INodeProperties = idField({
	name: 'batchId',
	displayName: 'Batch',
	placeholder: 'e.g. vsfb_abc123',
	description: 'The file batch of the vector store: the ID (vsfb_...) the Add Files operation returned',
});

export const STORE_BATCH_IDS = { vectorStoreId: 'Vector Store', batchId: 'Batch' };

/** An operation of this resource (`defineOperation` scoped to vectorStore). */
export const storeOperation = (spec: OperationSpec) => defineOperation('vectorStore', spec);

/** "Status": only files with this processing status (listFiles and listFileBatchFiles). */
export const fileStatusFilter: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	default: 'completed',
	description: 'Only files with this processing status',
	options: [
		{ name: 'Cancelled', value: 'cancelled' },
		{ name: 'Completed', value: 'completed' },
		{ name: 'Failed', value: 'failed' },
		{ name: 'In Progress', value: 'in_progress' },
	],
	routing: { send: { type: 'query', property: 'filter' } },
};
