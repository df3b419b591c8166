import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, returnAllOrLimitFields } from '../../shared/fields';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { paginateCursor } from '../../shared/transport';

/** preSend: the metadata filter as OpenAI reads it, `metadata[key]=value`. */
async function metadataFilter(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const metadata = metadataFrom(this, this.getNodeParameter('filters.metadata', {}));
	if (!metadata) return requestOptions;
	const qs = { ...(requestOptions.qs ?? {}) };
	for (const [key, value] of Object.entries(metadata)) qs[`metadata[${key}]`] = value;
	return { ...requestOptions, qs };
}

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many fine-tuning jobs',
	description: "List your organization's fine-tuning jobs, newest first",
	routing: {
		request: { method: 'GET', url: '/fine_tuning/jobs' },
		send: { preSend: [metadataFilter] },
		operations: { pagination: paginateCursor({ pageSize: 100 }) },
	},
};

export const getAllFields: INodeProperties[] = forOperation('fineTuning', 'getAll', [
	...returnAllOrLimitFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [metadataField('Only jobs whose metadata has all these key-value pairs')],
	},
]);
