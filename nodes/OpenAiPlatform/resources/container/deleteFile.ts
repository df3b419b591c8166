import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EMPTY_REPLY_REQUEST, jsonOrConfirmation } from '../../shared/emptyReply';
import { forOperation } from '../../shared/fields';
import { RESOURCE, containerFileIdField, containerLocator, containerPath, deletedItem } from './shared';

export const deleteFileOperation: INodePropertyOptions = {
	name: 'Delete File',
	value: 'deleteFile',
	action: 'Delete a file of a container',
	description: 'Delete a file from a container',
	routing: {
		request: { method: 'DELETE', ...EMPTY_REPLY_REQUEST },
		send: { preSend: [containerPath('/files/{containerFileId}')] },
		output: { postReceive: [jsonOrConfirmation(deletedItem('container.file.deleted', 'containerFileId'))] },
	},
};

export const deleteFileFields: INodeProperties[] = forOperation(RESOURCE, 'deleteFile', [containerLocator, containerFileIdField]);
