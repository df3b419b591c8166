import { END_USER_LABEL } from '../../shared/concepts';
import { collectionField, orderField } from '../../shared/fields';
import { chatKitOperation } from './shared';

export const { operation: getAllThreadsOperation, fields: getAllThreadsFields } = chatKitOperation({
	value: 'getAllThreads',
	name: 'Get Many Threads',
	action: 'Get many ChatKit threads',
	description: 'List ChatKit threads, of all users or of one: one item per thread',
	method: 'GET',
	path: '/chatkit/threads',
	list: {},
	trailingFields: [
		collectionField([
			orderField(),
			{
				displayName: END_USER_LABEL,
				name: 'user',
				type: 'string',
				default: '',
				placeholder: 'e.g. user_42',
				description: 'Only the threads of this user',
				routing: { send: { type: 'query', property: 'user' } },
			},
		]),
	],
});
