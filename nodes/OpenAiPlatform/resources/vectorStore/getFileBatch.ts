import { STORE_BATCH_IDS, batchIdField, storeOperation, vectorStoreIdField } from './shared';

export const { operation: getFileBatchOperation, fields: getFileBatchFields } = storeOperation({
	value: 'getFileBatch',
	name: 'Get File Batch',
	action: 'Get a vector store file batch',
	description: 'Get the status and file counts of a batch of files being added to a vector store',
	method: 'GET',
	path: '/vector_stores/{vectorStoreId}/file_batches/{batchId}',
	ids: STORE_BATCH_IDS,
	fields: [vectorStoreIdField('The vector store the batch belongs to'), batchIdField],
});
