import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation, orderField, returnAllOrLimitFields } from '../../shared/fields';
import { paginateCursor } from '../../shared/transport';
import { RESOURCE, includeOption, includeQuery, responseIdField, responsePath } from './shared';

export const listInputItemsOperation: INodePropertyOptions = {
	name: 'List Input Items',
	value: 'listInputItems',
	action: 'List the input items of a response',
	description: 'List the items (messages, function results, ...) a stored response was given, one item each',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [responsePath('/input_items'), includeQuery] },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const listInputItemsFields: INodeProperties[] = forOperation(RESOURCE, 'listInputItems', [
	responseIdField,
	...returnAllOrLimitFields(),
	collectionField([
		includeOption,
		orderField('The order of the items'),

	]),
]);
