import type { INodeProperties } from 'n8n-workflow';

import { cancelFields, cancelOperation } from './cancel';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { listInputItemsFields, listInputItemsOperation } from './listInputItems';
import { operationSelector } from '../../shared/fields';
import { RESOURCE } from './shared';

export const responseDescription: INodeProperties[] = [
	operationSelector(RESOURCE, [createOperation, getOperation, deleteOperation, cancelOperation, listInputItemsOperation], 'create'),
	...createFields,
	...getFields,
	...deleteFields,
	...cancelFields,
	...listInputItemsFields,
];
