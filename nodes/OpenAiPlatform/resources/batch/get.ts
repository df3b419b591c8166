import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { pathWithIds } from '../../shared/ids';
import { batchIdField } from './shared';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a batch',
	description: 'Get the status, request counts and file IDs of one batch',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [pathWithIds('/batches/{batchId}', { batchId: 'Batch' })] },
	},
};

export const getFields: INodeProperties[] = forOperation('batch', 'get', [batchIdField('The batch to get')]);
