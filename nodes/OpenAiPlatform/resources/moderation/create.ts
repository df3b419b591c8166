import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ModerationCreateParams, ModerationMultiModalInput } from 'openai/resources/moderations';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { readBinaryFile } from '../../shared/binary';
import { binaryPropertyField, forOperation, modelField, simplifyField } from '../../shared/fields';
import { optionalIdOf } from '../../shared/ids';
import { fieldError } from '../../shared/validation';
import { sendThroughBatchFields } from '../batch/sendThroughFields';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

interface ImageEntry {
	source?: 'url' | 'binary';
	url?: string;
	binaryPropertyName?: string;
}

/** The texts of the "Texts" list; an entry whose expression returns an array adds each element. */
function moderationTexts(context: IExecuteSingleFunctions): string[] {
	const entries = (context.getNodeParameter('texts.values', []) as Array<{ text?: unknown }>) ?? [];
	const texts: string[] = [];
	for (const entry of entries) {
		const values = Array.isArray(entry.text) ? (entry.text as unknown[]) : [entry.text];
		for (const value of values) {
			if (value === undefined || value === null) continue;
			if (typeof value === 'object') throw fieldError(context, 'Texts', `an entry is not a text (got ${Array.isArray(value) ? 'a nested list' : 'an object'})`);
			const text = String(value);
			if (text.trim()) texts.push(text);
		}
	}
	return texts;
}

/** Image URLs as given, binaries as data URLs. */
async function moderationImages(context: IExecuteSingleFunctions): Promise<string[]> {
	const entries = (context.getNodeParameter('imagesToClassify.values', []) as ImageEntry[]) ?? [];
	const urls: string[] = [];
	for (const [index, entry] of entries.entries()) {
		if (entry.source === 'binary') {
			const file = await readBinaryFile(context, String(entry.binaryPropertyName ?? '').trim(), {
				field: `Images (image ${index + 1})`,
				maxBytes: MAX_IMAGE_BYTES,
				accept: IMAGE_TYPES,
			});
			const base64 = Buffer.from(await file.blob.arrayBuffer()).toString('base64');
			urls.push(`data:${file.mimeType};base64,${base64}`);
			continue;
		}
		const url = String(entry.url ?? '').trim();
		if (!url) continue;
		if (!/^(https?:\/\/|data:image\/)/i.test(url)) {
			throw fieldError(context, 'Images', `image ${index + 1} "${url.slice(0, 60)}" is not an http(s) URL or an image data URL`);
		}
		urls.push(url);
	}
	return urls;
}

/** preSend: texts alone as a string or list; with images, the multi-modal list omni models take. */
async function buildModerationRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const texts = moderationTexts(this);
	const images = await moderationImages(this);
	if (!texts.length && !images.length) throw fieldError(this, 'Texts', 'add at least one text or image to classify');
	let input: ModerationCreateParams['input'];
	if (!images.length) {
		input = texts.length === 1 ? texts[0] : texts;
	} else {
		const parts: ModerationMultiModalInput[] = [
			...texts.map((text): ModerationMultiModalInput => ({ type: 'text', text })),
			...images.map((url): ModerationMultiModalInput => ({ type: 'image_url', image_url: { url } })),
		];
		input = parts;
	}
	const model = optionalIdOf(this, 'model');
	const body: ModerationCreateParams = { input, ...(model ? { model } : {}) };
	return { ...requestOptions, body: body as unknown as IDataObject };
}

export function flaggedCategories(result: IDataObject): string[] {
	const categories = (result.categories ?? {}) as IDataObject;
	return Object.entries(categories)
		.filter(([, flagged]) => flagged === true)
		.map(([name]) => name);
}

/**
 * postReceive: one item per result. Texts alone get one result each (labelled with the text);
 * a multi-modal request is judged as a whole.
 */
async function splitModerationResults(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const reply = (items[0]?.json ?? {}) as IDataObject;
	const results = Array.isArray(reply.results) ? (reply.results as IDataObject[]) : [];
	if (!results.length) {
		throw new NodeOperationError(this.getNode(), 'The server returned no moderation results', { itemIndex: this.getItemIndex() });
	}
	const texts = moderationTexts(this);
	const textsOnly = !((this.getNodeParameter('imagesToClassify.values', []) as ImageEntry[]) ?? []).length;
	const labelled = textsOnly && results.length === texts.length;
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	return results.map((result, index) => {
		const input = labelled ? { input: texts[index] } : {};
		const categories = flaggedCategories(result);
		const flagged = typeof result.flagged === 'boolean' ? result.flagged : categories.length > 0;
		if (simplify) return { json: { ...input, flagged, flaggedCategories: categories } };
		return {
			json: {
				...input,
				...result,
				flagged,
				...(reply.id !== undefined ? { id: reply.id } : {}),
				...(reply.model !== undefined ? { model: reply.model } : {}),
			},
		};
	});
}

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Classify text and images',
	description: "Check texts (and images, with omni models) against OpenAI's usage policies",
	routing: {
		request: { method: 'POST', url: '/moderations' },
		send: { preSend: [buildModerationRequest] },
		output: { postReceive: [splitModerationResults] },
	},
};

export const createFields: INodeProperties[] = forOperation('moderation', 'create', [
	{
		...modelField({
			capability: 'moderation',
			bodyProperty: false,
			required: false,
			placeholder: 'e.g. omni-moderation-latest',
			description: 'The moderation model; empty uses the API default (omni-moderation-latest). Omni models also classify images; text-moderation models take text only.',
			defaultModel: DEFAULT_MODELS.moderation,
		}),
	},
	{
		displayName: 'Texts',
		name: 'texts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Text',
		default: { values: [{ text: '' }] },
		description: 'Each text is classified on its own. An expression that returns an array adds every element.',
		options: [
			{
				name: 'values',
				displayName: 'Text',
				values: [{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'The whole text sample to classify' }],
			},
		],
	},
	{
		displayName: 'Images',
		name: 'imagesToClassify',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Image',
		default: {},
		description: 'Images to classify together with the texts (omni models only)',
		options: [
			{
				name: 'values',
				displayName: 'Image',
				values: [
					{
						displayName: 'Source',
						name: 'source',
						type: 'options',
						default: 'url',
						options: [
							{ name: 'Binary Property', value: 'binary', description: 'An image in a binary property of the input item' },
							{ name: 'URL', value: 'url', description: 'A public image URL or a data URL' },
						],
					},
					{
						displayName: 'Image URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/photo.jpg',
						displayOptions: { show: { source: ['url'] } },
					},
					{
						...binaryPropertyField({ description: 'Name of the binary property that holds the image (PNG, JPEG, GIF or WebP, up to 20 MB)' }),
						displayOptions: { show: { source: ['binary'] } },
					},
				],
			},
		],
	},
	simplifyField('Whether to return only whether each input was flagged and which categories, instead of every category with its score'),
	...sendThroughBatchFields(),
]);
