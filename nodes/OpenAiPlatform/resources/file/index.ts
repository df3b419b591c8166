import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { getContentFields, getContentOperation } from './getContent';
import { uploadFields, uploadOperation } from './upload';

export const fileDescription: INodeProperties[] = [
	operationSelector('file', [uploadOperation, getAllOperation, getOperation, getContentOperation, deleteOperation], 'upload'),
	...uploadFields,
	...getAllFields,
	...getFields,
	...getContentFields,
	...deleteFields,
];
