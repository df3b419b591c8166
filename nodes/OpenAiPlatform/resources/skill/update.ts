import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { idOf } from '../../shared/ids';
import { SKILL_IDS, skillIdField, skillOperation, versionField } from './shared';

/** preSend: the version that becomes the default, checked like an ID. */
async function buildDefaultVersionBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return { ...requestOptions, body: { default_version: idOf(this, 'version', 'Version') } };
}

export const { operation: updateOperation, fields: updateFields } = skillOperation({
	value: 'update',
	name: 'Update',
	action: 'Set the default version of a skill',
	description: 'Choose which version of a skill is used by default',
	method: 'POST',
	path: '/skills/{skillId}',
	ids: SKILL_IDS,
	preSend: [buildDefaultVersionBody],
	fields: [skillIdField('The skill to change'), versionField('The version that becomes the default')],
});
