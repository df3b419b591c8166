import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { filesFields, skillFilesForm, skillOperation } from './shared';

async function buildSkillForm(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return await skillFilesForm(this, requestOptions);
}

export const { operation: createOperation, fields: createFields } = skillOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a skill',
	description: 'Create a skill from its files (a folder with SKILL.md) or a zip of them',
	method: 'POST',
	path: '/skills',
	preSend: [buildSkillForm],
	fields: filesFields,
});
