import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { addFileFields, addFileOperation } from './addFile';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { deleteFileFields, deleteFileOperation } from './deleteFile';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { getFileFields, getFileOperation } from './getFile';
import { getFileContentFields, getFileContentOperation } from './getFileContent';
import { listFilesFields, listFilesOperation } from './listFiles';
import { RESOURCE } from './shared';

export const containerDescription: INodeProperties[] = [
	operationSelector(
		RESOURCE,
		[
			createOperation,
			getAllOperation,
			getOperation,
			deleteOperation,
			addFileOperation,
			listFilesOperation,
			getFileOperation,
			deleteFileOperation,
			getFileContentOperation,
		],
		'create',
	),
	...createFields,
	...getAllFields,
	...getFields,
	...deleteFields,
	...addFileFields,
	...listFilesFields,
	...getFileFields,
	...deleteFileFields,
	...getFileContentFields,
];
