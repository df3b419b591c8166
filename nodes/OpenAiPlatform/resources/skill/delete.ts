import { SKILL_IDS, skillIdField, skillOperation } from './shared';

export const { operation: deleteOperation, fields: deleteFields } = skillOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a skill',
	description: "Delete a skill and all its versions",
	method: 'DELETE',
	path: '/skills/{skillId}',
	ids: SKILL_IDS,
	fields: [skillIdField('The skill to delete')],
});
