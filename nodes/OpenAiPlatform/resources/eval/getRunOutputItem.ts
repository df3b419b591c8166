import { idField } from '../../shared/ids';
import { evalIdField, evalOperation, runIdField } from './shared';

export const { operation: getRunOutputItemOperation, fields: getRunOutputItemFields } = evalOperation({
	value: 'getRunOutputItem',
	name: 'Get Run Output Item',
	action: "Get one eval run's output item",
	description: 'Get one graded item of a run: its data source item, sample and grader results',
	method: 'GET',
	path: '/evals/{evalId}/runs/{runId}/output_items/{outputItemId}',
	ids: { evalId: 'Eval', runId: 'Run ID', outputItemId: 'Output Item ID' },
	fields: [
		evalIdField('The eval the run belongs to'),
		runIdField,
		idField({ name: 'outputItemId', displayName: 'Output Item ID', placeholder: 'e.g. outputitem_abc123', description: 'The output item, as Get Many Run Output Items gave it' }),
	],
});
