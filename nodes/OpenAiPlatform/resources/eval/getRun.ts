import { RUN_IDS, evalIdField, evalOperation, runIdField } from './shared';

export const { operation: getRunOperation, fields: getRunFields } = evalOperation({
	value: 'getRun',
	name: 'Get Run',
	action: 'Get one eval run',
	description: "Get a run's status, per-criterion results and report URL",
	method: 'GET',
	path: '/evals/{evalId}/runs/{runId}',
	ids: RUN_IDS,
	fields: [evalIdField('The eval the run belongs to'), runIdField],
});
