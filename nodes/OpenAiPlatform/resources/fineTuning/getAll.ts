import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, returnAllOrLimitFields } from '../../shared/fields';
import { metadataField, metadataQuery } from '../../shared/metadata';
import { paginateCursor } from '../../shared/transport';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many fine-tuning jobs',
	description: "List your organization's fine-tuning jobs, newest first",
	routing: {
		request: { method: 'GET', url: '/fine_tuning/jobs' },
		send: { preSend: [metadataQuery()] },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const getAllFields: INodeProperties[] = forOperation('fineTuning', 'getAll', [
	...returnAllOrLimitFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [metadataField('Only jobs whose metadata has all these key-value pairs')],
	},
]);
