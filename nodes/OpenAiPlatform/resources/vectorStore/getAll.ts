import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation, orderField, returnAllOrLimitFields } from '../../shared/fields';
import { paginateCursor } from '../../shared/transport';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many vector stores',
	description: 'List your vector stores',
	routing: {
		request: { method: 'GET', url: '/vector_stores' },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const getAllFields: INodeProperties[] = forOperation('vectorStore', 'getAll', [
	...returnAllOrLimitFields(),
	collectionField([orderField()]),
]);
