import { RUN_IDS, evalIdField, evalOperation, runIdField } from './shared';

export const { operation: cancelRunOperation, fields: cancelRunFields } = evalOperation({
	value: 'cancelRun',
	name: 'Cancel Run',
	action: 'Cancel an eval run',
	description: 'Stop a queued or running eval run',
	method: 'POST',
	path: '/evals/{evalId}/runs/{runId}',
	ids: RUN_IDS,
	fields: [evalIdField('The eval the run belongs to'), runIdField],
});
