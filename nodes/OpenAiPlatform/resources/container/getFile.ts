import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, containerFileIdField, containerLocator, containerPath } from './shared';

export const getFileOperation: INodePropertyOptions = {
	name: 'Get File',
	value: 'getFile',
	action: 'Get a file of a container',
	description: "Get a container file's details: path, size and source",
	routing: {
		request: { method: 'GET' },
		send: { preSend: [containerPath('/files/{containerFileId}')] },
	},
};

export const getFileFields: INodeProperties[] = forOperation(RESOURCE, 'getFile', [containerLocator, containerFileIdField]);
