import { STORE_BATCH_IDS, batchIdField, storeOperation, vectorStoreIdField } from './shared';

export const { operation: cancelFileBatchOperation, fields: cancelFileBatchFields } = storeOperation({
	value: 'cancelFileBatch',
	name: 'Cancel File Batch',
	action: 'Cancel a file batch of a vector store',
	description: 'Stop processing the files of a batch as soon as possible',
	method: 'POST',
	path: '/vector_stores/{vectorStoreId}/file_batches/{batchId}/cancel',
	ids: STORE_BATCH_IDS,
	fields: [vectorStoreIdField('The vector store the batch belongs to'), batchIdField],
});
