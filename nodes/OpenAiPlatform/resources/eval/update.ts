import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/fields';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { fail } from '../../shared/validation';
import { EVAL_IDS, evalIdField, evalOperation } from './shared';

/** preSend: only the fields the user added; nothing to change is an error. */
async function buildUpdateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const fields = this.getNodeParameter('updateFields', {}) as { name?: string; metadata?: { pair?: Array<{ key?: string; value?: unknown }> } };
	const metadata = metadataFrom(this, fields.metadata);
	if (fields.name !== undefined && !fields.name.trim()) fail(this, 'Name: is empty');
	const body: IDataObject = { ...(fields.name !== undefined ? { name: fields.name.trim() } : {}), ...(metadata ? { metadata } : {}) };
	if (Object.keys(body).length === 0) fail(this, 'Update Fields: add at least one field to change');
	return { ...requestOptions, body };
}

export const { operation: updateOperation, fields: updateFields } = evalOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an eval',
	description: 'Rename an eval or replace its metadata',
	method: 'POST',
	path: '/evals/{evalId}',
	ids: EVAL_IDS,
	preSend: [buildUpdateBody],
	fields: [
		evalIdField('The eval to change'),
		collectionField([metadataField('Replaces all metadata of the eval (up to 16 key-value pairs)'), { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the eval' }], {
			name: 'updateFields',
			displayName: 'Update Fields',
			placeholder: 'Add Field',
		}),
	],
});
