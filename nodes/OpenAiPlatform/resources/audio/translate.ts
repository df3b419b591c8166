import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { TranslationCreateParams } from 'openai/resources/audio/translations';

import { refuseRedirect } from '../../shared/binary';
import { forOperation } from '../../shared/fields';
import {
	audioForm,
	audioInputFields,
	audioModelField,
	modelIdOf,
	promptOption,
	readAudioFile,
	temperatureOption,
	textFields,
	textFormatField,
	textOptionsOf,
	transcriptionToJson,
} from './shared';

/** preSend: the audio (checked: type, 25 MB), prompt, format and temperature as a multipart body. */
async function buildTranslationForm(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const model = modelIdOf(this, 'translation');
	const form: Omit<TranslationCreateParams, 'file'> = { model, ...textFields(this, textOptionsOf(this)) };
	const file = await readAudioFile(this);
	return audioForm(requestOptions, { ...form }, file);
}

export const translateOperation: INodePropertyOptions = {
	name: 'Translate',
	value: 'translate',
	action: 'Translate audio to English',
	description: 'Turn speech in an audio file into English text',
	routing: {
		request: { method: 'POST', url: '/audio/translations', encoding: 'arraybuffer' },
		send: { preSend: [buildTranslationForm] },
		output: { postReceive: [refuseRedirect, transcriptionToJson] },
	},
};

export const translateFields: INodeProperties[] = forOperation('audio', 'translate', [
	audioModelField('transcription', 'whisper-1', 'The model that translates speech to English (whisper-1 at OpenAI). "From list" shows your account\'s transcription models.'),
	...audioInputFields('translate'),
	textFormatField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [promptOption('Text that guides the style or continues an earlier segment, in English'), temperatureOption],
	},
]);
