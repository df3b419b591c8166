import type { IDataObject } from 'n8n-workflow';

import { describeCases, page } from '../support/operationCases';

const CHECKPOINT = 'ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd';
const permission = (id: string, project = 'proj_1') => ({ id, object: 'checkpoint.permission', created_at: 1, project_id: project });
const ft = (operation: string, extra: IDataObject = {}) => ({ resource: 'fineTuning', operation, ...extra });
const grader = { type: 'string_check', name: 'Exact', input: '{{sample.output_text}}', reference: '{{item.answer}}', operation: 'eq' };

describe('fineTuning checkpoints and graders', () => {
	describeCases([
		{
			name: 'getAllCheckpointPermissions encodes the checkpoint and filters by project',
			parameters: ft('getAllCheckpointPermissions', { checkpoint: CHECKPOINT, returnAll: true, options: { projectId: 'proj_1', order: 'ascending' } }),
			requests: [{ method: 'GET', path: `/fine_tuning/checkpoints/${CHECKPOINT}/permissions?order=ascending&project_id=proj_1&limit=100`, reply: page([permission('cp_1')]) }],
			output: [permission('cp_1')],
		},
		{
			name: 'createCheckpointPermission sends the project IDs and gives one item per permission',
			parameters: ft('createCheckpointPermission', { checkpoint: CHECKPOINT, projectIds: 'proj_1\nproj_2' }),
			requests: [{ method: 'POST', path: `/fine_tuning/checkpoints/${CHECKPOINT}/permissions`, body: { project_ids: ['proj_1', 'proj_2'] }, reply: page([permission('cp_1'), permission('cp_2', 'proj_2')]) }],
			output: [permission('cp_1'), permission('cp_2', 'proj_2')],
		},
		{
			name: 'deleteCheckpointPermission',
			parameters: ft('deleteCheckpointPermission', { checkpoint: CHECKPOINT, permissionId: 'cp_1' }),
			requests: [{ method: 'DELETE', path: `/fine_tuning/checkpoints/${CHECKPOINT}/permissions/cp_1`, reply: { id: 'cp_1', object: 'checkpoint.permission', deleted: true } }],
			output: [{ id: 'cp_1', object: 'checkpoint.permission', deleted: true }],
		},
		{
			name: 'runGrader sends the grader, the sample and the item',
			parameters: ft('runGrader', { grader: JSON.stringify(grader), modelSample: 'Paris', options: { item: '{"answer": "Paris"}' } }),
			requests: [
				{
					method: 'POST',
					path: '/fine_tuning/alpha/graders/run',
					body: { grader, model_sample: 'Paris', item: { answer: 'Paris' } },
					reply: { reward: 1, metadata: { name: 'Exact', type: 'string_check', errors: {}, execution_time: 0.1, scores: {}, token_usage: null, sampled_model_name: null }, sub_rewards: {}, model_grader_token_usage_per_model: {} },
				},
			],
			output: [{ reward: 1, metadata: { name: 'Exact', type: 'string_check', errors: {}, execution_time: 0.1, scores: {}, token_usage: null, sampled_model_name: null }, sub_rewards: {}, model_grader_token_usage_per_model: {} }],
		},
		{
			name: 'validateGrader sends the grader',
			parameters: ft('validateGrader', { grader: JSON.stringify(grader) }),
			requests: [{ method: 'POST', path: '/fine_tuning/alpha/graders/validate', body: { grader }, reply: { grader } }],
			output: [{ grader }],
		},
		{ name: 'runGrader refuses an empty sample', parameters: ft('runGrader', { grader: JSON.stringify(grader), modelSample: ' ' }), requests: [], check: (result) => expect(result.error?.message).toBe('Model Sample: is empty') },
		{ name: 'validateGrader refuses an unknown type', parameters: ft('validateGrader', { grader: '{"type": "regex", "name": "x"}' }), requests: [], check: (result) => expect(result.error?.message).toBe('Grader: type "regex" is not a grader type') },
		{ name: 'createCheckpointPermission refuses no projects', parameters: ft('createCheckpointPermission', { checkpoint: CHECKPOINT, projectIds: '={{ " " }}' }), requests: [], check: (result) => expect(result.error?.message).toBe('Project IDs: give at least one project ID') },
	]);
});
