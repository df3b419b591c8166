import type { VectorStoreCreateParams } from 'openai/resources/vector-stores/vector-stores';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, optionsCollection } from '../../shared/fields';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { failItem, withJsonBody } from '../../shared/params';
import { chunkingOptions, chunkingStrategyFrom, expiresAfterFrom, expiryOption } from './shared';

const MAX_FILES = 500;

interface CreateOptions {
	description?: string;
	expiresAfterDays?: number;
	fileIds?: unknown;
	metadata?: unknown;
	chunkingStrategy?: 'auto' | 'static';
	maxChunkSizeTokens?: number;
	chunkOverlapTokens?: number;
}

/** File IDs typed as "file-a, file-b" or given as a list by an expression. */
function fileIdsFrom(context: IExecuteSingleFunctions, value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(/[,\s]+/);
	const ids = entries.map((entry) => (typeof entry === 'string' || typeof entry === 'number' ? String(entry).trim() : '')).filter(Boolean);
	if (Array.isArray(value) && ids.length !== value.length) failItem(context, 'File IDs: every entry of the list must be a file ID');
	if (ids.length > MAX_FILES) failItem(context, `File IDs: ${ids.length} files given, a vector store takes at most ${MAX_FILES} at creation`);
	return ids;
}

/** preSend: the create body from the fields, checked against OpenAI's limits. */
async function buildCreateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const name = String(this.getNodeParameter('name', '') ?? '').trim();
	const options = this.getNodeParameter('options', {}) as CreateOptions;
	const fileIds = options.fileIds === undefined ? [] : fileIdsFrom(this, options.fileIds);
	const chunking = chunkingStrategyFrom(this, options);
	if (chunking && fileIds.length === 0) failItem(this, 'Chunking Strategy: only applies to the files given in File IDs; add them or remove the chunking options');
	const expiresAfter = expiresAfterFrom(this, options.expiresAfterDays);
	const metadata = metadataFrom(this, options.metadata);
	const description = options.description?.trim();
	const body: VectorStoreCreateParams = {
		...(name ? { name } : {}),
		...(description ? { description } : {}),
		...(fileIds.length ? { file_ids: fileIds } : {}),
		...(chunking ? { chunking_strategy: chunking } : {}),
		...(expiresAfter ? { expires_after: expiresAfter } : {}),
		...(metadata ? { metadata } : {}),
	};
	return withJsonBody(requestOptions, body);
}

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a vector store',
	description: 'Create a vector store for file search, optionally with files',
	routing: {
		request: { method: 'POST', url: '/vector_stores' },
		send: { preSend: [buildCreateBody] },
	},
};

export const createFields: INodeProperties[] = forOperation('vectorStore', 'create', [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Support articles',
		description: 'Name of the vector store',
	},
	optionsCollection([
		...chunkingOptions,
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: "What the vector store is for, e.g. to tell several apart",
		},
		expiryOption,
		{
			displayName: 'File IDs',
			name: 'fileIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. file-abc123, file-def456',
			description: 'Files to add, separated by commas (up to 500), or a list from an expression',
		},
		metadataField('Up to 16 key-value pairs stored with the vector store'),
	]),
]);
