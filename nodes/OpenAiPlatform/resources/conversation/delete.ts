import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, conversationIdField, conversationPath } from './shared';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a conversation',
	description: 'Delete a conversation (its items are kept with the responses that used them)',
	routing: {
		request: { method: 'DELETE' },
		send: { preSend: [conversationPath] },
	},
};

export const deleteFields: INodeProperties[] = forOperation(RESOURCE, 'delete', [conversationIdField]);
