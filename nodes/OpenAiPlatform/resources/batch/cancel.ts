import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { pathWithIds } from '../../shared/ids';
import { batchIdField } from './shared';

export const cancelOperation: INodePropertyOptions = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel a batch',
	description: 'Stop a batch in progress; requests already done stay in its output file',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [pathWithIds('/batches/{batchId}/cancel', { batchId: 'Batch' })] },
	},
};

export const cancelFields: INodeProperties[] = forOperation('batch', 'cancel', [batchIdField('The batch to cancel')]);
