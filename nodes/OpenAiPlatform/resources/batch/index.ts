import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { cancelFields, cancelOperation } from './cancel';
import { createFields, createOperation } from './create';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { getResultsFields, getResultsOperation } from './getResults';

export const batchDescription: INodeProperties[] = [
	operationSelector('batch', [createOperation, getOperation, getAllOperation, cancelOperation, getResultsOperation], 'create'),
	...createFields,
	...getFields,
	...getAllFields,
	...cancelFields,
	...getResultsFields,
];
