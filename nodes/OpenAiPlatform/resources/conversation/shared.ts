import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { ResponseInputItem } from 'openai/resources/responses/responses';

import { idField, idInPath, pathWithIds } from '../../shared/ids';
import { jsonItemsFrom, messagesToInput } from '../../shared/responseInput';
import { fail } from '../../shared/validation';

export const RESOURCE = 'conversation';

export const conversationIdField: INodeProperties = idField({
	name: 'conversationId',
	displayName: 'Conversation ID',
	placeholder: 'e.g. conv_689667905b048191b4740501625afd940c7533ace33a2dab',
	description: 'The ID of the conversation, e.g. from the output of the Create operation',
});

/** preSend: the conversation id in the path. */
export const conversationPath = idInPath('/conversations/{id}', 'conversationId', 'Conversation ID');

/** preSend: the conversation's item list in the path. */
export const conversationItemsPath = idInPath('/conversations/{id}/items', 'conversationId', 'Conversation ID');

export const itemIdField: INodeProperties = idField({
	name: 'itemId',
	displayName: 'Item ID',
	placeholder: 'e.g. msg_abc123',
	description: 'The ID of an item of the conversation, e.g. from the output of List Items',
});

/** preSend: the conversation and item ids in the path. */
export const itemPath = pathWithIds('/conversations/{conversationId}/items/{itemId}', { conversationId: 'Conversation ID', itemId: 'Item ID' });

const MAX_ITEMS = 20;

/** The "Items (JSON)" field of create and addItems. */
export const itemsJsonField: INodeProperties = {
	displayName: 'Items (JSON)',
	name: 'items',
	type: 'json',
	required: true,
	default: '[\n  {\n    "type": "message",\n    "role": "user",\n    "content": "Hello"\n  }\n]',
	description: 'A JSON array of up to 20 items',
	displayOptions: { show: { itemsType: ['json'] } },
};

/** The items to add, from messages (`messagesParameter`) or JSON; at most 20 at once. Undefined for "None". */
export async function itemsFrom(context: IExecuteSingleFunctions, messagesParameter: string): Promise<ResponseInputItem[] | undefined> {
	const itemsType = context.getNodeParameter('itemsType', 'none') as string;
	let items: ResponseInputItem[] | undefined;
	if (itemsType === 'messages') items = await messagesToInput(context, context.getNodeParameter(messagesParameter, {}));
	if (itemsType === 'json') items = jsonItemsFrom(context, context.getNodeParameter('items', ''), 'Items (JSON)');
	const label = itemsType === 'json' ? 'Items (JSON)' : 'Messages';
	if (items && items.length > MAX_ITEMS) fail(context, `${label}: ${items.length} items, at most ${MAX_ITEMS} are allowed at once`);
	return items;
}
