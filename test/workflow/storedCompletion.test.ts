/** storedCompletion: getAll, get, update, delete and getMessages on /chat/completions, against nock. */
import type { IDataObject } from 'n8n-workflow';

import { testExchanges } from '../support/nockApi';

const completion = (id: string, extra: IDataObject = {}) => ({
	id,
	object: 'chat.completion',
	created: 1741569952,
	model: 'gpt-4.1-mini',
	choices: [{ index: 0, message: { role: 'assistant', content: 'Hi', refusal: null }, finish_reason: 'stop', logprobs: null }],
	metadata: {},
	...extra,
});
const list = (data: IDataObject[], hasMore = false) => ({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null, has_more: hasMore });
const message = { id: 'chatcmpl-1-0', role: 'user', content: 'Hello', name: null, content_parts: null };
const base = { resource: 'storedCompletion' };

testExchanges([
	{
		name: 'getAll: filters by model and metadata (metadata[key]=value), oldest first, up to the limit',
		parameters: { ...base, operation: 'getAll', limit: 2, filters: { model: 'gpt-4.1-mini', metadata: { pair: [{ key: 'team', value: 'support' }] }, order: 'asc' } },
		method: 'GET',
		path: '/v1/chat/completions?model=gpt-4.1-mini&order=asc&metadata[team]=support&limit=2',
		reply: list([completion('chatcmpl-1'), completion('chatcmpl-2')], true),
		output: [completion('chatcmpl-1'), completion('chatcmpl-2')],
	},
	{
		name: 'get: one completion',
		parameters: { ...base, operation: 'get', completionId: 'chatcmpl-1' },
		method: 'GET',
		path: '/v1/chat/completions/chatcmpl-1',
		reply: completion('chatcmpl-1'),
		output: [completion('chatcmpl-1')],
	},
	{
		name: 'update: replaces the metadata',
		parameters: { ...base, operation: 'update', completionId: 'chatcmpl-1', metadata: { pair: [{ key: 'reviewed', value: 'yes' }] } },
		method: 'POST',
		path: '/v1/chat/completions/chatcmpl-1',
		body: { metadata: { reviewed: 'yes' } },
		reply: completion('chatcmpl-1', { metadata: { reviewed: 'yes' } }),
		output: [completion('chatcmpl-1', { metadata: { reviewed: 'yes' } })],
	},
	{
		name: 'update: no pairs clears the metadata',
		parameters: { ...base, operation: 'update', completionId: 'chatcmpl-1' },
		method: 'POST',
		path: '/v1/chat/completions/chatcmpl-1',
		body: { metadata: {} },
		reply: completion('chatcmpl-1'),
		output: [completion('chatcmpl-1')],
	},
	{
		name: 'delete: one completion',
		parameters: { ...base, operation: 'delete', completionId: 'chatcmpl-1' },
		method: 'DELETE',
		path: '/v1/chat/completions/chatcmpl-1',
		reply: { object: 'chat.completion.deleted', id: 'chatcmpl-1', deleted: true },
		output: [{ object: 'chat.completion.deleted', id: 'chatcmpl-1', deleted: true }],
	},
	{
		name: 'getMessages: one item per message, newest first',
		parameters: { ...base, operation: 'getMessages', completionId: 'chatcmpl-1', returnAll: true, options: { order: 'desc' } },
		method: 'GET',
		path: '/v1/chat/completions/chatcmpl-1/messages?order=desc&limit=100',
		reply: list([message]),
		output: [message],
	},
]);
