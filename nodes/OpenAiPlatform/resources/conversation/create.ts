import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { ConversationCreateParams } from 'openai/resources/conversations/conversations';

import { forOperation } from '../../shared/fields';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { jsonItemsFrom, messagesField, messagesToInput } from '../../shared/responseInput';
import { fail } from '../../shared/validation';
import { RESOURCE } from './shared';

const MAX_ITEMS = 20;

/** preSend: the initial items and metadata. */
async function buildConversation(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: ConversationCreateParams = {};
	const itemsType = this.getNodeParameter('itemsType', 'none') as string;
	if (itemsType === 'messages') body.items = await messagesToInput(this, this.getNodeParameter('initialMessages', {}));
	if (itemsType === 'json') body.items = jsonItemsFrom(this, this.getNodeParameter('items', ''), 'Items (JSON)');
	const label = itemsType === 'json' ? 'Items (JSON)' : 'Messages';
	if (body.items && body.items.length > MAX_ITEMS) fail(this, `${label}: ${body.items.length} items, at most ${MAX_ITEMS} are allowed at once`);
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
		displayName: 'Initial Items',
		name: 'itemsType',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'Items (JSON)', value: 'json', description: 'Items as JSON, as the API takes them' },
			{ name: 'Messages', value: 'messages', description: 'Messages with text, images and files' },
			{ name: 'None', value: 'none', description: 'Start empty' },
		],
	},
	{ ...messagesField('initialMessages'), displayOptions: { show: { itemsType: ['messages'] } } },
	{
		displayName: 'Items (JSON)',
		name: 'items',
		type: 'json',
		required: true,
		default: '[\n  {\n    "type": "message",\n    "role": "user",\n    "content": "Hello"\n  }\n]',
		description: 'A JSON array of up to 20 items',
		displayOptions: { show: { itemsType: ['json'] } },
	},
	metadataField(),
]);
