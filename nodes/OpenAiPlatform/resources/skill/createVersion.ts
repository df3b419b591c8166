import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/fields';
import { SKILL_IDS, filesFields, skillFilesForm, skillIdField, skillOperation } from './shared';

async function buildVersionForm(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { makeDefault } = this.getNodeParameter('options', {}) as { makeDefault?: boolean };
	return await skillFilesForm(this, requestOptions, { default: makeDefault });
}

export const { operation: createVersionOperation, fields: createVersionFields } = skillOperation({
	value: 'createVersion',
	name: 'Create Version',
	action: 'Create a version of a skill',
	description: 'Upload new files (or a zip) as the next version of a skill',
	method: 'POST',
	path: '/skills/{skillId}/versions',
	ids: SKILL_IDS,
	preSend: [buildVersionForm],
	fields: [
		skillIdField('The skill to add a version to'),
		...filesFields,
		collectionField([{ displayName: 'Make Default', name: 'makeDefault', type: 'boolean', default: true, description: 'Whether the new version becomes the default version' }]),
	],
});
