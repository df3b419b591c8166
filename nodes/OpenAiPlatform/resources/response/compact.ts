import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation, modelField } from '../../shared/fields';
import { jsonItemsFrom } from '../../shared/responseInput';
import { fail } from '../../shared/validation';
import type { PromptCacheOptions } from './shared';
import { RESOURCE, promptCacheOf, promptCacheOptions } from './shared';

/** preSend: what to compact (a stored response, items, or both) and the options. */
async function buildCompact(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const previous = String(this.getNodeParameter('previousResponseId', '') ?? '').trim();
	const raw = this.getNodeParameter('compactItems', '') as unknown;
	const hasItems = typeof raw === 'string' ? raw.trim() !== '' : raw !== undefined && raw !== null;
	if (!previous && !hasItems) fail(this, 'Previous Response ID: give a response or Input Items (JSON) to compact');
	const options = this.getNodeParameter('options', {}) as PromptCacheOptions & { instructions?: string };
	const body: IDataObject = {
		...(requestOptions.body as IDataObject),
		...(previous ? { previous_response_id: previous } : {}),
		...(hasItems ? { input: jsonItemsFrom(this, raw, 'Input Items (JSON)') as unknown as IDataObject[] } : {}),
		...(options.instructions?.trim() ? { instructions: options.instructions } : {}),
		...promptCacheOf(this, options),
	};
	return { ...requestOptions, body };
}

export const compactOperation: INodePropertyOptions = {
	name: 'Compact',
	value: 'compact',
	action: 'Compact a conversation',
	description: 'Shrink a long conversation (a stored response, items, or both) into a short list of items to continue it with',
	routing: {
		request: { method: 'POST', url: '/responses/compact' },
		send: { preSend: [buildCompact] },
	},
};

export const compactFields: INodeProperties[] = forOperation(RESOURCE, 'compact', [
	modelField({ capability: 'response', placeholder: 'e.g. gpt-5.1' }),
	{
		displayName: 'Previous Response ID',
		name: 'previousResponseId',
		type: 'string',
		default: '',
		placeholder: 'e.g. resp_67ccd2bed1ec8190b14f964abc054267',
		description: 'Compact the conversation up to this stored response',
	},
	{
		displayName: 'Input Items (JSON)',
		name: 'compactItems',
		type: 'json',
		default: '',
		description: 'Items to compact (after those of the previous response, if any), as a JSON array as the API takes them',
	},
	collectionField([
		{
			displayName: 'Instructions',
			name: 'instructions',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'A system (developer) message for the compaction',
		},
		...promptCacheOptions,
	]),
]);
