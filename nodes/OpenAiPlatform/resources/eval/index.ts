import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../shared/operation';
import { cancelRunFields, cancelRunOperation } from './cancelRun';
import { createFields, createOperation } from './create';
import { createRunFields, createRunOperation } from './createRun';
import { deleteFields, deleteOperation } from './delete';
import { deleteRunFields, deleteRunOperation } from './deleteRun';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { getAllRunOutputItemsFields, getAllRunOutputItemsOperation } from './getAllRunOutputItems';
import { getAllRunsFields, getAllRunsOperation } from './getAllRuns';
import { getRunFields, getRunOperation } from './getRun';
import { getRunOutputItemFields, getRunOutputItemOperation } from './getRunOutputItem';
import { updateFields, updateOperation } from './update';

const OPERATIONS = [
	[createOperation, createFields],
	[getAllOperation, getAllFields],
	[getOperation, getFields],
	[updateOperation, updateFields],
	[deleteOperation, deleteFields],
	[createRunOperation, createRunFields],
	[getAllRunsOperation, getAllRunsFields],
	[getRunOperation, getRunFields],
	[cancelRunOperation, cancelRunFields],
	[deleteRunOperation, deleteRunFields],
	[getAllRunOutputItemsOperation, getAllRunOutputItemsFields],
	[getRunOutputItemOperation, getRunOutputItemFields],
] as const;

export const evalDescription: INodeProperties[] = resourceDescription('eval', 'create', OPERATIONS);
