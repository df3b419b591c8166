import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { acceptCallFields, acceptCallOperation } from './acceptCall';
import { createClientSecretFields, createClientSecretOperation } from './createClientSecret';
import { hangUpCallFields, hangUpCallOperation } from './hangUpCall';
import { referCallFields, referCallOperation } from './referCall';
import { rejectCallFields, rejectCallOperation } from './rejectCall';
import { RESOURCE } from './shared';

export const realtimeDescription: INodeProperties[] = [
	operationSelector(RESOURCE, [createClientSecretOperation, acceptCallOperation, hangUpCallOperation, referCallOperation, rejectCallOperation], 'createClientSecret'),
	...createClientSecretFields,
	...acceptCallFields,
	...hangUpCallFields,
	...referCallFields,
	...rejectCallFields,
];
