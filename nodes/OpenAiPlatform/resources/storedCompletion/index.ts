import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { getMessagesFields, getMessagesOperation } from './getMessages';
import { RESOURCE } from './shared';
import { updateFields, updateOperation } from './update';

export const storedCompletionDescription: INodeProperties[] = [
	operationSelector(RESOURCE, [getAllOperation, getOperation, updateOperation, deleteOperation, getMessagesOperation], 'getAll'),
	...getAllFields,
	...getFields,
	...updateFields,
	...deleteFields,
	...getMessagesFields,
];
