import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { ConversationCreateParams } from 'openai/resources/conversations/conversations';

import { forOperation } from '../../shared/fields';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { messagesField } from '../../shared/responseInput';
import { RESOURCE, itemsFrom, itemsJsonField } from './shared';

/** preSend: the initial items and metadata. */
async function buildConversation(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: ConversationCreateParams = {};
	const items = await itemsFrom(this, 'initialMessages');
	if (items) body.items = items;
	const metadata = metadataFrom(this, this.getNodeParameter('metadata', {}));
	if (metadata) body.metadata = metadata;
	requestOptions.body = body as IDataObject;
	return requestOptions;
}

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a conversation',
	description: 'Start a conversation that responses can continue (Response > Create > Options > Conversation ID)',
	routing: {
		request: { method: 'POST', url: '/conversations' },
		send: { preSend: [buildConversation] },
	},
};

export const createFields: INodeProperties[] = forOperation(RESOURCE, 'create', [
	{
		displayName: 'Items',
		name: 'itemsType',
		type: 'options',
		default: 'none',
		description: 'The items the conversation starts with',
		options: [
			{ name: 'Items (JSON)', value: 'json', description: 'Items as JSON, as the API takes them' },
			{ name: 'Messages', value: 'messages', description: 'Messages with text, images and files' },
			{ name: 'None', value: 'none', description: 'Start empty' },
		],
	},
	{ ...messagesField('initialMessages'), displayOptions: { show: { itemsType: ['messages'] } } },
	itemsJsonField,
	metadataField(),
]);
