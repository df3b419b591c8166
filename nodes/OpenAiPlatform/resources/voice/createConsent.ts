import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { asMultipart, multipartForm } from '../../shared/binary';
import { fail, requiredText } from '../../shared/validation';
import { nameField, recordingField, recordingFrom, voiceOperation } from './shared';

/** A BCP 47 language tag, as far as a check before sending can tell: "en", "en-US", "zh-Hant-TW". */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** preSend: label, language and the consent recording (streamed), checked first. */
async function buildConsentForm(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const name = requiredText(this, 'name', 'Name').trim();
	const language = requiredText(this, 'language', 'Language').trim();
	if (!LANGUAGE_TAG.test(language)) fail(this, `Language: "${language}" is not a BCP 47 language tag such as en-US`);
	const recording = await recordingFrom(this, 'Input Binary Field');
	return asMultipart(requestOptions, multipartForm({ name, language }, [{ name: 'recording', file: recording }]));
}

export const { operation: createConsentOperation, fields: createConsentFields } = voiceOperation({
	value: 'createConsent',
	name: 'Create Consent',
	action: 'Create a voice consent recording',
	description: 'Upload the recording in which a speaker consents to a custom voice of theirs',
	method: 'POST',
	path: '/audio/voice_consents',
	preSend: [buildConsentForm],
	fields: [
		nameField('A label for the consent recording'),
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			required: true,
			default: 'en-US',
			placeholder: 'e.g. en-US',
			description: 'The BCP 47 language tag of the consent phrase spoken in the recording',
		},
		recordingField('Name of the binary property that holds the consent recording (MP3, WAV, Ogg, AAC, FLAC, WebM or MP4; up to 10 MiB)'),
	],
});
