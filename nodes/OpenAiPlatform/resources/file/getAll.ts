import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, orderField, returnAllOrLimitFields } from '../../shared/fields';
import { paginateCursor } from '../../shared/transport';
import { FILE_PURPOSES } from './shared';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many files',
	description: 'List the files uploaded to your organization or project',
	routing: {
		request: { method: 'GET', url: '/files' },
		operations: { pagination: paginateCursor({ pageSize: 1000 }) },
	},
};

export const getAllFields: INodeProperties[] = forOperation('file', 'getAll', [
	...returnAllOrLimitFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			orderField(),

			{
				displayName: 'Purpose',
				name: 'purpose',
				type: 'options',
				default: 'fine-tune',
				description: 'Only files uploaded for this purpose',
				options: FILE_PURPOSES,
				routing: { send: { type: 'query', property: 'purpose' } },
			},
		],
	},
]);
