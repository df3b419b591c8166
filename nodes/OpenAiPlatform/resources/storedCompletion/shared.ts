import type { INodeProperties } from 'n8n-workflow';

import { idField, idInPath } from '../../shared/ids';

export const RESOURCE = 'storedCompletion';

export const completionIdField: INodeProperties = idField({
	name: 'completionId',
	displayName: 'Chat Completion ID',
	placeholder: 'e.g. chatcmpl-abc123',
	description: 'The ID of a chat completion created with Store on, e.g. from the output of Get Many',
});

/** preSend: the completion id in the path, e.g. `completionPath('/messages')`. */
export const completionPath = (suffix = '') => idInPath(`/chat/completions/{id}${suffix}`, 'completionId', 'Chat Completion ID');
