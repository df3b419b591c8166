import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, conversationIdField, conversationPath } from './shared';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a conversation',
	description: 'Fetch a conversation: its ID, creation time and metadata',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [conversationPath] },
	},
};

export const getFields: INodeProperties[] = forOperation(RESOURCE, 'get', [conversationIdField]);
