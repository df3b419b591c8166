import { voiceOperation } from './shared';

export const { operation: getAllConsentsOperation, fields: getAllConsentsFields } = voiceOperation({
	value: 'getAllConsents',
	name: 'Get Many Consents',
	action: 'Get many voice consent recordings',
	description: 'List the consent recordings of the organization: one item per recording',
	method: 'GET',
	path: '/audio/voice_consents',
	list: {},
});
