import type { IDataObject } from 'n8n-workflow';

import { byId, describeCases, page } from '../support/operationCases';

const evalObject = (extra: IDataObject = {}) => ({ id: 'eval_1', object: 'eval', name: 'QA', created_at: 1, data_source_config: { type: 'custom', schema: {} }, testing_criteria: [], metadata: null, ...extra });
const run = (id = 'evalrun_1', extra: IDataObject = {}) => ({ id, object: 'eval.run', eval_id: 'eval_1', status: 'queued', ...extra });
const config = { type: 'custom', item_schema: { type: 'object', properties: { q: { type: 'string' } } } };
const criteria = [{ type: 'string_check', name: 'Exact', input: '{{sample.output_text}}', reference: '{{item.a}}', operation: 'eq' }];
const ev = (operation: string, extra: IDataObject = {}) => ({ resource: 'eval', operation, evalId: byId('eval_1'), ...extra });
const evRun = (operation: string, extra: IDataObject = {}) => ev(operation, { runId: 'evalrun_1', ...extra });

describe('eval', () => {
	describeCases([
		{
			name: 'create sends the config, criteria, name and metadata',
			parameters: { resource: 'eval', operation: 'create', dataSourceConfig: JSON.stringify(config), testingCriteria: JSON.stringify(criteria), options: { name: ' QA ', metadata: { pair: [{ key: 'team', value: 'ml' }] } } },
			requests: [{ method: 'POST', path: '/evals', body: { data_source_config: config, testing_criteria: criteria, name: 'QA', metadata: { team: 'ml' } }, reply: evalObject() }],
			output: [evalObject()],
		},
		{
			name: 'getAll follows the cursor with order and order by',
			parameters: { resource: 'eval', operation: 'getAll', returnAll: true, options: { order: 'asc', orderBy: 'updated_at' } },
			requests: [
				{ method: 'GET', path: '/evals?order=asc&order_by=updated_at&limit=100', reply: page([evalObject({ id: 'eval_1' })], true) },
				{ method: 'GET', path: '/evals?order=asc&order_by=updated_at&limit=100&after=eval_1', reply: page([evalObject({ id: 'eval_2' })]) },
			],
			output: [evalObject({ id: 'eval_1' }), evalObject({ id: 'eval_2' })],
		},
		{ name: 'get', parameters: ev('get'), requests: [{ method: 'GET', path: '/evals/eval_1', reply: evalObject() }], output: [evalObject()] },
		{
			name: 'update sends only the name and metadata given',
			parameters: ev('update', { updateFields: { name: 'Renamed', metadata: { pair: [{ key: 'v', value: '2' }] } } }),
			requests: [{ method: 'POST', path: '/evals/eval_1', body: { name: 'Renamed', metadata: { v: '2' } }, reply: evalObject({ name: 'Renamed' }) }],
			output: [evalObject({ name: 'Renamed' })],
		},
		{
			name: 'delete',
			parameters: ev('delete'),
			requests: [{ method: 'DELETE', path: '/evals/eval_1', body: null, reply: { object: 'eval.deleted', deleted: true, eval_id: 'eval_1' } }],
			output: [{ object: 'eval.deleted', deleted: true, eval_id: 'eval_1' }],
		},
		{
			name: 'createRun sends the data source, name and metadata',
			parameters: ev('createRun', { dataSource: '{"type": "jsonl", "source": {"type": "file_id", "id": "file-1"}}', options: { name: 'nightly' } }),
			requests: [{ method: 'POST', path: '/evals/eval_1/runs', body: { data_source: { type: 'jsonl', source: { type: 'file_id', id: 'file-1' } }, name: 'nightly' }, reply: run() }],
			output: [run()],
		},
		{
			name: 'getAllRuns filters by status up to the limit',
			parameters: ev('getAllRuns', { limit: 2, options: { status: 'failed', order: 'desc' } }),
			requests: [{ method: 'GET', path: '/evals/eval_1/runs?order=desc&status=failed&limit=2', reply: page([run('r1'), run('r2')], true) }],
			output: [run('r1'), run('r2')],
		},
		{ name: 'getRun', parameters: evRun('getRun'), requests: [{ method: 'GET', path: '/evals/eval_1/runs/evalrun_1', reply: run() }], output: [run()] },
		{
			name: 'cancelRun posts without a body',
			parameters: evRun('cancelRun'),
			requests: [{ method: 'POST', path: '/evals/eval_1/runs/evalrun_1', body: null, reply: run('evalrun_1', { status: 'canceled' }) }],
			output: [run('evalrun_1', { status: 'canceled' })],
		},
		{
			name: 'deleteRun',
			parameters: evRun('deleteRun'),
			requests: [{ method: 'DELETE', path: '/evals/eval_1/runs/evalrun_1', reply: { object: 'eval.run.deleted', deleted: true, run_id: 'evalrun_1' } }],
			output: [{ object: 'eval.run.deleted', deleted: true, run_id: 'evalrun_1' }],
		},
		{
			name: 'getAllRunOutputItems lists the failed items',
			parameters: evRun('getAllRunOutputItems', { returnAll: true, options: { status: 'fail' } }),
			requests: [{ method: 'GET', path: '/evals/eval_1/runs/evalrun_1/output_items?status=fail&limit=100', reply: page([{ id: 'oi_1', status: 'fail' }]) }],
			output: [{ id: 'oi_1', status: 'fail' }],
		},
		{
			name: 'getRunOutputItem encodes the three IDs',
			parameters: evRun('getRunOutputItem', { outputItemId: 'oi:1' }),
			requests: [{ method: 'GET', path: '/evals/eval_1/runs/evalrun_1/output_items/oi:1', reply: { id: 'oi:1', object: 'eval.run.output_item' } }],
			output: [{ id: 'oi:1', object: 'eval.run.output_item' }],
		},
		...(
			[
				[{ dataSourceConfig: '{"type": "custom"}' }, 'Data Source Config: a custom data source needs "item_schema", a JSON schema object'],
				[{ dataSourceConfig: '{"type": "files"}' }, 'Data Source Config: the object has type "files"'],
				[{ testingCriteria: '[]' }, 'Testing Criteria: must be a JSON array with at least one grader'],
				[{ testingCriteria: '[{"type": "string_check"}]' }, 'Testing Criteria: grader 1 has no "name"'],
				[{ testingCriteria: '[{"type": "string_check", "name": "x"' }, 'Testing Criteria: not valid JSON'],
			] as Array<[IDataObject, string]>
		).map(([bad, message]) => ({
			name: `create refuses ${JSON.stringify(bad)} before sending`,
			parameters: { resource: 'eval', operation: 'create', dataSourceConfig: JSON.stringify(config), testingCriteria: JSON.stringify(criteria), ...bad },
			requests: [],
			check: (result: { error?: Error }) => expect(result.error?.message).toBe(message),
		})),
		{
			name: 'createRun refuses a jsonl source without its source',
			parameters: ev('createRun', { dataSource: '{"type": "jsonl"}' }),
			requests: [],
			check: (result) => expect(result.error?.message).toBe('Data Source: a jsonl data source needs "source" (file_content or file_id)'),
		},
		{ name: 'update refuses nothing to change', parameters: ev('update'), requests: [], check: (result) => expect(result.error?.message).toBe('Update Fields: add at least one field to change') },
		{ name: 'getRun names the empty run ID', parameters: evRun('getRun', { runId: ' ' }), requests: [], check: (result) => expect(result.error?.message).toBe('Run ID: is empty') },
	]);
});
