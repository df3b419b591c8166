import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { TranscriptionCreateParamsNonStreaming } from 'openai/resources/audio/transcriptions';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { forOperation, modelField } from '../../shared/fields';
import { optionsCollection } from '../../shared/generation';
import { fail, modelIdOf } from '../../shared/validation';
import type { TextFormat } from './shared';
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

interface ModelRules {
	formats?: TextFormat[];
	prompt: boolean;
	timestamps: boolean;
}

/** What each transcription model takes, from OpenAI's reference; unknown models (whisper-1, compatible servers) take everything. */
function rulesFor(model: string): ModelRules {
	if (/^gpt-4o(-mini)?-transcribe-diarize/.test(model)) return { formats: ['json', 'text'], prompt: false, timestamps: false };
	if (/^gpt-4o(-mini)?-transcribe/.test(model)) return { formats: ['json', 'text'], prompt: true, timestamps: false };
	return { prompt: true, timestamps: true };
}

/** preSend: the audio (checked: type, 25 MB) and the fields the model takes, as a multipart body. */
async function buildTranscriptionForm(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const model = modelIdOf(this, 'transcription');
	const rules = rulesFor(model);
	const options = textOptionsOf(this);
	const fields = textFields(this, options);
	if (rules.formats && !rules.formats.includes(fields.response_format)) {
		fail(this, `Response Format: ${model} does not support "${fields.response_format}"`, `It supports: ${rules.formats.join(', ')}.`);
	}
	if (fields.prompt !== undefined && !rules.prompt) fail(this, `Prompt: ${model} does not take a prompt`);

	const form: Pick<TranscriptionCreateParamsNonStreaming, 'model' | 'language' | 'prompt' | 'response_format' | 'temperature' | 'timestamp_granularities'> = {
		model,
		...fields,
	};
	const language = String(options.language ?? '').trim();
	if (language) {
		if (!/^[a-z]{2}$/i.test(language)) fail(this, `Language: "${language}" is not an ISO-639-1 code`, 'Use the two-letter code, e.g. en, de or ja.');
		form.language = language.toLowerCase();
	}
	const granularities = (this.getNodeParameter('timestampGranularities', []) ?? []) as Array<'word' | 'segment'>;
	if (granularities.length) {
		if (fields.response_format !== 'verbose_json') {
			fail(this, `Timestamp Granularities: need the Verbose JSON response format, not "${fields.response_format}"`);
		}
		if (!rules.timestamps) fail(this, `Timestamp Granularities: ${model} does not support timestamps`);
		form.timestamp_granularities = granularities;
	}
	const file = await readAudioFile(this);
	return audioForm(requestOptions, { ...form }, file);
}

export const transcribeOperation: INodePropertyOptions = {
	name: 'Transcribe',
	value: 'transcribe',
	action: 'Transcribe audio',
	description: 'Turn speech in an audio file into text in its own language',
	routing: textRouting('/audio/transcriptions', buildTranscriptionForm),
};

export const transcribeFields: INodeProperties[] = forOperation('audio', 'transcribe', [
	modelField({
		capability: 'transcription',
		bodyProperty: false,
		placeholder: 'e.g. whisper-1',
		defaultModel: DEFAULT_MODELS.transcription,
		description: 'The transcription model, e.g. whisper-1, gpt-4o-transcribe or gpt-4o-mini-transcribe. "From list" shows your account\'s transcription models.',
	}),
	...audioInputFields('transcribe'),
	{ ...textFormatField, description: `${textFormatField.description}. The gpt-4o transcribe models support JSON and Text only.` },
	{
		displayName: 'Timestamp Granularities',
		name: 'timestampGranularities',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Segment', value: 'segment' },
			{ name: 'Word', value: 'word', description: 'Word timestamps take a little longer' },
		],
		description: 'Which timestamps to add (whisper-1). Segments come without asking.',
		displayOptions: { show: { responseFormat: ['verbose_json'] } },
	},
	optionsCollection([], {
		extra: [
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'e.g. en',
				description: 'The language of the audio as an ISO-639-1 code (two letters). Setting it improves accuracy and speed.',
			},
			promptOption("Text that guides the style or continues an earlier segment, in the audio's language"),
			temperatureOption,
		],
	}),
]);
