import { collectionField, orderField } from '../../shared/fields';
import { skillOperation } from './shared';

export const { operation: getAllOperation, fields: getAllFields } = skillOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many skills',
	description: 'List the skills of the project: one item per skill',
	method: 'GET',
	path: '/skills',
	list: {},
	trailingFields: [collectionField([orderField()])],
});
