import { collectionField, orderField } from '../../shared/fields';
import { SKILL_IDS, skillIdField, skillOperation } from './shared';

export const { operation: getAllVersionsOperation, fields: getAllVersionsFields } = skillOperation({
	value: 'getAllVersions',
	name: 'Get Many Versions',
	action: 'Get many versions of a skill',
	description: 'List the versions of a skill: one item per version',
	method: 'GET',
	path: '/skills/{skillId}/versions',
	ids: SKILL_IDS,
	list: {},
	fields: [skillIdField('The skill whose versions to list')],
	trailingFields: [collectionField([orderField()])],
});
