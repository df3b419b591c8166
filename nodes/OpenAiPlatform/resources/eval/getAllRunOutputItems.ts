import { RUN_IDS, evalIdField, evalOperation, listOptions, runIdField } from './shared';

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
		listOptions('Only output items that passed, or that failed', [
			{ name: 'Fail', value: 'fail' },
			{ name: 'Pass', value: 'pass' },
		]),
	],
});
