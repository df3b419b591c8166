import type { INodeProperties } from 'n8n-workflow';

import { idField, idInPath } from '../../shared/ids';

export const RESOURCE = 'conversation';

export const conversationIdField: INodeProperties = idField({
	name: 'conversationId',
	displayName: 'Conversation ID',
	placeholder: 'e.g. conv_689667905b048191b4740501625afd940c7533ace33a2dab',
	description: 'The ID of the conversation, e.g. from the output of the Create operation',
});

/** preSend: the conversation id in the path. */
export const conversationPath = idInPath('/conversations/{id}', 'conversationId', 'Conversation ID');
