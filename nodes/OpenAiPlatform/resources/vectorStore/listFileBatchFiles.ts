import { collectionField, orderField } from '../../shared/fields';
import { STORE_BATCH_IDS, batchIdField, fileStatusFilter, storeOperation, vectorStoreIdField } from './shared';

export const { operation: listFileBatchFilesOperation, fields: listFileBatchFilesFields } = storeOperation({
	value: 'listFileBatchFiles',
	name: 'List File Batch Files',
	action: 'List the files of a file batch',
	description: 'List the files of a batch with their processing status: one item per file',
	method: 'GET',
	path: '/vector_stores/{vectorStoreId}/file_batches/{batchId}/files',
	ids: STORE_BATCH_IDS,
	list: {},
	fields: [vectorStoreIdField('The vector store the batch belongs to'), batchIdField],
	trailingFields: [collectionField([orderField(), fileStatusFilter])],
});
