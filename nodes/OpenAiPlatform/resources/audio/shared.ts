import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BinaryFile, FileContent, FormFieldValue } from '../../shared/binary';
import { asMultipart, multipartForm, openBinaryFile } from '../../shared/binary';
import { malformedReplyError } from '../../shared/errors';
import { TEMPERATURE_DESCRIPTION, TEMPERATURE_LABEL } from '../../shared/concepts';
import { binaryPropertyField } from '../../shared/fields';
import { checkReplyShape } from '../../shared/hooks';
import type { NumberRule } from '../../shared/generation';
import { checkedNumber, numberField } from '../../shared/generation';
import { secretsOf } from '../../shared/transport';
import { checkedChoice, checkedText, fail } from '../../shared/validation';

/** OpenAI's limit for audio uploads. */
export const AUDIO_MAX_BYTES = 25 * 1024 * 1024;

/** The formats the audio endpoints take, by extension, and the MIME types that name them. */
const AUDIO_EXTENSIONS = ['flac', 'mp3', 'mp4', 'mpeg', 'mpga', 'm4a', 'ogg', 'oga', 'opus', 'wav', 'webm'];
const EXTENSION_BY_MIME: Record<string, string> = {
	'audio/flac': 'flac',
	'audio/x-flac': 'flac',
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/mpga': 'mpga',
	'audio/mp4': 'm4a',
	'audio/m4a': 'm4a',
	'audio/x-m4a': 'm4a',
	'audio/ogg': 'ogg',
	'audio/opus': 'opus',
	'audio/wav': 'wav',
	'audio/wave': 'wav',
	'audio/x-wav': 'wav',
	'audio/webm': 'webm',
	'video/mp4': 'mp4',
	'video/mpeg': 'mpeg',
	'video/webm': 'webm',
};
const ACCEPTED_AUDIO = [...AUDIO_EXTENSIONS.map((extension) => `.${extension}`), 'audio/*', 'video/mp4', 'video/mpeg', 'video/webm'];
const FORMATS_NOTE = 'flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav or webm, up to 25 MB';

function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** The API tells formats apart by the file name, so a name without a known extension gets one from the MIME type. */
function withAudioExtension(file: BinaryFile<FileContent>): BinaryFile<FileContent> {
	if (AUDIO_EXTENSIONS.includes(extensionOf(file.fileName))) return file;
	const extension = EXTENSION_BY_MIME[file.mimeType.toLowerCase()];
	return extension ? { ...file, fileName: `${file.fileName}.${extension}` } : file;
}

// ----- Input: a binary property, or a file name and base64 data (Make's "File Name" + "File Data") -----

export function audioInputFields(verb: string): INodeProperties[] {
	return [
		{
			displayName: 'Input Type',
			name: 'inputType',
			type: 'options',
			default: 'binary',
			options: [
				{ name: 'Binary File', value: 'binary', description: 'A file in a binary property of the input item' },
				{ name: 'File Name and Base64 Data', value: 'base64', description: 'A file name and the file as base64 text' },
			],
		},
		{
			...binaryPropertyField({
				description: `Name of the binary property holding the audio to ${verb}: ${FORMATS_NOTE}`,
			}),
			displayOptions: { show: { inputType: ['binary'] } },
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. interview.mp3',
			description: 'Name of the file, with the extension that tells the API its format',
			displayOptions: { show: { inputType: ['base64'] } },
		},
		{
			displayName: 'File Data',
			name: 'fileData',
			type: 'string',
			required: true,
			default: '',
			description: `The audio file as base64 (a data: URL works too): ${FORMATS_NOTE}`,
			displayOptions: { show: { inputType: ['base64'] } },
		},
	];
}

function readBase64Audio(context: IExecuteSingleFunctions): BinaryFile {
	const fileName = checkedText(context, 'File Name', context.getNodeParameter('fileName', '')).trim();
	if (!AUDIO_EXTENSIONS.includes(extensionOf(fileName))) {
		fail(context, `File Name: "${fileName}" has no audio extension`, `The API reads the format from the name: use one of .${AUDIO_EXTENSIONS.join(', .')}.`);
	}
	let data = checkedText(context, 'File Data', context.getNodeParameter('fileData', ''));
	let mimeType = Object.entries(EXTENSION_BY_MIME).find(([, extension]) => extension === extensionOf(fileName))?.[0] ?? 'application/octet-stream';
	const dataUrl = /^data:([^;,]+)?(?:;[^,]*)?;base64,/i.exec(data);
	if (dataUrl) {
		mimeType = dataUrl[1] ?? mimeType;
		data = data.slice(dataUrl[0].length);
	}
	data = data.replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(data)) fail(context, 'File Data: is not base64 data');
	const size = Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
	if (size > AUDIO_MAX_BYTES) fail(context, `File Data: is ${(size / 1048576).toFixed(1)} MB, over the 25 MB limit`);
	const bytes = Buffer.from(data, 'base64');
	if (!bytes.length) fail(context, 'File Data: is empty');
	return { blob: new Blob([bytes as BlobPart], { type: mimeType }), fileName, mimeType, size: bytes.length };
}

