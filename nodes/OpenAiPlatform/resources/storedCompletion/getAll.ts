import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation, orderField, returnAllOrLimitFields } from '../../shared/fields';
import { metadataField, metadataQuery } from '../../shared/metadata';
import { paginateCursor } from '../../shared/transport';
import { RESOURCE } from './shared';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many stored chat completions',
	description: 'List the chat completions stored with Store on, by model and metadata',
	routing: {
		request: { method: 'GET', url: '/chat/completions' },
		send: { preSend: [metadataQuery()] },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const getAllFields: INodeProperties[] = forOperation(RESOURCE, 'getAll', [
	...returnAllOrLimitFields(),
	collectionField(
		[
			metadataField('Only completions whose metadata has all these key-value pairs'),
			{
				displayName: 'Model',
				name: 'model',
				type: 'string',
				default: '',
				placeholder: 'e.g. gpt-4.1-mini',
				description: 'Only completions made with this model',
				routing: { send: { type: 'query', property: 'model' } },
			},
			orderField('Sort by creation time'),
		],
		{ name: 'filters', displayName: 'Filters', placeholder: 'Add Filter' },
	),
]);
