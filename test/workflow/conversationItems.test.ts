/** conversation: listItems, addItems, getItem and deleteItem on /conversations/{id}/items, against nock. */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, captured, outputOf, recordAndReply, runNode, testExchanges } from '../support/nockApi';

const base = { resource: 'conversation', conversationId: 'conv_1' };
const item = (id: string, text = 'Hello', role = 'user') => ({ type: 'message', id, status: 'completed', role, content: [{ type: 'input_text', text }] });
const list = (data: IDataObject[], hasMore = false) => ({ object: 'list', data, first_id: data[0]?.id, last_id: data[data.length - 1]?.id, has_more: hasMore });

testExchanges([
	{
		name: 'listItems: include and order as query, one output item per item, up to the limit',
		parameters: { ...base, operation: 'listItems', limit: 2, options: { include: ['message.output_text.logprobs'], order: 'asc' } },
		method: 'GET',
		path: '/v1/conversations/conv_1/items?order=asc&include=message.output_text.logprobs&limit=2',
		reply: list([item('msg_1'), item('msg_2')], true),
		output: [item('msg_1'), item('msg_2')],
	},
	{
		name: 'addItems: messages, output one item per item added',
		parameters: { ...base, operation: 'addItems', newMessages: { message: [{ role: 'user', text: 'One more thing' }, { role: 'assistant', text: 'Yes?' }] } },
		method: 'POST',
		path: '/v1/conversations/conv_1/items',
		body: { items: [{ type: 'message', role: 'user', content: 'One more thing' }, { type: 'message', role: 'assistant', content: 'Yes?' }] },
		reply: list([item('msg_3', 'One more thing'), item('msg_4', 'Yes?', 'assistant')]),
		output: [item('msg_3', 'One more thing'), item('msg_4', 'Yes?', 'assistant')],
	},
	{
		name: 'addItems: JSON items with include',
		parameters: { ...base, operation: 'addItems', itemsType: 'json', items: '[{"role":"user","content":"Hello"}]', options: { include: ['message.input_image.image_url'] } },
		method: 'POST',
		path: '/v1/conversations/conv_1/items?include=message.input_image.image_url',
		body: { items: [{ type: 'message', role: 'user', content: 'Hello' }] },
		reply: list([item('msg_5')]),
		output: [item('msg_5')],
	},
	{
		name: 'getItem: one item',
		parameters: { ...base, operation: 'getItem', itemId: 'msg_1' },
		method: 'GET',
		path: '/v1/conversations/conv_1/items/msg_1',
		reply: item('msg_1'),
		output: [item('msg_1')],
	},
	{
		name: 'deleteItem: outputs the conversation',
		parameters: { ...base, operation: 'deleteItem', itemId: 'msg_1' },
		method: 'DELETE',
		path: '/v1/conversations/conv_1/items/msg_1',
		reply: { id: 'conv_1', object: 'conversation', created_at: 1741900000, metadata: {} },
		output: [{ id: 'conv_1', object: 'conversation', created_at: 1741900000, metadata: {} }],
	},
]);

describe('conversation.listItems with Return All', () => {
	it('follows the cursor (after = last_id) until has_more is false', async () => {
		const seen = captured();
		const scope = nock(API)
			.get('/v1/conversations/conv_1/items')
			.query(true)
			.times(2)
			.reply(recordAndReply(seen, (call: number) => (call === 0 ? list([item('msg_1'), item('msg_2')], true) : list([item('msg_3')]))));
		const result = await runNode({ ...base, operation: 'listItems', returnAll: true });
		expect(result.error?.message).toBeUndefined();
		scope.done();
		expect(seen.paths.map(decodeURIComponent)).toEqual(['/v1/conversations/conv_1/items?limit=100', '/v1/conversations/conv_1/items?limit=100&after=msg_2']);
		expect(outputOf(result).map((entry) => entry.json.id)).toEqual(['msg_1', 'msg_2', 'msg_3']);
	});
});
