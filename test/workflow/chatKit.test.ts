import type { IDataObject } from 'n8n-workflow';

import { describeCases, page } from '../support/operationCases';

const BETA = { 'openai-beta': 'chatkit_beta=v1' };
const session = (status = 'active') => ({ id: 'cksess_1', object: 'chatkit.session', client_secret: 'ek_1', expires_at: 2, status, user: 'user_42' });
const thread = (id: string) => ({ id, object: 'chatkit.thread', created_at: 1, title: null, status: { type: 'active' }, user: 'user_42' });
const ck = (operation: string, extra: IDataObject = {}) => ({ resource: 'chatKit', operation, ...extra });

describe('chatKit', () => {
	describeCases([
		{
			name: 'createSession sends the workflow, user and settings with the beta header',
			parameters: ck('createSession', {
				workflowId: 'wf_1',
				user: 'user_42',
				options: { workflowVersion: '3', stateVariables: '{"plan": "pro"}', tracing: false, expiresAfterSeconds: 300, maxRequestsPerMinute: 20, configuration: '{"history": {"enabled": false}}' },
			}),
			requests: [
				{
					method: 'POST',
					path: '/chatkit/sessions',
					headers: BETA,
					body: {
						workflow: { id: 'wf_1', version: '3', state_variables: { plan: 'pro' }, tracing: { enabled: false } },
						user: 'user_42',
						expires_after: { anchor: 'created_at', seconds: 300 },
						rate_limits: { max_requests_per_1_minute: 20 },
						chatkit_configuration: { history: { enabled: false } },
					},
					reply: session(),
				},
			],
			output: [session()],
		},
		{
			name: 'cancelSession posts without a body',
			parameters: ck('cancelSession', { sessionId: 'cksess_1' }),
			requests: [{ method: 'POST', path: '/chatkit/sessions/cksess_1/cancel', headers: BETA, body: null, reply: session('cancelled') }],
			output: [session('cancelled')],
		},
		{
			name: 'getAllThreads filters by user and follows the cursor',
			parameters: ck('getAllThreads', { returnAll: true, options: { user: 'user_42', order: 'asc' } }),
			requests: [
				{ method: 'GET', path: '/chatkit/threads?order=asc&user=user_42&limit=100', headers: BETA, reply: page([thread('cthr_1')], true) },
				{ method: 'GET', path: '/chatkit/threads?order=asc&user=user_42&limit=100&after=cthr_1', headers: BETA, reply: page([thread('cthr_2')]) },
			],
			output: [thread('cthr_1'), thread('cthr_2')],
		},
		{ name: 'getThread', parameters: ck('getThread', { threadId: 'cthr_1' }), requests: [{ method: 'GET', path: '/chatkit/threads/cthr_1', headers: BETA, reply: thread('cthr_1') }], output: [thread('cthr_1')] },
		{
			name: 'deleteThread',
			parameters: ck('deleteThread', { threadId: 'cthr_1' }),
			requests: [{ method: 'DELETE', path: '/chatkit/threads/cthr_1', headers: BETA, reply: { id: 'cthr_1', object: 'chatkit.thread.deleted', deleted: true } }],
			output: [{ id: 'cthr_1', object: 'chatkit.thread.deleted', deleted: true }],
		},
		{
			name: 'getAllThreadItems up to the limit',
			parameters: ck('getAllThreadItems', { threadId: 'cthr_1', limit: 1 }),
			requests: [{ method: 'GET', path: '/chatkit/threads/cthr_1/items?limit=1', headers: BETA, reply: page([{ id: 'cthi_1', object: 'chatkit.thread_item', type: 'chatkit.user_message' }], true) }],
			output: [{ id: 'cthi_1', object: 'chatkit.thread_item', type: 'chatkit.user_message' }],
		},
		{ name: 'createSession refuses an empty user', parameters: ck('createSession', { workflowId: 'wf_1', user: '={{ "" }}' }), requests: [], check: (result) => expect(result.error?.message).toBe('User ID: is empty') },
		{
			name: 'createSession refuses an expiry over 600 seconds',
			parameters: ck('createSession', { workflowId: 'wf_1', user: 'u', options: { expiresAfterSeconds: 601 } }),
			requests: [],
			check: (result) => expect(result.error?.message).toBe('Expires After: must be between 1 and 600, got 601'),
		},
	]);
});
