import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, modelField } from '../../shared/fields';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a model',
	description: 'Describe one model: its owner and creation date',
	routing: { request: { method: 'GET' } },
};

export const getFields: INodeProperties[] = forOperation('model', 'get', [
	{
		...modelField({ capability: 'any', bodyProperty: false, description: 'The model to describe' }),
		routing: { request: { url: '=/models/{{ encodeURIComponent($value) }}' } },
	},
]);
