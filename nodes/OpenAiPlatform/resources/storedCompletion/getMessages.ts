import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation, orderField, returnAllOrLimitFields } from '../../shared/fields';
import { paginateCursor } from '../../shared/transport';
import { RESOURCE, completionIdField, completionPath } from './shared';

export const getMessagesOperation: INodePropertyOptions = {
	name: 'Get Messages',
	value: 'getMessages',
	action: 'Get the messages of a stored chat completion',
	description: 'List the messages a stored chat completion was given, one output item each',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [completionPath('/messages')] },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const getMessagesFields: INodeProperties[] = forOperation(RESOURCE, 'getMessages', [
	completionIdField,
	...returnAllOrLimitFields(),
	collectionField([orderField('The order of the messages')]),
]);
