import { collectionField, orderField } from '../../shared/fields';
import { evalOperation } from './shared';

export const { operation: getAllOperation, fields: getAllFields } = evalOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many evals',
	description: 'List the evals of the project: one item per eval',
	method: 'GET',
	path: '/evals',
	list: {},
	trailingFields: [
		collectionField([
			orderField('Sort by the time chosen in "Order By"'),
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'options',
				default: 'created_at',
				description: 'Which time to sort by',
				options: [
					{ name: 'Created At', value: 'created_at' },
					{ name: 'Updated At', value: 'updated_at' },
				],
				routing: { send: { type: 'query', property: 'order_by' } },
			},
		]),
	],
});
