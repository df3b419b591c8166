import { VERSION_IDS, contentOutputField, contentRequest, skillIdField, skillOperation, versionField } from './shared';

export const { operation: getVersionContentOperation, fields: getVersionContentFields } = skillOperation({
	value: 'getVersionContent',
	name: 'Get Version Content',
	action: 'Get the content of a skill version',
	description: 'Download the files of one version of a skill as a zip',
	method: 'GET',
	path: '/skills/{skillId}/versions/{version}/content',
	ids: VERSION_IDS,
	...contentRequest,
	fields: [skillIdField('The skill the version belongs to'), versionField('The version number to download'), contentOutputField],
});
