import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { ASSISTANTS_BETA, RESOURCE, assistantLocator, requireAssistant } from './shared';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an assistant',
	description: 'Delete an assistant (its threads and files stay)',
	routing: {
		request: { method: 'DELETE', headers: ASSISTANTS_BETA },
		send: { preSend: [requireAssistant] },
	},
};

export const deleteFields: INodeProperties[] = forOperation(RESOURCE, 'delete', [assistantLocator('The assistant to delete', true)]);
