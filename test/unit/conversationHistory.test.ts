/** ConversationHistory (issue 17) against a fake Conversations API: appending in batches, clearing. */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { ConversationHistory } from '../../nodes/OpenAiConversationMemory/ConversationHistory';

function fakeApi(pages: IDataObject[] = []) {
	const sent: Array<{ method: IHttpRequestMethods; url: string; body?: IDataObject; qs?: IDataObject }> = [];
	const request = async (method: IHttpRequestMethods, url: string, options: { body?: IDataObject; qs?: IDataObject } = {}) => {
		sent.push({ method, url, ...options });
		return method === 'GET' ? (pages.shift() ?? { data: [], has_more: false }) : {};
	};
	return { sent, history: new ConversationHistory(async () => 'conv_1', request) };
}

const text = (role: 'user' | 'assistant' | 'system' | 'tool', value: string) => ({ role, content: [{ type: 'text' as const, text: value }] });

describe('ConversationHistory', () => {
	it('appends up to 20 items per request, leaving out tool messages', async () => {
		const { sent, history } = fakeApi();
		await history.addMessages([...Array.from({ length: 21 }, (_, i) => text(i % 2 ? 'assistant' : 'user', `m${i}`)), text('tool', 'result')]);
		expect(sent.map((request) => [request.method, request.url, (request.body?.items as unknown[]).length])).toEqual([
			['POST', '/conversations/conv_1/items', 20],
			['POST', '/conversations/conv_1/items', 1],
		]);
		expect((sent[1].body?.items as IDataObject[])[0]).toEqual({ type: 'message', role: 'user', content: 'm20' });
	});

	it('sends nothing for nothing to append', async () => {
		const { sent, history } = fakeApi();
		await history.addMessages([text('tool', 'result')]);
		expect(sent).toEqual([]);
	});

	it('clears by deleting every item, page by page; the conversation stays', async () => {
		const { sent, history } = fakeApi([
			{ data: [{ id: 'msg_1', type: 'message' }, { id: 'msg_2', type: 'message' }], has_more: true },
			{ data: [{ id: 'msg_3', type: 'message' }], has_more: false },
		]);
		await history.clear();
		expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
			'GET /conversations/conv_1/items',
			'DELETE /conversations/conv_1/items/msg_1',
			'DELETE /conversations/conv_1/items/msg_2',
			'GET /conversations/conv_1/items',
			'DELETE /conversations/conv_1/items/msg_3',
		]);
	});

	it('reads developer messages as system messages and skips items of other kinds', async () => {
		const { history } = fakeApi([
			{
				data: [
					{ id: 'msg_2', type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'Be brief.' }] },
					{ id: 'ws_1', type: 'web_search_call', status: 'completed' },
					{ id: 'msg_1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }, { type: 'input_image', image_url: 'x' }] },
				],
				has_more: false,
			},
		]);
		expect(await history.getMessages()).toEqual([
			{ role: 'user', id: 'msg_1', content: [{ type: 'text', text: 'Hi' }] },
			{ role: 'system', id: 'msg_2', content: [{ type: 'text', text: 'Be brief.' }] },
		]);
	});
});
