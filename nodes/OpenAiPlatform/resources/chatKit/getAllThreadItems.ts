import { THREAD_IDS, chatKitOperation, orderOptions, threadIdField } from './shared';

export const { operation: getAllThreadItemsOperation, fields: getAllThreadItemsFields } = chatKitOperation({
	value: 'getAllThreadItems',
	name: 'Get Many Thread Items',
	action: 'Get many ChatKit thread items',
	description: 'List the messages, widgets and tool calls of a thread: one item per thread item',
	method: 'GET',
	path: '/chatkit/threads/{threadId}/items',
	ids: THREAD_IDS,
	list: {},
	fields: [threadIdField('The thread whose items to list')],
	trailingFields: [orderOptions],
});
