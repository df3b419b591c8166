import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EMPTY_REPLY_REQUEST, jsonOrConfirmation } from '../../shared/emptyReply';
import { forOperation } from '../../shared/fields';
import { RESOURCE, callConfirmation, callIdField, callPath, sessionFields, sessionFrom } from './shared';

async function buildSession(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return { ...requestOptions, body: sessionFrom(this) };
}

export const acceptCallOperation: INodePropertyOptions = {
	name: 'Accept Call',
	value: 'acceptCall',
	action: 'Accept a realtime call',
	description: 'Answer an incoming SIP call with a realtime session',
	routing: {
		request: { method: 'POST', ...EMPTY_REPLY_REQUEST },
		send: { preSend: [callPath('/accept'), buildSession] },
		output: { postReceive: [jsonOrConfirmation(callConfirmation('accepted'))] },
	},
};

export const acceptCallFields: INodeProperties[] = forOperation(RESOURCE, 'acceptCall', [callIdField, ...sessionFields]);
