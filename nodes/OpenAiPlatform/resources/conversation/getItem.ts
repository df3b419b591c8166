import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation } from '../../shared/fields';
import { includeOption, includeQuery } from '../response/shared';
import { RESOURCE, conversationIdField, itemIdField, itemPath } from './shared';

export const getItemOperation: INodePropertyOptions = {
	name: 'Get Item',
	value: 'getItem',
	action: 'Get an item of a conversation',
	description: 'Fetch one item (message, tool call, ...) of a conversation',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [itemPath, includeQuery] },
	},
};

export const getItemFields: INodeProperties[] = forOperation(RESOURCE, 'getItem', [conversationIdField, itemIdField, collectionField([includeOption])]);
