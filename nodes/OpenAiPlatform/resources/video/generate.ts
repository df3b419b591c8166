import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MultipartForm, asMultipart, openBinaryFile } from '../../shared/binary';
import { collectionField, forOperation, modelField, outputBinaryField } from '../../shared/fields';
import { waitOrAbort } from '../../shared/retry';
import type { PaginationFunction } from '../../shared/transport';
import { cancelSignalOf, openAiRequest, sendRequest, settle } from '../../shared/transport';
import { checkRange, fail } from '../../shared/validation';
import { RESOURCE, promptOf, videoAsset, videoPromptField } from './shared';

const REFERENCE_TYPES = ['image/png', 'image/jpeg', 'image/webp', '.png', '.jpg', '.jpeg', '.webp'];
const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 15_000;

interface GenerateOptions {
	size?: string;
	seconds?: string;
	referenceImage?: string;
	wait?: boolean;
	waitTimeout?: number;
	binaryPropertyOutput?: string;
}

const optionsOf = (context: IExecuteSingleFunctions) => context.getNodeParameter('options', {}) as GenerateOptions;

/** preSend: the multipart form (model, prompt, size, seconds, an optional reference image). */
async function buildGenerate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = optionsOf(this);
	const form = new MultipartForm();
	form.append('prompt', promptOf(this));
	form.append('model', String((requestOptions.body as IDataObject | undefined)?.model ?? 'sora-2'));
	if (options.size) form.append('size', options.size);
	if (options.seconds) form.append('seconds', options.seconds);
	const reference = options.referenceImage?.trim();
	if (reference) {
		const image = await openBinaryFile(this, reference, { field: 'Reference Image', maxBytes: 20 * 1024 * 1024, accept: REFERENCE_TYPES });
		form.append('input_reference', image.blob, image.fileName);
	}
	checkRange(this, 'Wait Timeout', options.waitTimeout, 1, 86400, true);
	return asMultipart({ ...requestOptions, body: undefined }, form);
}

/** Polls the video until it is completed or failed, then downloads it; a timeout fails the item. */
async function waitAndDownload(context: IExecuteSingleFunctions, video: IDataObject): Promise<INodeExecutionData> {
	const id = typeof video.id === 'string' ? video.id : '';
	if (!id) fail(context, 'Wait for Video: the server sent no video ID to poll');
	const options = optionsOf(context);
	const timeoutSeconds = options.waitTimeout ?? 600;
	const deadline = Date.now() + timeoutSeconds * 1000;
	const signal = cancelSignalOf(context);
	const path = `/videos/${encodeURIComponent(id)}`;
	let current = video;
	for (let delay = FIRST_POLL_MS; current.status === 'queued' || current.status === 'in_progress'; delay = Math.min(delay * 2, MAX_POLL_MS)) {
		const left = deadline - Date.now();
		if (left <= 0) fail(context, `Wait Timeout: video ${id} was still ${String(current.status)} after ${timeoutSeconds} s`, 'It keeps rendering: fetch it later with Get Content.');
		await waitOrAbort(Math.min(delay, left), signal);
		if (signal?.aborted) fail(context, `Wait for Video: the execution was stopped while video ${id} was ${String(current.status)}`);
		current = await openAiRequest<IDataObject>(context, { method: 'GET', url: path });
	}
	if (current.status !== 'completed') {
		const error = (current.error ?? {}) as { code?: string; message?: string };
		fail(context, `The video failed: ${error.message ?? `its status is ${String(current.status)}`}`, `Video ${id}${error.code ? `, error code ${error.code}` : ''}`);
	}
	const content = await openAiRequest<Buffer>(context, { method: 'GET', url: `${path}/content`, encoding: 'arraybuffer', json: false, headers: { Accept: '*/*' } });
	if (!Buffer.isBuffer(content) || !content.length) fail(context, `The server sent no content for video ${id}`);
	const property = String(options.binaryPropertyOutput ?? 'data').trim() || 'data';
	return { json: current, binary: { [property]: await videoAsset(context, id, 'video', content) } };
}

/** Pagination hook: sends the create request; with Wait for Video, polls and downloads. */
const generateVideo: PaginationFunction = async function (requestData) {
	const items = await sendRequest.call(this, requestData);
	if (!optionsOf(this).wait) return items;
	const first = items[0]?.json ?? {};
	// Continue On Fail already turned a failed request into an error item.
	if (items.length !== 1 || typeof first.error === 'string') return items;
	return await settle(this, async () => [await waitAndDownload(this, first)]);
};

export const generateOperation: INodePropertyOptions = {
	name: 'Generate',
	value: 'generate',
	action: 'Generate a video',
	description: 'Start a video from a prompt and an optional reference image; optionally wait for it and download it',
	routing: {
		request: { method: 'POST', url: '/videos' },
		send: { preSend: [buildGenerate] },
		operations: { pagination: generateVideo },
	},
};

export const generateFields: INodeProperties[] = forOperation(RESOURCE, 'generate', [
	modelField({ capability: 'video', placeholder: 'e.g. sora-2', defaultModel: 'sora-2' }),
	videoPromptField,
	collectionField([
		outputBinaryField('With Wait for Video: name of the binary property to put the MP4 in'),
		{
			displayName: 'Reference Image',
			name: 'referenceImage',
			type: 'string',
			default: '',
			placeholder: 'e.g. data',
			description: 'Binary property of the input item holding an image (PNG, JPEG or WebP, the size of the video) to start from',
		},
		{
			displayName: 'Duration',
			name: 'seconds',
			type: 'options',
			default: '4',
			description: 'How long the video is, in seconds',
			options: [
				{ name: '4', value: '4' },
				{ name: '8', value: '8' },
				{ name: '12', value: '12' },
			],
		},
		{
			displayName: 'Size',
			name: 'size',
			type: 'options',
			default: '720x1280',
			description: 'The resolution of the video, width x height in pixels (the larger sizes need sora-2-pro)',
			options: [
				{ name: '1024x1792 (Portrait, Pro)', value: '1024x1792' },
				{ name: '1280x720 (Landscape)', value: '1280x720' },
				{ name: '1792x1024 (Landscape, Pro)', value: '1792x1024' },
				{ name: '720x1280 (Portrait)', value: '720x1280' },
			],
		},
		{
			displayName: 'Wait for Video',
			name: 'wait',
			type: 'boolean',
			default: false,
			description: 'Whether to wait until the video is rendered and output it as binary data, instead of the job as it starts',
		},
		{
			displayName: 'Wait Timeout',
			name: 'waitTimeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 86400 },
			default: 600,
			description: 'With Wait for Video: how many seconds to wait before the item fails (the video keeps rendering)',
		},
	]),
]);
