import type { IDataObject } from 'n8n-workflow';

import { byId, describeCases, page } from '../support/operationCases';

/** Bytes that start as the format they are labelled (the node checks them), then text the multipart body is searched for. */
const SAMPLE = { wav: 'RIFF\u0024\u0000\u0000\u0000WAVEfmt audio-bytes', mp3: 'ID3\u0004\u0000audio-bytes' };
const audio = (fileName = 'sample.wav', mimeType = 'audio/wav', bytes = SAMPLE.wav) => [{ json: {}, binary: { data: { data: Buffer.from(bytes, 'latin1').toString('base64'), fileName, mimeType } } }];
const consent = (extra: IDataObject = {}) => ({ object: 'audio.voice_consent', id: 'cons_1', name: 'Ada', language: 'en-US', created_at: 1, ...extra });
const voice = (operation: string, extra: IDataObject = {}) => ({ resource: 'voice', operation, ...extra });

describe('voice', () => {
	describeCases([
		{
			name: 'create sends the name, consent and audio sample as multipart',
			parameters: voice('create', { name: 'Ada', consentId: byId('cons_1'), binaryPropertyName: 'data' }),
			items: audio(),
			requests: [
				{
					method: 'POST',
					path: '/audio/voices',
					headers: { 'content-type': /^multipart\/form-data; boundary=/ },
					form: ['name="name"\r\n\r\nAda\r\n', 'name="consent"\r\n\r\ncons_1\r\n', 'name="audio_sample"; filename="sample.wav"', 'Content-Type: audio/wav', SAMPLE.wav],
					reply: { object: 'audio.voice', id: 'voice_1', name: 'Ada', created_at: 1 },
				},
			],
			output: [{ object: 'audio.voice', id: 'voice_1', name: 'Ada', created_at: 1 }],
		},
		{
			name: 'createConsent sends the label, language and recording',
			parameters: voice('createConsent', { name: 'Ada', language: 'en-US', binaryPropertyName: 'data' }),
			items: audio('consent.mp3', 'audio/mpeg', SAMPLE.mp3),
			requests: [
				{
					method: 'POST',
					path: '/audio/voice_consents',
					form: ['name="name"\r\n\r\nAda\r\n', 'name="language"\r\n\r\nen-US\r\n', 'name="recording"; filename="consent.mp3"', SAMPLE.mp3],
					reply: consent(),
				},
			],
			output: [consent()],
		},
		{ name: 'getConsent', parameters: voice('getConsent', { consentId: byId('cons_1') }), requests: [{ method: 'GET', path: '/audio/voice_consents/cons_1', reply: consent() }], output: [consent()] },
		{
			name: 'getAllConsents follows the cursor',
			parameters: voice('getAllConsents', { returnAll: true }),
			requests: [
				{ method: 'GET', path: '/audio/voice_consents?limit=100', reply: page([consent({ id: 'cons_1' })], true) },
				{ method: 'GET', path: '/audio/voice_consents?limit=100&after=cons_1', reply: page([consent({ id: 'cons_2' })]) },
			],
			output: [consent({ id: 'cons_1' }), consent({ id: 'cons_2' })],
		},
		{
			name: 'updateConsent renames',
			parameters: voice('updateConsent', { consentId: byId('cons_1'), name: ' Ada L. ' }),
			requests: [{ method: 'POST', path: '/audio/voice_consents/cons_1', body: { name: 'Ada L.' }, reply: consent({ name: 'Ada L.' }) }],
			output: [consent({ name: 'Ada L.' })],
		},
		{
			name: 'deleteConsent',
			parameters: voice('deleteConsent', { consentId: byId('cons_1') }),
			requests: [{ method: 'DELETE', path: '/audio/voice_consents/cons_1', reply: { id: 'cons_1', object: 'audio.voice_consent', deleted: true } }],
			output: [{ id: 'cons_1', object: 'audio.voice_consent', deleted: true }],
		},
		{
			name: 'create refuses a file that is not audio',
			parameters: voice('create', { name: 'Ada', consentId: byId('cons_1'), binaryPropertyName: 'data' }),
			items: audio('notes.txt', 'text/plain'),
			requests: [],
			check: (result) => expect(result.error?.message).toBe('Input Binary Field: "notes.txt" (text/plain) is not an accepted file type'),
		},
		{
			name: 'createConsent refuses a language that is not a tag',
			parameters: voice('createConsent', { name: 'Ada', language: 'English (US)', binaryPropertyName: 'data' }),
			items: audio(),
			requests: [],
			check: (result) => expect(result.error?.message).toBe('Language: "English (US)" is not a BCP 47 language tag such as en-US'),
		},
	]);
});
