import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import type {
	ChatCompletionContentPart,
	ChatCompletionContentPartImage,
	ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { readBinaryFile } from '../../shared/binary';
import { forOperation, preselectedModelFields, simplifyField } from '../../shared/fields';
import { optionsCollection, promptField } from '../../shared/generation';
import { fail, requiredText } from '../../shared/validation';
import { checkedImageUrl, checkParticipantName, messageCollection, participantNamesSwitch } from './messages';
import { simplifyChatReply } from './reply';
import { chatOperation, chatRequest } from './request';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', '.png', '.jpg', '.jpeg', '.gif', '.webp'];
const MIME_BY_EXTENSION: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };
const DEFAULT_MAX_TOKENS = 300;

type Detail = 'auto' | 'low' | 'high';

interface ImageEntry {
	source?: string;
	url?: string;
	binaryPropertyName?: string;
	detail?: Detail;
}

/** The fields of one image, shown for the `selector` values that mean URL or binary. */
function imageFields(selector: string, urlValue: string, binaryValue: string): INodeProperties[] {
	return [
		{
			displayName: 'Image URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/photo.png',
			displayOptions: { show: { [selector]: [urlValue] } },
			description: 'A public http(s) URL of the image, or a data URL',
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			displayOptions: { show: { [selector]: [binaryValue] } },
			description: 'Name of the binary property of the input item that holds the image (PNG, JPEG, GIF or WebP, up to 20 MB); sent as a data URL',
		},
		{
			displayName: 'Detail',
			name: 'detail',
			type: 'options',
			default: 'auto',
			displayOptions: { show: { [selector]: [urlValue, binaryValue] } },
			description: 'Low is faster and cheaper (a 512px view); high lets the model see fine detail',
			options: [
				{ name: 'Auto', value: 'auto' },
				{ name: 'High', value: 'high' },
				{ name: 'Low', value: 'low' },
			],
		},
	];
}

async function imagePart(context: IExecuteSingleFunctions, field: string, entry: ImageEntry, fromBinary: boolean, position: number): Promise<ChatCompletionContentPartImage> {
	let url: string;
	if (fromBinary) {
		const file = await readBinaryFile(context, entry.binaryPropertyName || 'data', { field, maxBytes: MAX_IMAGE_BYTES, accept: IMAGE_TYPES });
		const extension = file.fileName.split('.').pop()?.toLowerCase() ?? '';
		const mimeType = file.mimeType.startsWith('image/') ? file.mimeType : (MIME_BY_EXTENSION[extension] ?? 'image/png');
		url = `data:${mimeType};base64,${Buffer.from(await file.blob.arrayBuffer()).toString('base64')}`;
	} else {
		url = String(entry.url ?? '').trim();
		if (!url) fail(context, `${field}: image ${position} has no URL`);
		checkedImageUrl(context, field, url);
	}
	return { type: 'image_url', image_url: { url, detail: entry.detail ?? 'auto' } };
}

/** Prompt-and-images mode: one user message with the prompt and every image. */
async function promptMessages(context: IExecuteSingleFunctions): Promise<ChatCompletionMessageParam[]> {
	const prompt = requiredText(context, 'visionPrompt', 'Prompt');
	const images = ((context.getNodeParameter('images', {}) as { image?: ImageEntry[] }).image ?? []);
	if (!images.length) fail(context, 'Images: add at least one image');
	const parts: ChatCompletionContentPart[] = [{ type: 'text', text: prompt }];
	for (const [index, image] of images.entries()) parts.push(await imagePart(context, 'Images', image, image.source === 'binary', index + 1));
	return [{ role: 'user', content: parts }];
}

interface VisionMessage {
	role?: 'system' | 'developer' | 'user' | 'assistant';
	content?: string;
	name?: string;
	parts?: { part?: Array<ImageEntry & { type?: string; text?: string }> };
}

