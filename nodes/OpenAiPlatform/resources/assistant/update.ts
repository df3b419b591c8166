import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { AssistantTool } from 'openai/resources/beta/assistants';

import { forOperation } from '../../shared/fields';
import type { PaginationFunction } from '../../shared/transport';
import { openAiRequest, routingAttempt, settle, withRetries } from '../../shared/transport';
import type { AssistantValues } from './shared';
import { fail } from '../../shared/validation';
import {
	ASSISTANTS_BETA,
	RESOURCE,
	assistantBody,
	assistantIdOf,
	assistantLocator,
	assistantModelField,
	byDisplayName,
	mergeTools,
	settingFields,
	toolFields,
} from './shared';

interface UpdateValues extends AssistantValues {
	toolsMode?: 'merge' | 'replace';
}

function updateValuesOf(context: IExecuteSingleFunctions): UpdateValues {
	return context.getNodeParameter('updateFields', {}) as UpdateValues;
}

/** preSend: the modify body from "Update Fields"; nothing to change is refused before sending. */
async function buildUpdateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	assistantIdOf(this);
	const body = assistantBody(this, updateValuesOf(this), true);
	if (Object.keys(body).length === 0) {
		fail(this, 'Update Fields: add at least one field to change', '"Tools Mode" and "File Search Max Results" alone change nothing.');
	}
	requestOptions.body = body as IDataObject;
	return requestOptions;
}

/**
 * With "Tools Mode" on merge, reads the assistant's current tools first and sends them together
 * with the new ones; otherwise sends the one modify request.
 */
const updateAssistant: PaginationFunction = async function (this, requestData) {
	return await settle(this, async () => {
		const body = requestData.options.body as IDataObject;
		const { toolsMode = 'merge' } = updateValuesOf(this);
		if (toolsMode === 'merge' && Array.isArray(body.tools)) {
			const current = await openAiRequest(this, {
				method: 'GET',
				url: `/assistants/${encodeURIComponent(assistantIdOf(this))}`,
				headers: ASSISTANTS_BETA,
			});
			body.tools = mergeTools(current?.tools, body.tools as unknown as AssistantTool[]) as unknown as IDataObject[];
		}
		return await withRetries(this, async () => await routingAttempt(this, requestData));
	});
};

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an assistant',
	description: "Change an assistant's model, instructions, tools or settings",
	routing: {
		request: { method: 'POST', headers: ASSISTANTS_BETA },
		send: { preSend: [buildUpdateBody] },
		operations: { pagination: updateAssistant },
	},
};

const toolsModeField: INodeProperties = {
	displayName: 'Tools Mode',
	name: 'toolsMode',
	type: 'options',
	default: 'merge',
	description: 'How "Built-in Tools" and "Functions" change the current tools',
	options: [
		{
			name: 'Merge With Current Tools',
			value: 'merge',
			description: 'Add them; a built-in tool or a function of the same name is replaced',
		},
		{ name: 'Replace Current Tools', value: 'replace', description: 'The assistant keeps only these tools' },
	],
};

export const updateFields: INodeProperties[] = forOperation(RESOURCE, 'update', [
	assistantLocator('The assistant to change', true),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byDisplayName([
			assistantModelField(false, 'The model the assistant uses'),
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The name of the assistant (up to 256 characters)' },
			{
				displayName: 'Instructions',
				name: 'instructions',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'The system instructions the assistant follows',
			},
			...toolFields(),
			toolsModeField,
			...settingFields,
		]),
	},
]);
