import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation, orderField, returnAllOrLimitFields } from '../../shared/fields';
import { pathWithIds } from '../../shared/ids';
import { paginateCursor } from '../../shared/transport';
import { STORE_IDS, fileStatusFilter, vectorStoreIdField } from './shared';

export const listFilesOperation: INodePropertyOptions = {
	name: 'List Files',
	value: 'listFiles',
	action: 'List the files of a vector store',
	description: 'List the files in a vector store with their processing status',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [pathWithIds('/vector_stores/{vectorStoreId}/files', STORE_IDS)] },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const listFilesFields: INodeProperties[] = forOperation('vectorStore', 'listFiles', [
	vectorStoreIdField('The vector store whose files to list'),
	...returnAllOrLimitFields(),
	collectionField([
		orderField(),
		fileStatusFilter,
	]),
]);
