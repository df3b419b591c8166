import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { pathWithIds } from '../../shared/ids';
import { STORE_IDS, vectorStoreIdField } from './shared';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a vector store',
	description: 'Get the status, file counts and size of one vector store',
	routing: {
		request: { method: 'GET' },
		send: { preSend: [pathWithIds('/vector_stores/{vectorStoreId}', STORE_IDS)] },
	},
};

export const getFields: INodeProperties[] = forOperation('vectorStore', 'get', [vectorStoreIdField('The vector store to get')]);
