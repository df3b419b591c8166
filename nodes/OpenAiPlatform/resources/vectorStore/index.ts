import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { addFileFields, addFileOperation } from './addFile';
import { addFilesFields, addFilesOperation } from './addFiles';
import { cancelFileBatchFields, cancelFileBatchOperation } from './cancelFileBatch';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { getFileFields, getFileOperation } from './getFile';
import { getFileBatchFields, getFileBatchOperation } from './getFileBatch';
import { getFileContentFields, getFileContentOperation } from './getFileContent';
import { listFileBatchFilesFields, listFileBatchFilesOperation } from './listFileBatchFiles';
import { listFilesFields, listFilesOperation } from './listFiles';
import { removeFileFields, removeFileOperation } from './removeFile';
import { searchFields, searchOperation } from './search';
import { updateFields, updateOperation } from './update';
import { updateFileAttributesFields, updateFileAttributesOperation } from './updateFileAttributes';

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
			addFilesOperation,
			getFileBatchOperation,
			cancelFileBatchOperation,
			listFileBatchFilesOperation,
			getFileOperation,
			updateFileAttributesOperation,
			getFileContentOperation,
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
	...addFilesFields,
	...getFileBatchFields,
	...cancelFileBatchFields,
	...listFileBatchFilesFields,
	...getFileFields,
	...updateFileAttributesFields,
	...getFileContentFields,
];