/** The audio file to upload, checked (type, 25 MB) before anything is sent. */
export async function readAudioFile(context: IExecuteSingleFunctions): Promise<BinaryFile<FileContent>> {
	const inputType = context.getNodeParameter('inputType', 'binary') as string;
	if (inputType === 'base64') return readBase64Audio(context);
	const propertyName = String(context.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
	const file = await openBinaryFile(context, propertyName, { field: 'Input Binary Field', maxBytes: AUDIO_MAX_BYTES, accept: ACCEPTED_AUDIO });
	if (file.size === 0) fail(context, `Input Binary Field: "${file.fileName}" is empty`);
	return withAudioExtension(file);
}

// ----- Transcription and translation: the fields they share, and the reply -----

export const TEXT_FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

export const textFormatField: INodeProperties = {
	displayName: 'Response Format',
	name: 'responseFormat',
	type: 'options',
	default: 'json',
	options: [
		{ name: 'JSON', value: 'json', description: 'The text (and usage)' },
		{ name: 'SRT Subtitles', value: 'srt' },
		{ name: 'Text', value: 'text' },
		{ name: 'Verbose JSON', value: 'verbose_json', description: 'The text with language, duration and timed segments (whisper-1)' },
		{ name: 'VTT Subtitles', value: 'vtt' },
	],
	description: 'Text, SRT and VTT come back as "text" in the output JSON',
};

export function promptOption(description: string): INodeProperties {
	return { displayName: 'Prompt', name: 'prompt', type: 'string', default: '', typeOptions: { rows: 2 }, description };
}

const TEMPERATURE: NumberRule = {
	displayName: TEMPERATURE_LABEL,
	property: 'temperature',
	min: 0,
	max: 1,
	default: 0,
	description: `${TEMPERATURE_DESCRIPTION} (0 to 1; 0 lets the model choose)`,
};

export const temperatureOption: INodeProperties = numberField('temperature', TEMPERATURE);

export interface TextOptions {
	language?: string;
	prompt?: string;
	temperature?: number;
}

export function textOptionsOf(context: IExecuteSingleFunctions): TextOptions {
	return (context.getNodeParameter('options', {}) ?? {}) as TextOptions;
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The fields transcription and translation share, checked: response format, prompt, temperature. */
export function textFields(context: IExecuteSingleFunctions, options: TextOptions): { response_format: TextFormat; prompt?: string; temperature?: number } {
	const fields: { response_format: TextFormat; prompt?: string; temperature?: number } = {
		response_format: checkedChoice(context, 'Response Format', context.getNodeParameter('responseFormat', 'json'), TEXT_FORMATS),
	};
	if (isSet(options.prompt)) fields.prompt = String(options.prompt);
	if (isSet(options.temperature)) fields.temperature = checkedNumber(context, TEMPERATURE, options.temperature);
	return fields;
}

/** The routing of transcription and translation: a multipart upload whose reply is read as bytes, then as JSON or text. */
export function textRouting(url: string, preSend: PreSendAction): INodePropertyOptions['routing'] {
	return {
		// JSON formats come back as JSON, text, SRT and VTT as text.
		request: { method: 'POST', url, encoding: 'arraybuffer', headers: { Accept: 'application/json, text/*' } },
		send: { preSend: [preSend] },
		output: { postReceive: [transcriptionToJson] },
	};
}

/** Builds the multipart request: the fields, then the audio file as `file`. */
export function audioForm(requestOptions: IHttpRequestOptions, fields: Record<string, FormFieldValue>, file: BinaryFile<FileContent>): IHttpRequestOptions {
	return asMultipart(requestOptions, multipartForm(fields, [{ name: 'file', file }]));
}

function contentTypeOf(response: IN8nHttpFullResponse): string {
	return String((response.headers as IDataObject | undefined)?.['content-type'] ?? '').toLowerCase();
}

/** A JSON transcription always has its text (empty for silence); one without any is not a transcription. */
function withText(context: IExecuteSingleFunctions, reply: IDataObject): IDataObject {
	if (typeof reply.text !== 'string') {
		throw new NodeOperationError(context.getNode(), 'The server sent a reply without the transcribed text', {
			itemIndex: context.getItemIndex(),
			description: `The reply has ${Object.keys(reply).length ? `only: ${Object.keys(reply).slice(0, 10).join(', ')}` : 'no fields'}.`,
		});
	}
	return reply;
}

/**
 * postReceive (the reply is read as bytes): JSON formats give the reply's fields (text, usage,
 * language, duration, segments, words); text, SRT and VTT give `{ text }`. A server that answers a
 * text format with JSON (some compatible servers, mock servers) still gives its fields.
 */
export async function transcriptionToJson(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const format = this.getNodeParameter('responseFormat', 'json') as string;
	const body = response.body as unknown;
	if (body && typeof body === 'object' && !Buffer.isBuffer(body) && !(body instanceof ArrayBuffer)) {
		await checkReplyShape(this, body);
		return [{ json: withText(this, body as IDataObject) }];
	}
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body instanceof ArrayBuffer ? Buffer.from(body).toString('utf8') : String(body ?? '');
	const jsonFormat = format === 'json' || format === 'verbose_json';
	const contentType = contentTypeOf(response);
	if (contentType.includes('html') || (jsonFormat && !text.trim())) {
		const problem = malformedReplyError(this.getNode(), { ...response, body: text }, { itemIndex: this.getItemIndex(), secrets: await secretsOf(this) });
		if (problem) throw problem;
	}
	if (jsonFormat || contentType.includes('json')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			if (jsonFormat) {
				throw new NodeOperationError(this.getNode(), 'The server sent malformed JSON (the reply may have been cut off)', {
					itemIndex: this.getItemIndex(),
					description: `Response format "${format}", reply starts with: ${text.slice(0, 120)}`,
				});
			}
		}
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
			await checkReplyShape(this, parsed);
			return [{ json: withText(this, parsed as IDataObject) }];
		}
	}
	return [{ json: { text } }];
}
