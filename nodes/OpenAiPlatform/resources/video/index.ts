import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { deleteFields, deleteOperation } from './delete';
import { generateFields, generateOperation } from './generate';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { getContentFields, getContentOperation } from './getContent';
import { remixFields, remixOperation } from './remix';
import { RESOURCE } from './shared';

const deprecatedNotice: INodeProperties = {
	displayName: 'OpenAI marks the Videos API (Sora) deprecated in its spec 2.3.0: it still works, but may be retired.',
	name: 'videosDeprecatedNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { resource: [RESOURCE] } },
};

export const videoDescription: INodeProperties[] = [
	operationSelector(RESOURCE, [generateOperation, getOperation, getAllOperation, deleteOperation, getContentOperation, remixOperation], 'generate'),
	deprecatedNotice,
	...generateFields,
	...getFields,
	...getAllFields,
	...deleteFields,
	...getContentFields,
	...remixFields,
];
