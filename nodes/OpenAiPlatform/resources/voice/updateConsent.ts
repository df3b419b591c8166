import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requiredText } from '../../shared/validation';
import { CONSENT_IDS, consentIdField, nameField, voiceOperation } from './shared';

/** preSend: the new label, not blank. */
async function buildRenameBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return { ...requestOptions, body: { name: requiredText(this, 'name', 'Name').trim() } };
}

export const { operation: updateConsentOperation, fields: updateConsentFields } = voiceOperation({
	value: 'updateConsent',
	name: 'Update Consent',
	action: 'Rename a voice consent recording',
	description: 'Change the label of a consent recording',
	method: 'POST',
	path: '/audio/voice_consents/{consentId}',
	ids: CONSENT_IDS,
	preSend: [buildRenameBody],
	fields: [consentIdField('The consent recording to rename'), nameField('The new label of the consent recording')],
});
