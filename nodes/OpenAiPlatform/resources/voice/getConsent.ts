import { CONSENT_IDS, consentIdField, voiceOperation } from './shared';

export const { operation: getConsentOperation, fields: getConsentFields } = voiceOperation({
	value: 'getConsent',
	name: 'Get Consent',
	action: 'Get a voice consent recording',
	description: "Get a consent recording's label and language",
	method: 'GET',
	path: '/audio/voice_consents/{consentId}',
	ids: CONSENT_IDS,
	fields: [consentIdField('The consent recording to get')],
});
