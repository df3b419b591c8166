import { SKILL_IDS, skillIdField, skillOperation } from './shared';

export const { operation: getOperation, fields: getFields } = skillOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a skill',
	description: "Get a skill's name, description and versions",
	method: 'GET',
	path: '/skills/{skillId}',
	ids: SKILL_IDS,
	fields: [skillIdField('The skill to get')],
});
