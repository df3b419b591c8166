import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { idInPath } from '../../shared/params';
import { fileLocator } from './shared';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a file',
	description: 'Delete a file and remove it from every vector store',
	routing: {
		request: { method: 'DELETE' },
		send: { preSend: [idInPath('fileId', 'File', (id) => `/files/${id}`)] },
	},
};

export const deleteFields: INodeProperties[] = forOperation('file', 'delete', [fileLocator({ description: 'The file to delete' })]);
