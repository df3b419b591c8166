import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { checkRange } from '../../shared/validation';
import { RESOURCE, sessionFields, sessionFrom } from './shared';

/** preSend: the session and how long the key lives. */
async function buildClientSecret(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const seconds = checkRange(this, 'Expires After', this.getNodeParameter('expiresAfterSeconds', 600), 10, 7200, true);
	return { ...requestOptions, body: { expires_after: { anchor: 'created_at', seconds: seconds ?? 600 }, session: sessionFrom(this) } };
}

export const createClientSecretOperation: INodePropertyOptions = {
	name: 'Create Client Secret',
	value: 'createClientSecret',
	action: 'Create a realtime client secret',
	description: 'Make a short-lived key a browser or app can open a realtime session with (e.g. handed out by a webhook)',
	routing: {
		request: { method: 'POST', url: '/realtime/client_secrets' },
		send: { preSend: [buildClientSecret] },
	},
};

export const createClientSecretFields: INodeProperties[] = forOperation(RESOURCE, 'createClientSecret', [
	...sessionFields,
	{
		displayName: 'Expires After',
		name: 'expiresAfterSeconds',
		type: 'number',
		typeOptions: { minValue: 10, maxValue: 7200 },
		default: 600,
		description: 'How many seconds the key can be used to start a session: 10 seconds to 2 hours',
	},
]);
