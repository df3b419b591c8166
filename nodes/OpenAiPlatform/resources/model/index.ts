import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';

export const modelDescription: INodeProperties[] = [
	operationSelector('model', [getAllOperation, getOperation, deleteOperation], 'getAll'),
	...getAllFields,
	...getFields,
	...deleteFields,
];
