import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation, orderField, returnAllOrLimitFields } from '../../shared/fields';
import { paginateCursor } from '../../shared/transport';
import { RESOURCE, containerLocator, containerPath } from './shared';

export const listFilesOperation: INodePropertyOptions = {
	name: 'List Files',
	value: 'listFiles',
	action: 'List the files of a container',
	description: 'List the files in a container (uploaded ones and those the code made), one output item each',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [containerPath('/files')] },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const listFilesFields: INodeProperties[] = forOperation(RESOURCE, 'listFiles', [
	containerLocator,
	...returnAllOrLimitFields(),
	collectionField([orderField()]),
]);
