import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { RESOURCE } from './shared';
import { updateFields, updateOperation } from './update';

export const conversationDescription: INodeProperties[] = [
	operationSelector(RESOURCE, [createOperation, getOperation, updateOperation, deleteOperation], 'create'),
	...createFields,
	...getFields,
	...updateFields,
	...deleteFields,
];
