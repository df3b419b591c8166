import { idField } from '../../shared/ids';
import { chatKitOperation } from './shared';

export const { operation: cancelSessionOperation, fields: cancelSessionFields } = chatKitOperation({
	value: 'cancelSession',
	name: 'Cancel Session',
	action: 'Cancel a ChatKit session',
	description: 'End a ChatKit session so its client secret no longer works',
	method: 'POST',
	path: '/chatkit/sessions/{sessionId}/cancel',
	ids: { sessionId: 'Session ID' },
	fields: [idField({ name: 'sessionId', displayName: 'Session ID', placeholder: 'e.g. cksess_123', description: 'The session Create Session returned' })],
});
