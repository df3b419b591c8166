import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { TranslationCreateParams } from 'openai/resources/audio/translations';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { forOperation, modelField } from '../../shared/fields';
import { optionsCollection } from '../../shared/generation';
import { modelIdOf } from '../../shared/validation';
import {
	audioForm,
	audioInputFields,
	promptOption,
	readAudioFile,
	temperatureOption,
	textFields,
	textFormatField,
	textOptionsOf,
	textRouting,
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
	routing: textRouting('/audio/translations', buildTranslationForm),
};

export const translateFields: INodeProperties[] = forOperation('audio', 'translate', [
	modelField({
		capability: 'transcription',
		bodyProperty: false,
		placeholder: 'e.g. whisper-1',
		defaultModel: DEFAULT_MODELS.transcription,
		description: 'The model that translates speech to English (whisper-1 at OpenAI). "From list" shows your account\'s transcription models.',
	}),
	...audioInputFields('translate'),
	textFormatField,
	optionsCollection([], {
		extra: [promptOption('Text that guides the style or continues an earlier segment, in English'), temperatureOption],
	}),
]);
