import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { addFileFields, addFileOperation } from './addFile';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { listFilesFields, listFilesOperation } from './listFiles';
import { removeFileFields, removeFileOperation } from './removeFile';
import { searchFields, searchOperation } from './search';
import { updateFields, updateOperation } from './update';

export const vectorStoreDescription: INodeProperties[] = [
	operationSelector(
		'vectorStore',
		[
			createOperation,
			getOperation,
			getAllOperation,
			updateOperation,
			deleteOperation,
			searchOperation,
			addFileOperation,
			listFilesOperation,
			removeFileOperation,
		],
		'search',
	),
	...createFields,
	...getFields,
	...getAllFields,
	...updateFields,
	...deleteFields,
	...searchFields,
	...addFileFields,
	...listFilesFields,
	...removeFileFields,
];
