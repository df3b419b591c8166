import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import type { AssistantValues } from './shared';
import { ASSISTANTS_BETA, RESOURCE, assistantBody, assistantModelField, settingFields, toolFields } from './shared';

/** preSend: the create body from the fields, checked before anything is sent. */
async function buildCreateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const values: AssistantValues = {
		...(this.getNodeParameter('options', {}) as AssistantValues),
		model: this.getNodeParameter('model', ''),
		name: this.getNodeParameter('name', '') as string,
		instructions: this.getNodeParameter('instructions', '') as string,
		builtInTools: this.getNodeParameter('builtInTools', []) as string[],
		functions: this.getNodeParameter('functions', {}) as AssistantValues['functions'],
	};
	requestOptions.body = assistantBody(this, values, false) as IDataObject;
	return requestOptions;
}

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an assistant',
	description: 'Create an assistant with a model, instructions and tools',
	routing: {
		request: { method: 'POST', url: '/assistants', headers: ASSISTANTS_BETA },
		send: { preSend: [buildCreateBody] },
	},
};

export const createFields: INodeProperties[] = forOperation(RESOURCE, 'create', [
	assistantModelField(true),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Support Bot',
		description: 'The name of the assistant (up to 256 characters)',
	},
	{
		displayName: 'Instructions',
		name: 'instructions',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. You answer questions about our product, briefly and politely.',
		description: 'The system instructions the assistant follows',
	},
	...toolFields(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: settingFields,
	},
]);
