import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { BinaryFile, FileContent } from '../../shared/binary';
import { openBinaryFile } from '../../shared/binary';
import { binaryPropertyField, idLocatorField } from '../../shared/fields';
import type { OperationSpec } from '../../shared/operation';
import { defineOperation } from '../../shared/operation';

/** An operation of this resource (`defineOperation` scoped to voice). */
export const voiceOperation = (spec: OperationSpec) => defineOperation('voice', spec);

export const consentIdField = (description: string): INodeProperties =>
	idLocatorField({ name: 'consentId', displayName: 'Consent', searchListMethod: 'searchVoiceConsents', placeholder: 'e.g. cons_1234', description });

export const CONSENT_IDS = { consentId: 'Consent' };

/** What OpenAI accepts for a voice sample or a consent recording: 10 MiB of MPEG, WAV, Ogg, AAC, FLAC, WebM or MP4 audio. */
const AUDIO_LIMITS = {
	maxBytes: 10 * 1024 * 1024,
	accept: ['audio/mpeg', 'audio/mp3', 'audio/wav', 'audio/x-wav', 'audio/wave', 'audio/ogg', 'audio/aac', 'audio/flac', 'audio/webm', 'audio/mp4', 'audio/x-m4a', '.mp3', '.wav', '.ogg', '.aac', '.flac', '.webm', '.m4a', '.mp4'],
};

/** The audio recording in a binary property, checked (type, 10 MiB) and streamed when sent. */
export async function recordingFrom(context: IExecuteSingleFunctions, field: string): Promise<BinaryFile<FileContent>> {
	const propertyName = String(context.getNodeParameter('binaryPropertyName', 'data')).trim();
	return await openBinaryFile(context, propertyName, { field, ...AUDIO_LIMITS });
}

export const recordingField = (description: string): INodeProperties => binaryPropertyField({ description });

export const nameField = (description: string): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	description,
});
