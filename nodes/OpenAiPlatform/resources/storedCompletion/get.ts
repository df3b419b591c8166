import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, completionIdField, completionPath } from './shared';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a stored chat completion',
	description: 'Fetch a stored chat completion: its choices, usage and metadata',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [completionPath()] },
	},
};

export const getFields: INodeProperties[] = forOperation(RESOURCE, 'get', [completionIdField]);
