import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { END_USER_LABEL } from '../../shared/concepts';
import { collectionField } from '../../shared/fields';
import { checkRange, checkedText, optionalJsonObject, requiredText } from '../../shared/validation';
import { chatKitOperation } from './shared';

interface SessionOptions {
	workflowVersion?: string;
	stateVariables?: unknown;
	tracing?: boolean;
	expiresAfterSeconds?: number;
	maxRequestsPerMinute?: number;
	configuration?: unknown;
}

/** preSend: the workflow, the user and the session settings, checked. */
async function buildSessionBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const workflowId = requiredText(this, 'workflowId', 'Workflow ID').trim();
	const user = checkedText(this, END_USER_LABEL, this.getNodeParameter('user', ''), { max: 512 }).trim();
	const options = this.getNodeParameter('options', {}) as SessionOptions;
	const stateVariables = optionalJsonObject(this, 'State Variables', options.stateVariables ?? '');
	const configuration = optionalJsonObject(this, 'ChatKit Configuration', options.configuration ?? '');
	const expires = checkRange(this, 'Expires After', options.expiresAfterSeconds, 1, 600, true);
	const perMinute = checkRange(this, 'Max Requests per Minute', options.maxRequestsPerMinute, 1, Infinity, true);
	const workflow: IDataObject = {
		id: workflowId,
		...(options.workflowVersion?.trim() ? { version: options.workflowVersion.trim() } : {}),
		...(stateVariables ? { state_variables: stateVariables as IDataObject } : {}),
		...(options.tracing !== undefined ? { tracing: { enabled: options.tracing } } : {}),
	};
	const body: IDataObject = {
		workflow,
		user,
		...(expires !== undefined ? { expires_after: { anchor: 'created_at', seconds: expires } } : {}),
		...(perMinute !== undefined ? { rate_limits: { max_requests_per_1_minute: perMinute } } : {}),
		...(configuration ? { chatkit_configuration: configuration as IDataObject } : {}),
	};
	return { ...requestOptions, body };
}

export const { operation: createSessionOperation, fields: createSessionFields } = chatKitOperation({
	value: 'createSession',
	name: 'Create Session',
	action: 'Create a ChatKit session',
	description: 'Start a ChatKit session for a user of your site, and get the client secret its chat widget needs',
	method: 'POST',
	path: '/chatkit/sessions',
	preSend: [buildSessionBody],
	fields: [
		{ displayName: 'Workflow ID', name: 'workflowId', type: 'string', required: true, default: '', placeholder: 'e.g. wf_abc123', description: 'The Agent Builder workflow the session runs' },
		{ displayName: END_USER_LABEL, name: 'user', type: 'string', required: true, default: '', placeholder: 'e.g. user_42', description: 'Your identifier of the end user; threads are kept per user' },
		collectionField([
			{
				displayName: 'ChatKit Configuration',
				name: 'configuration',
				type: 'json',
				default: '{}',
				description: 'Overrides of ChatKit features as a JSON object, e.g. {"file_upload": {"enabled": true}, "history": {"enabled": false}}',
			},
			{ displayName: 'Expires After', name: 'expiresAfterSeconds', type: 'number', typeOptions: { minValue: 1, maxValue: 600 }, default: 600, description: 'How long the client secret is valid, from 1 to 600 seconds' },
			{ displayName: 'Max Requests per Minute', name: 'maxRequestsPerMinute', type: 'number', typeOptions: { minValue: 1 }, default: 10, description: 'A per-minute request limit for this session' },
			{ displayName: 'State Variables', name: 'stateVariables', type: 'json', default: '{}', description: 'Values the workflow reads, as a JSON object (up to 64 keys)' },
			{ displayName: 'Tracing', name: 'tracing', type: 'boolean', default: true, description: 'Whether the workflow records traces of this session' },
			{ displayName: 'Workflow Version', name: 'workflowVersion', type: 'string', default: '', description: 'A specific version of the workflow; empty uses the published one' },
		]),
	],
});
