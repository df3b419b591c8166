import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EMPTY_REPLY_REQUEST, jsonOrConfirmation } from '../../shared/emptyReply';
import { forOperation } from '../../shared/fields';
import { fail, requiredText } from '../../shared/validation';
import { RESOURCE, callConfirmation, callIdField, callPath } from './shared';

/** preSend: where to transfer the call, a tel: or sip: URI. */
async function buildRefer(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const target = requiredText(this, 'targetUri', 'Target URI').trim();
	if (!/^(tel|sips?):\S+$/i.test(target)) fail(this, `Target URI: "${target}" is not a tel: or sip: URI`, 'e.g. tel:+14155550123 or sip:agent@example.com');
	return { ...requestOptions, body: { target_uri: target } };
}

export const referCallOperation: INodePropertyOptions = {
	name: 'Refer Call',
	value: 'referCall',
	action: 'Refer a realtime call to another destination',
	description: 'Transfer a SIP call to another number or SIP address (SIP REFER)',
	routing: {
		request: { method: 'POST', ...EMPTY_REPLY_REQUEST },
		send: { preSend: [callPath('/refer'), buildRefer] },
		output: { postReceive: [jsonOrConfirmation(callConfirmation('referred'))] },
	},
};

export const referCallFields: INodeProperties[] = forOperation(RESOURCE, 'referCall', [
	callIdField,
	{ displayName: 'Target URI', name: 'targetUri', type: 'string', required: true, default: '', placeholder: 'e.g. tel:+14155550123', description: 'Where to transfer the call: a tel: or sip: URI' },
]);
