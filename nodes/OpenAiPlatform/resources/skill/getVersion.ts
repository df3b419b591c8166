import { VERSION_IDS, skillIdField, skillOperation, versionField } from './shared';

export const { operation: getVersionOperation, fields: getVersionFields } = skillOperation({
	value: 'getVersion',
	name: 'Get Version',
	action: 'Get one version of a skill',
	description: "Get one version of a skill",
	method: 'GET',
	path: '/skills/{skillId}/versions/{version}',
	ids: VERSION_IDS,
	fields: [skillIdField('The skill the version belongs to'), versionField('The version number')],
});