/** Message-list mode: user messages may carry text and image parts. */
async function listMessages(context: IExecuteSingleFunctions): Promise<ChatCompletionMessageParam[]> {
	const field = 'Messages';
	const entries = ((context.getNodeParameter('visionMessages', {}) as { message?: VisionMessage[] }).message ?? []);
	if (!entries.length) fail(context, `${field}: add at least one message`);
	const messages: ChatCompletionMessageParam[] = [];
	for (const entry of entries) {
		const role = entry.role ?? 'user';
		const name = checkParticipantName(context, field, entry.name);
		const text = String(entry.content ?? '');
		const partEntries = role === 'user' ? (entry.parts?.part ?? []) : [];
		if (!partEntries.length) {
			messages.push({ role, content: text, ...(name ? { name } : {}) } as ChatCompletionMessageParam);
			continue;
		}
		const parts: ChatCompletionContentPart[] = text ? [{ type: 'text', text }] : [];
		for (const [index, part] of partEntries.entries()) {
			if (part.type === 'text') parts.push({ type: 'text', text: String(part.text ?? '') });
			else parts.push(await imagePart(context, field, part, part.type === 'binary', index + 1));
		}
		messages.push({ role: 'user', content: parts, ...(name ? { name } : {}) });
	}
	return messages;
}

/** preSend: images from URLs or binary properties (as data URLs); max tokens 300 unless set. */
async function buildAnalyzeImageRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const mode = this.getNodeParameter('inputMode', 'prompt') as string;
	const messages = mode === 'messages' ? await listMessages(this) : await promptMessages(this);
	return chatRequest(this, requestOptions, { messages, defaultMaxTokens: DEFAULT_MAX_TOKENS });
}

export const analyzeImageOperation = chatOperation(
	{
		name: 'Analyze Image',
		value: 'analyzeImage',
		action: 'Analyze an image',
		description: 'Answer a prompt about one or more images (vision), given as URLs or binary files',
	},
	buildAnalyzeImageRequest,
	simplifyChatReply,
);

export const analyzeImageFields: INodeProperties[] = forOperation('chat', 'analyzeImage', [
	...preselectedModelFields({ capability: 'chat', defaultModel: DEFAULT_MODELS.chat, description: 'A chat model that sees images (e.g. gpt-4.1, gpt-4o, gpt-5, o3)' }),
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		default: 'prompt',
		options: [
			{ name: 'Prompt and Images', value: 'prompt', description: 'One prompt about one or more images' },
			{ name: 'Message List', value: 'messages', description: 'A conversation whose user messages mix text and images' },
		],
	},
	promptField({
		name: 'visionPrompt',
		placeholder: 'e.g. What is in this image?',
		displayOptions: { show: { inputMode: ['prompt'] } },
		description: 'How to analyze the images',
	}),
	{
		displayName: 'Images',
		name: 'images',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Image',
		default: { image: [{ source: 'url', url: '', detail: 'auto' }] },
		displayOptions: { show: { inputMode: ['prompt'] } },
		options: [
			{
				name: 'image',
				displayName: 'Image',
				values: [
					{
						displayName: 'Source',
						name: 'source',
						type: 'options',
						default: 'url',
						options: [
							{ name: 'Binary File', value: 'binary', description: 'A binary property of the input item' },
							{ name: 'URL', value: 'url' },
						],
					},
					...imageFields('source', 'url', 'binary'),
				],
			},
		],
	},
	participantNamesSwitch('visionMessages', { inputMode: ['messages'] }),
	messageCollection(
		{ displayName: 'Messages', name: 'visionMessages', displayOptions: { show: { inputMode: ['messages'] } } },
		'The text of the message (for user messages, sent before the parts below)',
		[
			{
				displayName: 'Parts',
				name: 'parts',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Text or Image',
				default: {},
				displayOptions: { show: { role: ['user'] } },
				options: [
					{
						name: 'part',
						displayName: 'Part',
						values: [
							{
								displayName: 'Type',
								name: 'type',
								type: 'options',
								default: 'url',
								options: [
									{ name: 'Image (Binary File)', value: 'binary' },
									{ name: 'Image URL', value: 'url' },
									{ name: 'Text', value: 'text' },
								],
							},
							{
								displayName: 'Text',
								name: 'text',
								type: 'string',
								typeOptions: { rows: 2 },
								default: '',
								displayOptions: { show: { type: ['text'] } },
							},
							...imageFields('type', 'url', 'binary'),
						],
					},
				],
			},
		],
	),
	simplifyField(),
	optionsCollection(
		['frequencyPenalty', 'logitBias', 'maxTokens', 'n', 'otherParameters', 'presencePenalty', 'reasoningEffort', 'sanitizeText', 'seed', 'stop', 'temperature', 'topP', 'user'],
		{
			overrides: {
				maxTokens: {
					default: DEFAULT_MAX_TOKENS,
					description:
						'The most tokens the reply may use. 300 when not set, except for reasoning models (o-series, GPT-5), whose reasoning would use them up.',
				},
			},
		},
	),
]);
