import { SKILL_IDS, contentOutputField, contentRequest, skillIdField, skillOperation } from './shared';

export const { operation: getContentOperation, fields: getContentFields } = skillOperation({
	value: 'getContent',
	name: 'Get Content',
	action: "Get a skill's content",
	description: "Download the files of a skill's default version as a zip",
	method: 'GET',
	path: '/skills/{skillId}/content',
	ids: SKILL_IDS,
	...contentRequest,
	fields: [skillIdField('The skill to download'), contentOutputField],
});
