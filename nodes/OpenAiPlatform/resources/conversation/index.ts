import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { addItemsFields, addItemsOperation } from './addItems';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { deleteItemFields, deleteItemOperation } from './deleteItem';
import { getFields, getOperation } from './get';
import { getItemFields, getItemOperation } from './getItem';
import { listItemsFields, listItemsOperation } from './listItems';
import { RESOURCE } from './shared';
import { updateFields, updateOperation } from './update';

export const conversationDescription: INodeProperties[] = [
	operationSelector(
		RESOURCE,
		[createOperation, getOperation, updateOperation, deleteOperation, listItemsOperation, addItemsOperation, getItemOperation, deleteItemOperation],
		'create',
	),
	...createFields,
	...getFields,
	...updateFields,
	...deleteFields,
	...listItemsFields,
	...addItemsFields,
	...getItemFields,
	...deleteItemFields,
];
