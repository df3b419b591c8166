import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, containerLocator, containerPath } from './shared';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a container',
	description: "Get a container's details: name, status, expiry and memory",
	routing: {
		request: { method: 'GET' },
		send: { preSend: [containerPath()] },
	},
};

export const getFields: INodeProperties[] = forOperation(RESOURCE, 'get', [containerLocator]);
