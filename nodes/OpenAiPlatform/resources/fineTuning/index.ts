import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { cancelFields, cancelOperation } from './cancel';
import { createFields, createOperation } from './create';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { listCheckpointsFields, listCheckpointsOperation } from './listCheckpoints';
import { listEventsFields, listEventsOperation } from './listEvents';
import { pauseFields, pauseOperation } from './pause';
import { resumeFields, resumeOperation } from './resume';

export const fineTuningDescription: INodeProperties[] = [
	operationSelector(
		'fineTuning',
		[createOperation, getAllOperation, getOperation, cancelOperation, listEventsOperation, listCheckpointsOperation, pauseOperation, resumeOperation],
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
];
