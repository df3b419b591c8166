import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation, orderField, returnAllOrLimitFields } from '../../shared/fields';
import { paginateCursor } from '../../shared/transport';
import { includeOption, includeQuery } from '../response/shared';
import { RESOURCE, conversationIdField, conversationItemsPath } from './shared';

export const listItemsOperation: INodePropertyOptions = {
	name: 'List Items',
	value: 'listItems',
	action: 'List the items of a conversation',
	description: 'List the messages, tool calls and other items of a conversation, one output item each',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [conversationItemsPath, includeQuery] },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const listItemsFields: INodeProperties[] = forOperation(RESOURCE, 'listItems', [
	conversationIdField,
	...returnAllOrLimitFields(),
	collectionField([includeOption, orderField('The order of the items')]),
]);
