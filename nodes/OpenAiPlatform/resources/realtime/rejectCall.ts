import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { withJsonBody } from '../../shared/body';
import { EMPTY_REPLY_REQUEST, jsonOrConfirmation } from '../../shared/emptyReply';
import { forOperation } from '../../shared/fields';
import { checkRange } from '../../shared/validation';
import { RESOURCE, callConfirmation, callIdField, callPath } from './shared';

/** preSend: the SIP status sent to the caller (the API's default, 603 Decline, when empty). */
async function buildReject(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('statusCode', '') as unknown;
	const code = raw === '' || raw === null ? undefined : checkRange(this, 'SIP Status Code', raw, 400, 699, true);
	return withJsonBody(requestOptions, code === undefined ? {} : { status_code: code });
}

export const rejectCallOperation: INodePropertyOptions = {
	name: 'Reject Call',
	value: 'rejectCall',
	action: 'Reject a realtime call',
	description: 'Decline an incoming SIP call',
	routing: {
		request: { method: 'POST', ...EMPTY_REPLY_REQUEST },
		send: { preSend: [callPath('/reject'), buildReject] },
		output: { postReceive: [jsonOrConfirmation(callConfirmation('rejected'))] },
	},
};

export const rejectCallFields: INodeProperties[] = forOperation(RESOURCE, 'rejectCall', [
	callIdField,
	{
		displayName: 'SIP Status Code',
		name: 'statusCode',
		type: 'number',
		typeOptions: { minValue: 400, maxValue: 699 },
		default: 603,
		description: 'The SIP response sent to the caller, e.g. 486 (Busy Here) or 603 (Decline)',
	},
]);
