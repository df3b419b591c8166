import type { IDataObject } from 'n8n-workflow';

import { TEST_ADMIN_KEY } from '../harness/n8n';
import { describeCases, page } from '../support/operationCases';

const ADMIN = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
const START = '2026-11-01T00:00:00.000Z';
const END = '2026-11-03T00:00:00.000Z';
const S = Date.parse(START) / 1000;
const E = Date.parse(END) / 1000;
const bucket = (start: number, results: IDataObject[] = []) => ({ object: 'bucket', start_time: start, end_time: start + 86400, results });
const usagePage = (data: IDataObject[], next: string | null) => ({ object: 'page', data, has_more: next !== null, next_page: next });
const org = (operation: string, extra: IDataObject = {}) => ({ resource: 'organization', operation, ...extra });
const cost = { object: 'organization.costs.result', amount: { value: 1.5, currency: 'usd' }, line_item: null, project_id: 'proj_1' };

describe('organization', () => {
	describeCases([
		{
			name: 'getCosts sends the range, grouping and projects with the admin key, and follows next_page',
			parameters: org('getCosts', { startTime: START, options: { endTime: END, groupBy: ['project_id', 'line_item'], projectIds: 'proj_1, proj_2' } }),
			requests: [
				{
					method: 'GET',
					path: `/organization/costs?group_by=project_id&group_by=line_item&project_ids=proj_1&project_ids=proj_2&start_time=${S}&end_time=${E}&bucket_width=1d&limit=180`,
					headers: ADMIN,
					reply: usagePage([bucket(S, [cost])], 'page_2'),
				},
				{
					method: 'GET',
					path: `/organization/costs?group_by=project_id&group_by=line_item&project_ids=proj_1&project_ids=proj_2&start_time=${S}&end_time=${E}&bucket_width=1d&limit=180&page=page_2`,
					headers: ADMIN,
					reply: usagePage([bucket(S + 86400)], null),
				},
			],
			output: [bucket(S, [cost]), bucket(S + 86400)],
		},
		{
			name: 'getUsage asks the usage type with its bucket width and model filter',
			parameters: org('getUsage', { usageType: 'embeddings', startTime: START, options: { bucketWidth: '1h', groupBy: ['model'], models: 'text-embedding-3-small' } }),
			requests: [
				{
					method: 'GET',
					path: `/organization/usage/embeddings?group_by=model&models=text-embedding-3-small&start_time=${S}&bucket_width=1h&limit=168`,
					headers: ADMIN,
					reply: usagePage([bucket(S, [{ object: 'organization.usage.embeddings.result', input_tokens: 10, num_model_requests: 1, model: 'text-embedding-3-small' }])], null),
				},
			],
			output: [bucket(S, [{ object: 'organization.usage.embeddings.result', input_tokens: 10, num_model_requests: 1, model: 'text-embedding-3-small' }])],
		},
		{
			name: 'getAuditLogs sends the filters as the endpoint names them and follows the cursor',
			parameters: org('getAuditLogs', { returnAll: true, filters: { eventTypes: 'api_key.created, project.archived', actorEmails: 'ada@example.com', effectiveAfter: START } }),
			requests: [
				{
					method: 'GET',
					path: `/organization/audit_logs?event_types[]=api_key.created&event_types[]=project.archived&actor_emails[]=ada@example.com&effective_at[gte]=${S}&limit=100`,
					headers: ADMIN,
					reply: page([{ id: 'audit_1', type: 'api_key.created', effective_at: S }], true),
				},
				{
					method: 'GET',
					path: `/organization/audit_logs?event_types[]=api_key.created&event_types[]=project.archived&actor_emails[]=ada@example.com&effective_at[gte]=${S}&limit=100&after=audit_1`,
					headers: ADMIN,
					reply: page([{ id: 'audit_2', type: 'project.archived', effective_at: S }]),
				},
			],
			output: [{ id: 'audit_1', type: 'api_key.created', effective_at: S }, { id: 'audit_2', type: 'project.archived', effective_at: S }],
		},
		{
			name: 'getProjects lists archived projects too',
			parameters: org('getProjects', { limit: 2, options: { includeArchived: true } }),
			requests: [{ method: 'GET', path: '/organization/projects?include_archived=true&limit=2', headers: ADMIN, reply: page([{ id: 'proj_1', object: 'organization.project', name: 'Default', status: 'active' }]) }],
			output: [{ id: 'proj_1', object: 'organization.project', name: 'Default', status: 'active' }],
		},
		{
			name: 'without an admin key nothing is sent, and the error says what to add',
			parameters: org('getProjects'),
			credentials: { adminApiKey: '' },
			requests: [],
			check: (result) => {
				expect(result.error?.message).toBe('Admin API Key: the organization endpoints need an admin key, and the credential has none');
				expect(result.error?.description).toContain('platform.openai.com/settings/organization/admin-keys');
			},
		},
		{
			name: 'getUsage refuses a grouping the usage type does not have',
			parameters: org('getUsage', { usageType: 'vector_stores', startTime: START, options: { groupBy: ['model'] } }),
			requests: [],
			check: (result) => expect(result.error?.message).toBe('Group By: vector_stores usage cannot be grouped by "model"'),
		},
		{
			name: 'getCosts refuses an end before the start',
			parameters: org('getCosts', { startTime: END, options: { endTime: START } }),
			requests: [],
			check: (result) => expect(result.error?.message).toBe('End Time: must be after the start time'),
		},
		{
			name: 'the admin key never goes to other endpoints',
			parameters: { resource: 'model', operation: 'get', model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' } },
			requests: [{ method: 'GET', path: '/models/gpt-4.1-mini', headers: { authorization: /^Bearer sk-test-/ }, reply: { id: 'gpt-4.1-mini', object: 'model', created: 1, owned_by: 'openai' } }],
			output: [{ id: 'gpt-4.1-mini', object: 'model', created: 1, owned_by: 'openai' }],
		},
	]);
});
