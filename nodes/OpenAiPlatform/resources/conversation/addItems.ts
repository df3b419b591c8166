import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation } from '../../shared/fields';
import { messagesField } from '../../shared/responseInput';
import { fail } from '../../shared/validation';
import { includeOption, includeQuery } from '../response/shared';
import { RESOURCE, conversationIdField, conversationItemsPath, itemsFrom, itemsJsonField } from './shared';

/** preSend: the items to add (1 to 20). */
async function buildItems(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const items = await itemsFrom(this, 'newMessages');
	if (!items?.length) fail(this, 'Messages: add at least one message');
	return { ...requestOptions, body: { items } };
}

/** postReceive: one output item per item added (a reply without its list is refused before, see replyShapes.ts). */
async function addedItems(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.flatMap((item) => (Array.isArray(item.json.data) ? (item.json.data as IDataObject[]).map((json) => ({ json })) : []));
}

export const addItemsOperation: INodePropertyOptions = {
	name: 'Add Items',
	value: 'addItems',
	action: 'Add items to a conversation',
	description: 'Add up to 20 messages or other items to a conversation; outputs the items added, one each',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [conversationItemsPath, buildItems, includeQuery] },
		output: { postReceive: [addedItems] },
	},
};

export const addItemsFields: INodeProperties[] = forOperation(RESOURCE, 'addItems', [
	conversationIdField,
	{
		displayName: 'Items',
		name: 'itemsType',
		type: 'options',
		default: 'messages',
		options: [
			{ name: 'Items (JSON)', value: 'json', description: 'Items as JSON, as the API takes them' },
			{ name: 'Messages', value: 'messages', description: 'Messages with text, images and files' },
		],
	},
	{ ...messagesField('newMessages'), displayOptions: { show: { itemsType: ['messages'] } } },
	itemsJsonField,
	collectionField([includeOption]),
]);
