import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { SpeechCreateParams } from 'openai/resources/audio/speech';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { binaryFromResponse } from '../../shared/binary';
import { forOperation, modelField, outputBinaryField } from '../../shared/fields';
import type { NumberRule } from '../../shared/generation';
import { checkedNumber, numberField, optionsCollection } from '../../shared/generation';
import { checkedChoice, checkedText, modelIdOf } from '../../shared/validation';

const AUDIO_OUT = {
	mp3: { mimeType: 'audio/mpeg', extension: 'mp3' },
	opus: { mimeType: 'audio/opus', extension: 'opus' },
	aac: { mimeType: 'audio/aac', extension: 'aac' },
	flac: { mimeType: 'audio/flac', extension: 'flac' },
	wav: { mimeType: 'audio/wav', extension: 'wav' },
	pcm: { mimeType: 'audio/pcm', extension: 'pcm' },
} as const;
type SpeechFormat = keyof typeof AUDIO_OUT;
const SPEECH_FORMATS = Object.keys(AUDIO_OUT) as SpeechFormat[];

interface SpeechOptions {
	instructions?: string;
	speed?: number;
	outputFileName?: string;
	binaryPropertyOutput?: string;
}

const SPEED: NumberRule = {
	displayName: 'Speed',
	property: 'speed',
	min: 0.25,
	max: 4,
	default: 1,
	description: 'Speed of the speech, from 0.25 to 4',
};

/** tts-1 and tts-1-hd take no instructions. */
const takesInstructions = (model: string) => !model.startsWith('tts-1');

function voiceOf(context: IExecuteSingleFunctions): SpeechCreateParams['voice'] {
	const voice = String(context.getNodeParameter('voice', 'alloy') ?? '').trim();
	if (voice !== 'custom') return checkedText(context, 'Voice', voice);
	const custom = checkedText(context, 'Custom Voice', context.getNodeParameter('customVoice', '')).trim();
	// A custom voice made in the platform is referenced by its id; anything else is a voice name.
	return /^voice_/.test(custom) ? { id: custom } : custom;
}

/** preSend: the JSON body, checked (input 1..4096 characters, speed 0.25..4). */
async function buildSpeechBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const model = modelIdOf(this, 'speech');
	const options = (this.getNodeParameter('options', {}) ?? {}) as SpeechOptions;
	const body: SpeechCreateParams = {
		model,
		input: checkedText(this, 'Input', this.getNodeParameter('textToSpeak', ''), { max: 4096 }),
		voice: voiceOf(this),
		response_format: checkedChoice(this, 'Response Format', this.getNodeParameter('responseFormat', 'mp3'), SPEECH_FORMATS),
	};
	if (options.instructions && takesInstructions(model)) {
		body.instructions = checkedText(this, 'Instructions', options.instructions, { max: 4096 });
	}
	if (options.speed !== undefined && options.speed !== null) {
		body.speed = checkedNumber(this, SPEED, options.speed);
	}
	return { ...requestOptions, body: body as unknown as IDataObject };
}

/** postReceive: the audio as a file with the format's MIME type and extension. */
async function speechToBinary(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const format = (this.getNodeParameter('responseFormat', 'mp3') as SpeechFormat) ?? 'mp3';
	const { mimeType, extension } = AUDIO_OUT[format] ?? AUDIO_OUT.mp3;
	const contentType = String((response.headers as IDataObject | undefined)?.['content-type'] ?? '').toLowerCase();
	const size = Buffer.isBuffer(response.body) ? response.body.length : 0;
	if (!size || contentType.includes('json') || contentType.startsWith('text/')) {
		const start = Buffer.isBuffer(response.body) ? response.body.toString('utf8', 0, 200) : '';
		throw new NodeOperationError(this.getNode(), size ? `The server sent ${contentType} instead of audio` : 'The server sent an empty audio file', {
			itemIndex: this.getItemIndex(),
			...(start ? { description: `The reply starts with: ${start}` } : {}),
		});
	}
	const options = (this.getNodeParameter('options', {}) ?? {}) as SpeechOptions;
	const baseName = String(options.outputFileName || 'speech').trim().replace(new RegExp(`\\.${extension}$`, 'i'), '') || 'speech';
	const property = String(options.binaryPropertyOutput || 'data');
	const file = await binaryFromResponse(this, response, `${baseName}.${extension}`, mimeType);
	return [{ json: {}, binary: { [property]: file } }];
}

