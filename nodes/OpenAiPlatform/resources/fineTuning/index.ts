import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { cancelFields, cancelOperation } from './cancel';
import { createFields, createOperation } from './create';
import { createCheckpointPermissionFields, createCheckpointPermissionOperation } from './createCheckpointPermission';
import { deleteCheckpointPermissionFields, deleteCheckpointPermissionOperation } from './deleteCheckpointPermission';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { getAllCheckpointPermissionsFields, getAllCheckpointPermissionsOperation } from './getAllCheckpointPermissions';
import { listCheckpointsFields, listCheckpointsOperation } from './listCheckpoints';
import { listEventsFields, listEventsOperation } from './listEvents';
import { pauseFields, pauseOperation } from './pause';
import { resumeFields, resumeOperation } from './resume';
import { runGraderFields, runGraderOperation } from './runGrader';
import { validateGraderFields, validateGraderOperation } from './validateGrader';

export const fineTuningDescription: INodeProperties[] = [
	operationSelector(
		'fineTuning',
		[
			createOperation,
			getAllOperation,
			getOperation,
			cancelOperation,
			listEventsOperation,
			listCheckpointsOperation,
			pauseOperation,
			resumeOperation,
			getAllCheckpointPermissionsOperation,
			createCheckpointPermissionOperation,
			deleteCheckpointPermissionOperation,
			runGraderOperation,
			validateGraderOperation,
		],
		'create',
	),
	...createFields,
	...getAllFields,
	...getFields,
	...cancelFields,
	...listEventsFields,
	...listCheckpointsFields,
	...pauseFields,
	...resumeFields,
	...getAllCheckpointPermissionsFields,
	...createCheckpointPermissionFields,
	...deleteCheckpointPermissionFields,
	...runGraderFields,
	...validateGraderFields,
];
