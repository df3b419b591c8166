import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { idOf } from '../../shared/ids';
import { forOperation } from '../../shared/fields';
import { RESOURCE, responseIdField, responsePath } from './shared';

/** postReceive: OpenAI answers `{ id, object, deleted }`, the spec allows no body at all: always say what was deleted. */
async function deletedResponse(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const id = idOf(this, 'responseId', 'Response ID');
	const reply = items[0]?.json;
	const json = reply && typeof reply === 'object' && !Array.isArray(reply) ? reply : {};
	return [{ json: { id, object: 'response.deleted', deleted: true, ...json } }];
}

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a response',
	description: 'Delete a stored response',
	routing: {
		request: { method: 'DELETE' },
		send: { preSend: [responsePath()] },
		output: { postReceive: [deletedResponse] },
	},
};

export const deleteFields: INodeProperties[] = forOperation(RESOURCE, 'delete', [responseIdField]);
