import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EMPTY_REPLY_REQUEST, jsonOrConfirmation } from '../../shared/emptyReply';
import { forOperation } from '../../shared/fields';
import { RESOURCE, callConfirmation, callIdField, callPath } from './shared';

export const hangUpCallOperation: INodePropertyOptions = {
	name: 'Hang Up Call',
	value: 'hangUpCall',
	action: 'Hang up a realtime call',
	description: 'End a realtime SIP or WebRTC call',
	routing: {
		request: { method: 'POST', ...EMPTY_REPLY_REQUEST },
		send: { preSend: [callPath('/hangup')] },
		output: { postReceive: [jsonOrConfirmation(callConfirmation('hungUp'))] },
	},
};

export const hangUpCallFields: INodeProperties[] = forOperation(RESOURCE, 'hangUpCall', [callIdField]);
