import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, responseIdField, responsePath, simplifyStoredField, simplifyStoredResponse } from './shared';

export const cancelOperation: INodePropertyOptions = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel a response',
	description: 'Stop a background response that is still queued or in progress',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [responsePath('/cancel')] },
		output: { postReceive: [simplifyStoredResponse] },
	},
};

export const cancelFields: INodeProperties[] = forOperation(RESOURCE, 'cancel', [
	{ ...responseIdField, description: 'The ID of a response created with Background on' },
	simplifyStoredField,
]);
