import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { forOperation, returnAllOrLimitFields } from '../../shared/fields';
import type { ModelCapability } from '../../shared/models';
import { modelFits } from '../../shared/models';
import { paginateCursor } from '../../shared/transport';

/** Applies the Filters collection to the list before it is split into items. */
async function filterModels(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', {}) as { capability?: ModelCapability; ownedBy?: string };
	const owner = filters.ownedBy?.trim().toLowerCase();
	return items.map((item) => {
		const data = Array.isArray(item.json.data) ? (item.json.data as IDataObject[]) : [];
		const kept = data.filter(
			(model) =>
				(!filters.capability || modelFits(String(model.id ?? ''), filters.capability)) &&
				(!owner || String(model.owned_by ?? '').toLowerCase().includes(owner)),
		);
		return { ...item, json: { ...item.json, data: kept } };
	});
}

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many models',
	description: 'List the models your account can use',
	routing: {
		request: { method: 'GET', url: '/models' },
		// GET /models takes no page size: it sends the whole list at once.
		operations: { pagination: paginateCursor({ pageSize: null }) },
		output: { postReceive: [filterModels] },
	},
};

export const getAllFields: INodeProperties[] = forOperation('model', 'getAll', [
	...returnAllOrLimitFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Capability',
				name: 'capability',
				type: 'options',
				default: 'chat',
				description: 'Only models that can do this (judged by their names, as OpenAI names them)',
				options: [
					{ name: 'Chat', value: 'chat' },
					{ name: 'Completion (Instruct)', value: 'completion' },
					{ name: 'Embedding', value: 'embedding' },
					{ name: 'Fine-Tunable', value: 'fineTunable' },
					{ name: 'Fine-Tuned', value: 'fineTuned' },
					{ name: 'Image', value: 'image' },
					{ name: 'Moderation', value: 'moderation' },
					{ name: 'Response', value: 'response' },
					{ name: 'Speech', value: 'speech' },
					{ name: 'Transcription', value: 'transcription' },
				],
			},
			{
				displayName: 'Owned By',
				name: 'ownedBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. system',
				description: 'Only models whose owner contains this text (e.g. "system", "openai" or your organization)',
			},
		],
	},
]);
