import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, returnAllOrLimitFields } from '../../shared/fields';
import { paginateCursor } from '../../shared/transport';
import { ASSISTANTS_BETA, RESOURCE } from './shared';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many assistants',
	description: "List the account's assistants, newest first",
	routing: {
		request: { method: 'GET', url: '/assistants', headers: ASSISTANTS_BETA },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const getAllFields: INodeProperties[] = forOperation(RESOURCE, 'getAll', returnAllOrLimitFields());
