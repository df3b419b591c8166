import { VERSION_IDS, skillIdField, skillOperation, versionField } from './shared';

export const { operation: deleteVersionOperation, fields: deleteVersionFields } = skillOperation({
	value: 'deleteVersion',
	name: 'Delete Version',
	action: 'Delete a version of a skill',
	description: "Delete one version of a skill",
	method: 'DELETE',
	path: '/skills/{skillId}/versions/{version}',
	ids: VERSION_IDS,
	fields: [skillIdField('The skill the version belongs to'), versionField('The version number to delete')],
});
