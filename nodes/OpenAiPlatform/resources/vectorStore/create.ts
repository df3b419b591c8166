import type { VectorStoreCreateParams } from 'openai/resources/vector-stores/vector-stores';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation } from '../../shared/fields';
import { withJsonBody } from '../../shared/body';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { fail, idList } from '../../shared/validation';
import { chunkingOptions, chunkingStrategyFrom, expiresAfterFrom, expiryOption } from './shared';

const MAX_FILES = 500;

interface CreateOptions {
	description?: string;
	expiresAfterDays?: number;
	fileIds?: unknown;
	metadata?: { pair?: Array<{ key?: string; value?: unknown }> };
	chunkingStrategy?: 'auto' | 'static';
	maxChunkSizeTokens?: number;
	chunkOverlapTokens?: number;
}

/** File IDs typed as "file-a, file-b" or given as a list by an expression. */
function fileIdsFrom(context: IExecuteSingleFunctions, value: unknown): string[] {
	if (Array.isArray(value) && value.some((entry) => typeof entry !== 'string' && typeof entry !== 'number')) {
		fail(context, 'File IDs: every entry of the list must be a file ID');
	}
	const ids = idList(value);
	if (ids.length > MAX_FILES) fail(context, `File IDs: ${ids.length} files given, a vector store takes at most ${MAX_FILES} at creation`);
	return ids;
}

/** preSend: the create body from the fields, checked against OpenAI's limits. */
async function buildCreateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const name = String(this.getNodeParameter('name', '') ?? '').trim();
	const options = this.getNodeParameter('options', {}) as CreateOptions;
	const fileIds = options.fileIds === undefined ? [] : fileIdsFrom(this, options.fileIds);
	const chunking = chunkingStrategyFrom(this, options);
	if (chunking && fileIds.length === 0) fail(this, 'Chunking Strategy: only applies to the files given in File IDs; add them or remove the chunking options');
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
	collectionField([
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
