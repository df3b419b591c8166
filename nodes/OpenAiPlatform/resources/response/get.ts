import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, includeOption, includeQuery, responseIdField, responsePath, simplifyStoredField, simplifyStoredResponse } from './shared';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a response',
	description: 'Fetch a stored response, e.g. to collect the result of a background response',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [responsePath(), includeQuery] },
		output: { postReceive: [simplifyStoredResponse] },
	},
};

export const getFields: INodeProperties[] = forOperation(RESOURCE, 'get', [
	responseIdField,
	simplifyStoredField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [includeOption],
	},
]);
