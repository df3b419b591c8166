import { collectionField, orderField } from '../../shared/fields';
import { RUN_IDS, evalIdField, evalOperation, runIdField } from './shared';

export const { operation: getAllRunOutputItemsOperation, fields: getAllRunOutputItemsFields } = evalOperation({
	value: 'getAllRunOutputItems',
	name: 'Get Many Run Output Items',
	action: 'Get many output items of an eval run',
	description: 'List what a run graded, with each grader result: one item per output item',
	method: 'GET',
	path: '/evals/{evalId}/runs/{runId}/output_items',
	ids: RUN_IDS,
	list: {},
	fields: [evalIdField('The eval the run belongs to'), runIdField],
	trailingFields: [
		collectionField([
			orderField(),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'fail',
				description: 'Only output items that passed, or that failed',
				options: [
					{ name: 'Fail', value: 'fail' },
					{ name: 'Pass', value: 'pass' },
				],
				routing: { send: { type: 'query', property: 'status' } },
			},
		]),
	],
});
