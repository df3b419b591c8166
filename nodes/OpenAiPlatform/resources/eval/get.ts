import { EVAL_IDS, evalIdField, evalOperation } from './shared';

export const { operation: getOperation, fields: getFields } = evalOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an eval',
	description: "Get an eval's data source config and testing criteria",
	method: 'GET',
	path: '/evals/{evalId}',
	ids: EVAL_IDS,
	fields: [evalIdField('The eval to get')],
});
