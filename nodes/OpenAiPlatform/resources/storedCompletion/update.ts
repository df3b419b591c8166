import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { RESOURCE, completionIdField, completionPath } from './shared';

/** preSend: the new metadata; no entries clears it. */
async function buildUpdate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return { ...requestOptions, body: { metadata: metadataFrom(this, this.getNodeParameter('metadata', {})) ?? {} } };
}

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a stored chat completion',
	description: "Replace a stored chat completion's metadata (the only part that can change)",
	routing: {
		request: { method: 'POST' },
		send: { preSend: [completionPath(), buildUpdate] },
	},
};

export const updateFields: INodeProperties[] = forOperation(RESOURCE, 'update', [
	completionIdField,
	metadataField('The new metadata, replacing the old: up to 16 key-value pairs (keys up to 64 characters, values up to 512). No entries clears it.'),
]);
