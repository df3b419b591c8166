import type { FileCreateParams } from 'openai/resources/vector-stores/files';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation } from '../../shared/fields';
import { idOf, pathWithIds } from '../../shared/ids';
import type { AttributeOptions, ChunkingOptions } from './shared';
import { STORE_IDS, attributesFrom, attributesOption, chunkingOptions, chunkingStrategyFrom, fileIdField, vectorStoreIdField } from './shared';

/** The chunking choices and the file's attributes (addFile and addFiles). */
export interface AddFileOptions extends ChunkingOptions {
	attributes?: AttributeOptions;
}

/** preSend: file ID, attributes and chunking strategy, checked. */
async function buildAddFileBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('options', {}) as AddFileOptions;
	const attributes = attributesFrom(this, options.attributes);
	const chunking = chunkingStrategyFrom(this, options);
	const body: FileCreateParams = {
		file_id: idOf(this, 'fileId', 'File'),
		...(attributes ? { attributes } : {}),
		...(chunking ? { chunking_strategy: chunking } : {}),
	};
	return { ...requestOptions, body: body as unknown as IDataObject };
}

export const addFileOperation: INodePropertyOptions = {
	name: 'Add File',
	value: 'addFile',
	action: 'Add a file to a vector store',
	description: 'Add an uploaded file to a vector store, with attributes to filter searches by',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [pathWithIds('/vector_stores/{vectorStoreId}/files', STORE_IDS), buildAddFileBody] },
	},
};

export const addFileFields: INodeProperties[] = forOperation('vectorStore', 'addFile', [
	vectorStoreIdField('The vector store to add the file to'),
	fileIdField('An uploaded file (purpose "assistants" or "user_data")'),
	collectionField([
		attributesOption('Up to 16 key-value pairs stored with the file; searches can filter by them'),
		...chunkingOptions,
	]),
]);
