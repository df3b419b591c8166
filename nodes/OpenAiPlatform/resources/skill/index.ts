import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../shared/operation';
import { createFields, createOperation } from './create';
import { createVersionFields, createVersionOperation } from './createVersion';
import { deleteFields, deleteOperation } from './delete';
import { deleteVersionFields, deleteVersionOperation } from './deleteVersion';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { getAllVersionsFields, getAllVersionsOperation } from './getAllVersions';
import { getContentFields, getContentOperation } from './getContent';
import { getVersionFields, getVersionOperation } from './getVersion';
import { getVersionContentFields, getVersionContentOperation } from './getVersionContent';
import { updateFields, updateOperation } from './update';

const OPERATIONS = [
	[createOperation, createFields],
	[getAllOperation, getAllFields],
	[getOperation, getFields],
	[updateOperation, updateFields],
	[deleteOperation, deleteFields],
	[getContentOperation, getContentFields],
	[createVersionOperation, createVersionFields],
	[getAllVersionsOperation, getAllVersionsFields],
	[getVersionOperation, getVersionFields],
	[deleteVersionOperation, deleteVersionFields],
	[getVersionContentOperation, getVersionContentFields],
] as const;

export const skillDescription: INodeProperties[] = resourceDescription('skill', 'create', OPERATIONS);
