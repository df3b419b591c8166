import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { ConversationUpdateParams } from 'openai/resources/conversations/conversations';

import { forOperation } from '../../shared/fields';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { RESOURCE, conversationIdField, conversationPath } from './shared';

/** preSend: the new metadata; no entries clears it. */
async function buildUpdate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: ConversationUpdateParams = { metadata: metadataFrom(this, this.getNodeParameter('metadata', {})) ?? {} };
	requestOptions.body = body;
	return requestOptions;
}

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a conversation',
	description: "Replace a conversation's metadata",
	routing: {
		request: { method: 'POST' },
		send: { preSend: [conversationPath, buildUpdate] },
	},
};

export const updateFields: INodeProperties[] = forOperation(RESOURCE, 'update', [
	conversationIdField,
	metadataField('The new metadata, replacing the old: up to 16 key-value pairs (keys up to 64 characters, values up to 512). No entries clears it.'),
]);
