import { dataItems } from '../../shared/operation';
import { STORE_FILE_IDS, fileIdField, storeOperation, vectorStoreIdField } from './shared';

export const { operation: getFileContentOperation, fields: getFileContentFields } = storeOperation({
	value: 'getFileContent',
	name: 'Get File Content',
	action: "Get a vector store file's parsed content",
	description: 'The text the vector store parsed from a file: one item per chunk',
	method: 'GET',
	path: '/vector_stores/{vectorStoreId}/files/{fileId}/content',
	ids: STORE_FILE_IDS,
	fields: [vectorStoreIdField('The vector store the file is in'), fileIdField('The file whose parsed content to get')],
	postReceive: [dataItems],
});
