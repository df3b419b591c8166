import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation, orderField, returnAllOrLimitFields } from '../../shared/fields';
import { paginateCursor } from '../../shared/transport';
import { RESOURCE } from './shared';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many containers',
	description: 'List the code interpreter containers of your project',
	routing: {
		request: { method: 'GET', url: '/containers' },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const getAllFields: INodeProperties[] = forOperation(RESOURCE, 'getAll', [
	...returnAllOrLimitFields(),
	collectionField(
		[
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only containers with this name',
				routing: { send: { type: 'query', property: 'name' } },
			},
			orderField(),
		],
		{ name: 'filters', displayName: 'Filters', placeholder: 'Add Filter' },
	),
]);
