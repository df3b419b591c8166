import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { asMultipart, multipartForm } from '../../shared/binary';
import { idOf } from '../../shared/ids';
import { requiredText } from '../../shared/validation';
import { consentIdField, nameField, recordingField, recordingFrom, voiceOperation } from './shared';

/** preSend: name, consent and the audio sample (streamed), checked first. */
async function buildVoiceForm(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const name = requiredText(this, 'name', 'Name').trim();
	const consent = idOf(this, 'consentId', 'Consent');
	const sample = await recordingFrom(this, 'Input Binary Field');
	return asMultipart(requestOptions, multipartForm({ name, consent }, [{ name: 'audio_sample', file: sample }]));
}

export const { operation: createOperation, fields: createFields } = voiceOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a custom voice',
	description: 'Create a custom voice for speech and realtime audio from an audio sample and a consent recording',
	method: 'POST',
	path: '/audio/voices',
	preSend: [buildVoiceForm],
	fields: [
		nameField('Name of the new voice'),
		consentIdField("The speaker's consent recording, uploaded with Create Consent"),
		recordingField('Name of the binary property that holds the audio sample (MP3, WAV, Ogg, AAC, FLAC, WebM or MP4; up to 10 MiB)'),
	],
});
