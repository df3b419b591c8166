import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { ASSISTANTS_BETA, RESOURCE, assistantLocator, requireAssistant } from './shared';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an assistant',
	description: 'Get one assistant: its model, instructions, tools and settings',
	routing: {
		request: { method: 'GET', headers: ASSISTANTS_BETA },
		send: { preSend: [requireAssistant] },
	},
};

export const getFields: INodeProperties[] = forOperation(RESOURCE, 'get', [assistantLocator('The assistant to get', true)]);
