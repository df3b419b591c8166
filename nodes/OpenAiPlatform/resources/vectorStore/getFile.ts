import { STORE_FILE_IDS, fileIdField, storeOperation, vectorStoreIdField } from './shared';

export const { operation: getFileOperation, fields: getFileFields } = storeOperation({
	value: 'getFile',
	name: 'Get File',
	action: 'Get a vector store file',
	description: "Get a file's processing status, size, attributes and chunking in a vector store",
	method: 'GET',
	path: '/vector_stores/{vectorStoreId}/files/{fileId}',
	ids: STORE_FILE_IDS,
	fields: [vectorStoreIdField('The vector store the file is in'), fileIdField('The file to describe')],
});
