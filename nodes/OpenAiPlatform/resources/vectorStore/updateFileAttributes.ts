import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { AttributeOptions } from './shared';
import { STORE_FILE_IDS, attributesFrom, attributesOption, fileIdField, storeOperation, vectorStoreIdField } from './shared';

/** preSend: the new attributes, checked; none given clears them (`null`). */
async function buildAttributesBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const attributes = attributesFrom(this, this.getNodeParameter('attributes', {}) as AttributeOptions) ?? null;
	return { ...requestOptions, body: { attributes } as IDataObject };
}

export const { operation: updateFileAttributesOperation, fields: updateFileAttributesFields } = storeOperation({
	value: 'updateFileAttributes',
	name: 'Update File Attributes',
	action: 'Update the attributes of a file in a vector store',
	description: 'Replace the attributes searches filter by; none given removes them all',
	method: 'POST',
	path: '/vector_stores/{vectorStoreId}/files/{fileId}',
	ids: STORE_FILE_IDS,
	preSend: [buildAttributesBody],
	fields: [
		vectorStoreIdField('The vector store the file is in'),
		fileIdField('The file whose attributes to replace'),
		attributesOption('Up to 16 key-value pairs; they replace all attributes of the file. None removes them.'),
	],
});
