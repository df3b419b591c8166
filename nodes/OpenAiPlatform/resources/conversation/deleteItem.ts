import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, conversationIdField, itemIdField, itemPath } from './shared';

export const deleteItemOperation: INodePropertyOptions = {
	name: 'Delete Item',
	value: 'deleteItem',
	action: 'Delete an item of a conversation',
	description: 'Remove one item from a conversation; outputs the conversation',
	routing: {
		request: { method: 'DELETE' },
		send: { preSend: [itemPath] },
	},
};

export const deleteItemFields: INodeProperties[] = forOperation(RESOURCE, 'deleteItem', [conversationIdField, itemIdField]);
