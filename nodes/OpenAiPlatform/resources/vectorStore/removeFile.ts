import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { pathWithIds } from '../../shared/ids';
import { STORE_FILE_IDS, fileIdField, vectorStoreIdField } from './shared';

export const removeFileOperation: INodePropertyOptions = {
	name: 'Remove File',
	value: 'removeFile',
	action: 'Remove a file from a vector store',
	description: 'Take a file out of a vector store; the file itself stays in your account',
	routing: {
		request: { method: 'DELETE' },
		send: { preSend: [pathWithIds('/vector_stores/{vectorStoreId}/files/{fileId}', STORE_FILE_IDS)] },
	},
};

export const removeFileFields: INodeProperties[] = forOperation('vectorStore', 'removeFile', [
	vectorStoreIdField('The vector store to remove the file from'),
	fileIdField('The file to remove'),
]);
