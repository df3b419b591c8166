import type { VectorStoreUpdateParams } from 'openai/resources/vector-stores/vector-stores';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation } from '../../shared/fields';
import { pathWithIds } from '../../shared/ids';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { fail } from '../../shared/validation';
import { STORE_IDS, expiresAfterFrom, expiryOption, vectorStoreIdField } from './shared';

interface UpdateFields {
	name?: string;
	expiresAfterDays?: number;
	metadata?: { pair?: Array<{ key?: string; value?: unknown }> };
}

/** preSend: only the fields the user added are sent; nothing to change is an error. */
async function buildUpdateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const fields = this.getNodeParameter('updateFields', {}) as UpdateFields;
	const expiresAfter = expiresAfterFrom(this, fields.expiresAfterDays);
	const metadata = metadataFrom(this, fields.metadata);
	const body: VectorStoreUpdateParams = {
		...(fields.name !== undefined ? { name: fields.name.trim() } : {}),
		...(expiresAfter ? { expires_after: expiresAfter } : {}),
		...(metadata ? { metadata } : {}),
	};
	if (Object.keys(body).length === 0) fail(this, 'Update Fields: add at least one field to change');
	return { ...requestOptions, body: body as IDataObject };
}

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a vector store',
	description: 'Rename a vector store, or change its expiry or metadata',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [pathWithIds('/vector_stores/{vectorStoreId}', STORE_IDS), buildUpdateBody] },
	},
};

export const updateFields: INodeProperties[] = forOperation('vectorStore', 'update', [
	vectorStoreIdField('The vector store to change'),
	collectionField([
		expiryOption,
		metadataField('Replaces all metadata of the vector store (up to 16 key-value pairs)'),
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the vector store' },
	], { name: 'updateFields', displayName: 'Update Fields', placeholder: 'Add Field' }),
]);
