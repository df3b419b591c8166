import { EVAL_IDS, evalIdField, evalOperation } from './shared';

export const { operation: deleteOperation, fields: deleteFields } = evalOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an eval',
	description: 'Delete an eval and its runs',
	method: 'DELETE',
	path: '/evals/{evalId}',
	ids: EVAL_IDS,
	fields: [evalIdField('The eval to delete')],
});
