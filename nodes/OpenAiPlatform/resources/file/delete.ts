import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { idInPath } from '../../shared/ids';
import { fileLocator } from './shared';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a file',
	description: 'Delete a file and remove it from every vector store',
	routing: {
		request: { method: 'DELETE' },
		send: { preSend: [idInPath('/files/{id}', 'fileId', 'File')] },
	},
};

export const deleteFields: INodeProperties[] = forOperation('file', 'delete', [fileLocator({ description: 'The file to delete' })]);
