import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EMPTY_REPLY_REQUEST, jsonOrConfirmation } from '../../shared/emptyReply';
import { forOperation } from '../../shared/fields';
import { RESOURCE, containerLocator, containerPath, deletedItem } from './shared';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a container',
	description: 'Delete a container and its files',
	routing: {
		request: { method: 'DELETE', ...EMPTY_REPLY_REQUEST },
		send: { preSend: [containerPath()] },
		output: { postReceive: [jsonOrConfirmation(deletedItem('container.deleted', 'containerId'))] },
	},
};

export const deleteFields: INodeProperties[] = forOperation(RESOURCE, 'delete', [containerLocator]);
