import { THREAD_IDS, chatKitOperation, threadIdField } from './shared';

export const { operation: deleteThreadOperation, fields: deleteThreadFields } = chatKitOperation({
	value: 'deleteThread',
	name: 'Delete Thread',
	action: 'Delete a ChatKit thread',
	description: 'Delete a thread and its items',
	method: 'DELETE',
	path: '/chatkit/threads/{threadId}',
	ids: THREAD_IDS,
	fields: [threadIdField('The thread to delete')],
});
