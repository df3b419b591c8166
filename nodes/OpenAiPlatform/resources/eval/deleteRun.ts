import { RUN_IDS, evalIdField, evalOperation, runIdField } from './shared';

export const { operation: deleteRunOperation, fields: deleteRunFields } = evalOperation({
	value: 'deleteRun',
	name: 'Delete Run',
	action: 'Delete an eval run',
	description: 'Delete an eval run and its output items',
	method: 'DELETE',
	path: '/evals/{evalId}/runs/{runId}',
	ids: RUN_IDS,
	fields: [evalIdField('The eval the run belongs to'), runIdField],
});
