import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { idInPath } from '../../shared/ids';
import { fileLocator } from './shared';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a file',
	description: "Get a file's details: name, size, purpose and status",
	routing: {
		request: { method: 'GET' },
		send: { preSend: [idInPath('/files/{id}', 'fileId', 'File')] },
	},
};

export const getFields: INodeProperties[] = forOperation('file', 'get', [fileLocator({ description: 'The file to describe' })]);