export const generateSpeechOperation: INodePropertyOptions = {
	name: 'Generate Speech',
	value: 'generateSpeech',
	action: 'Generate speech',
	description: 'Turn text into an audio file',
	routing: {
		// The reply is the audio file (OpenAI's spec and SDKs ask for application/octet-stream).
		request: { method: 'POST', url: '/audio/speech', encoding: 'arraybuffer', headers: { Accept: 'application/octet-stream, audio/*' } },
		send: { preSend: [buildSpeechBody] },
		output: { postReceive: [speechToBinary] },
	},
};

export const generateSpeechFields: INodeProperties[] = forOperation('audio', 'generateSpeech', [
	modelField({
		capability: 'speech',
		bodyProperty: false,
		placeholder: 'e.g. gpt-4o-mini-tts',
		defaultModel: DEFAULT_MODELS.speech,
		description: 'The text-to-speech model. "From list" shows your account\'s speech models; use "By ID" for new or compatible-server models.',
	}),
	{
		displayName: 'Input',
		name: 'textToSpeak',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. The quick brown fox jumped over the lazy dog.',
		description: 'The text to speak, 1 to 4,096 characters',
	},
	{
		displayName: 'Voice',
		name: 'voice',
		type: 'options',
		default: 'alloy',
		options: [
			{ name: 'Alloy', value: 'alloy' },
			{ name: 'Ash', value: 'ash' },
			{ name: 'Ballad', value: 'ballad' },
			{ name: 'Cedar', value: 'cedar' },
			{ name: 'Coral', value: 'coral' },
			{ name: 'Custom', value: 'custom', description: 'Another voice name, or the ID of a custom voice' },
			{ name: 'Echo', value: 'echo' },
			{ name: 'Fable', value: 'fable' },
			{ name: 'Marin', value: 'marin' },
			{ name: 'Nova', value: 'nova' },
			{ name: 'Onyx', value: 'onyx' },
			{ name: 'Sage', value: 'sage' },
			{ name: 'Shimmer', value: 'shimmer' },
			{ name: 'Verse', value: 'verse' },
		],
		description: 'The voice to speak with. Ballad, Cedar, Marin and Verse need gpt-4o-mini-tts.',
	},
	{
		displayName: 'Custom Voice',
		name: 'customVoice',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. voice_1234 or a new voice name',
		description: 'A voice name, or the ID of a custom voice (voice_...)',
		displayOptions: { show: { voice: ['custom'] } },
	},
	{
		displayName: 'Response Format',
		name: 'responseFormat',
		type: 'options',
		default: 'mp3',
		options: [
			{ name: 'AAC', value: 'aac' },
			{ name: 'FLAC', value: 'flac' },
			{ name: 'MP3', value: 'mp3' },
			{ name: 'Opus', value: 'opus' },
			{ name: 'PCM (Raw 24 kHz 16-Bit)', value: 'pcm' },
			{ name: 'WAV', value: 'wav' },
		],
		description: 'The audio file format',
	},
	optionsCollection([], {
		extra: [
			{
				displayName: 'Instructions',
				name: 'instructions',
				type: 'string',
				default: '',
				typeOptions: { rows: 2 },
				placeholder: 'e.g. Speak in a cheerful and positive tone.',
				description: 'How to speak: tone, accent, pace, emotion. Not for tts-1 and tts-1-hd.',
				displayOptions: { hide: { '/model': [{ _cnd: { startsWith: 'tts-1' } }] } },
			},
			{
				displayName: 'Output File Name',
				name: 'outputFileName',
				type: 'string',
				default: 'speech',
				description: 'Name of the audio file, without the extension (the format adds it)',
			},
			outputBinaryField('Name of the binary property to store the audio in'),
			numberField('speed', SPEED),
		],
	}),
]);
