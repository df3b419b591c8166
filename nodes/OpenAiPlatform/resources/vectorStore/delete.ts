import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { pathWithIds } from '../../shared/ids';
import { STORE_IDS, vectorStoreIdField } from './shared';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a vector store',
	description: 'Delete a vector store; its files stay in your account',
	routing: {
		request: { method: 'DELETE' },
		send: { preSend: [pathWithIds('/vector_stores/{vectorStoreId}', STORE_IDS)] },
	},
};

export const deleteFields: INodeProperties[] = forOperation('vectorStore', 'delete', [vectorStoreIdField('The vector store to delete')]);
