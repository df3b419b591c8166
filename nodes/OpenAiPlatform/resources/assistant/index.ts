import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getAllFields, getAllOperation } from './getAll';
import { messageFields, messageOperation } from './message';
import { RESOURCE } from './shared';
import { updateFields, updateOperation } from './update';

const retiredNotice: INodeProperties = {
	displayName:
		'OpenAI retired the Assistants API on August 26, 2026. These operations still work with OpenAI-compatible servers that serve it; for new work use the Response and Conversation resources.',
	name: 'assistantsRetiredNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { resource: [RESOURCE] } },
};

export const assistantDescription: INodeProperties[] = [
	operationSelector(
		RESOURCE,
		[createOperation, getOperation, getAllOperation, updateOperation, deleteOperation, messageOperation],
		'message',
	),
	retiredNotice,
	...createFields,
	...getFields,
	...getAllFields,
	...updateFields,
	...deleteFields,
	...messageFields,
];
