import { EVAL_IDS, evalIdField, evalOperation, listOptions } from './shared';

export const { operation: getAllRunsOperation, fields: getAllRunsFields } = evalOperation({
	value: 'getAllRuns',
	name: 'Get Many Runs',
	action: 'Get many runs of an eval',
	description: 'List the runs of an eval with their status and results: one item per run',
	method: 'GET',
	path: '/evals/{evalId}/runs',
	ids: EVAL_IDS,
	list: {},
	fields: [evalIdField('The eval whose runs to list')],
	trailingFields: [
		listOptions('Only runs with this status', [
			{ name: 'Canceled', value: 'canceled' },
			{ name: 'Completed', value: 'completed' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'In Progress', value: 'in_progress' },
			{ name: 'Queued', value: 'queued' },
		]),
	],
});
