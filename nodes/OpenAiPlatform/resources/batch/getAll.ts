import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, returnAllOrLimitFields } from '../../shared/fields';
import { paginateCursor } from '../../shared/transport';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many batches',
	description: "List your organization's batches, newest first",
	routing: {
		request: { method: 'GET', url: '/batches' },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const getAllFields: INodeProperties[] = forOperation('batch', 'getAll', returnAllOrLimitFields());
