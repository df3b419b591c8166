import { CONSENT_IDS, consentIdField, voiceOperation } from './shared';

export const { operation: deleteConsentOperation, fields: deleteConsentFields } = voiceOperation({
	value: 'deleteConsent',
	name: 'Delete Consent',
	action: 'Delete a voice consent recording',
	description: 'Delete a consent recording',
	method: 'DELETE',
	path: '/audio/voice_consents/{consentId}',
	ids: CONSENT_IDS,
	fields: [consentIdField('The consent recording to delete')],
});
