import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, simplifyField } from '../../shared/fields';
import { RESOURCE, responseIdField, responsePath, simplifyStoredResponse } from './shared';

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
	simplifyField('Whether to return the text, function calls, usage, ID and status instead of the raw response'),
]);
