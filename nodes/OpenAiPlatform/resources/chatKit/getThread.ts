import { THREAD_IDS, chatKitOperation, threadIdField } from './shared';

export const { operation: getThreadOperation, fields: getThreadFields } = chatKitOperation({
	value: 'getThread',
	name: 'Get Thread',
	action: 'Get one ChatKit thread',
	description: "Get a thread's title, status and user",
	method: 'GET',
	path: '/chatkit/threads/{threadId}',
	ids: THREAD_IDS,
	fields: [threadIdField('The thread to get')],
});
