import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, completionIdField, completionPath } from './shared';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a stored chat completion',
	description: 'Delete a stored chat completion',
	routing: {
		request: { method: 'DELETE' },
		send: { preSend: [completionPath()] },
	},
};

export const deleteFields: INodeProperties[] = forOperation(RESOURCE, 'delete', [completionIdField]);
