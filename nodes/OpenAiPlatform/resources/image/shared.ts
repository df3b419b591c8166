import type {
	DisplayCondition,
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ImageGenerateParamsNonStreaming } from 'openai/resources/images';

import type { BinaryFile, FileContent } from '../../shared/binary';
import { NUMBER_OF_RESULTS_DESCRIPTION } from '../../shared/concepts';
import { modelField, outputBinaryField } from '../../shared/fields';
import type { NumberRule } from '../../shared/generation';
import { checkedNumber, numberField, promptField as basePromptField } from '../../shared/generation';
import { checkedChoice, checkedText, fail, modelIdOf } from '../../shared/validation';

/**
 * Image models come in families with different fields: DALL-E 2, DALL-E 3, the GPT image models
 * (gpt-image-*, chatgpt-image-*), and "other" (OpenAI-compatible servers, unknown names), which
 * get the generic fields and no model-specific checks.
 */
export type ImageFamily = 'dall-e-2' | 'dall-e-3' | 'gpt-image' | 'other';

const FAMILY_PREFIXES: Record<Exclude<ImageFamily, 'other'>, string[]> = {
	'dall-e-2': ['dall-e-2'],
	'dall-e-3': ['dall-e-3'],
	'gpt-image': ['gpt-image', 'chatgpt-image'],
};

export function imageFamilyOf(model: string): ImageFamily {
	const id = model.trim().toLowerCase();
	for (const [family, prefixes] of Object.entries(FAMILY_PREFIXES)) {
		if (prefixes.some((prefix) => id.startsWith(prefix))) return family as ImageFamily;
	}
	return 'other';
}

const FAMILY_LABEL: Record<ImageFamily, string> = {
	'dall-e-2': 'DALL-E 2',
	'dall-e-3': 'DALL-E 3',
	'gpt-image': 'GPT image models',
	other: 'this model',
};

const startsWith = (prefix: string): DisplayCondition => ({ _cnd: { startsWith: prefix } });

/**
 * Shows a field only while the chosen model (the resource locator's id) is in one of the families.
 * A model set by an expression shows every field; the preSend hooks then decide what is sent.
 */
export function forFamilies(families: ImageFamily[]): IDisplayOptions {
	if (families.includes('other')) {
		const excluded = (Object.keys(FAMILY_PREFIXES) as Array<Exclude<ImageFamily, 'other'>>).filter((family) => !families.includes(family));
		return excluded.length ? { hide: { '/model': excluded.flatMap((family) => FAMILY_PREFIXES[family].map(startsWith)) } } : {};
	}
	return { show: { '/model': families.flatMap((family) => FAMILY_PREFIXES[family as Exclude<ImageFamily, 'other'>].map(startsWith)) } };
}

function withFamilies(field: INodeProperties, families?: ImageFamily[]): INodeProperties {
	return families ? { ...field, displayOptions: forFamilies(families) } : field;
}

export function imageModelField(defaultModel: string, description: string): INodeProperties {
	return modelField({ capability: 'image', bodyProperty: false, placeholder: `e.g. ${defaultModel}`, description, defaultModel });
}

/** The model id, checked and trimmed. */
export const imageModelOf = (context: IExecuteSingleFunctions) => modelIdOf(context, 'image');

/**
 * The routing of an image operation: its request, its preSend hook, and the reply turned into one
 * item per image.
 */
export function imageRouting(url: string, preSend: PreSendAction): INodePropertyOptions['routing'] {
	return {
		request: { method: 'POST', url },
		send: { preSend: [preSend] },
		output: { postReceive: [imagesToItems] },
	};
}

const PROMPT_LIMITS: Record<ImageFamily, number | undefined> = {
	'dall-e-2': 1000,
	'dall-e-3': 4000,
	'gpt-image': 32000,
	other: undefined,
};

export function promptField(description: string): INodeProperties {
	return basePromptField({
		name: 'imagePrompt',
		placeholder: 'e.g. A cute baby sea otter wearing a beret',
		description: `${description}. Up to 1,000 characters for DALL-E 2, 4,000 for DALL-E 3 and 32,000 for the GPT image models.`,
	});
}

export function checkedPrompt(context: IExecuteSingleFunctions, family: ImageFamily): string {
	const max = PROMPT_LIMITS[family];
	return checkedText(context, 'Prompt', context.getNodeParameter('imagePrompt', ''), { max, limitNote: max ? `of ${FAMILY_LABEL[family]}` : undefined });
}

/** "Response Format": a file in a binary property (b64_json) or a URL valid for an hour. GPT image models always send files. */
export function responseFormatField(families?: ImageFamily[]): INodeProperties {
	return withFamilies(
		{
			displayName: 'Response Format',
			name: 'responseFormat',
			type: 'options',
			default: 'binary',
			options: [
				{ name: 'Binary File', value: 'binary', description: 'Each image as a file in a binary property of its own item' },
				{ name: 'URL', value: 'url', description: 'A link to each image, valid for 60 minutes' },
			],
		},
		families,
	);
}

// ----- The Options collection's entries -----

/** The "Size" entry of each family, with the sizes that family makes. */
const SIZE_FIELDS: Record<ImageFamily, INodeProperties> = {
	'dall-e-2': {
		displayName: 'Size',
		name: 'size',
		type: 'options',
		default: '1024x1024',
		options: [
			{ name: '256x256', value: '256x256' },
			{ name: '512x512', value: '512x512' },
			{ name: '1024x1024', value: '1024x1024' },
		],
		description: 'Size of the images',
	},
	'dall-e-3': {
		displayName: 'Size',
		name: 'size',
		type: 'options',
		default: '1024x1024',
		options: [
			{ name: '1024x1024', value: '1024x1024' },
			{ name: '1024x1792 (Portrait)', value: '1024x1792' },
			{ name: '1792x1024 (Landscape)', value: '1792x1024' },
		],
		description: 'Size of the images',
	},
	'gpt-image': {
		displayName: 'Size',
		name: 'size',
		type: 'options',
		default: 'auto',
		options: [
			{ name: '1024x1024', value: '1024x1024' },
			{ name: '1024x1536 (Portrait)', value: '1024x1536' },
			{ name: '1536x1024 (Landscape)', value: '1536x1024' },
			{ name: 'Auto', value: 'auto' },
		],
		description: 'Size of the images. gpt-image-2 also takes other sizes as WIDTHxHEIGHT (set by an expression).',
	},
	other: {
		displayName: 'Size',
		name: 'size',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1024x1024',
		description: 'Size of the images, as WIDTHxHEIGHT',
	},
};

const valuesOf = (field: INodeProperties) => (field.options ?? []).map((option) => String((option as INodePropertyOptions).value));

/** One "Size" entry per family; `byModel: false` offers them whatever the model. */
export function sizeOptions(families: ImageFamily[], { byModel = true } = {}): INodeProperties[] {
	return families.map((family) => withFamilies(SIZE_FIELDS[family], byModel ? [family] : undefined));
}

const QUALITY_FIELDS = {
	'dall-e-3': {
		displayName: 'Quality',
		name: 'quality',
		type: 'options',
		default: 'standard',
		options: [
			{ name: 'HD', value: 'hd', description: 'Finer details and greater consistency' },
			{ name: 'Standard', value: 'standard' },
		],
		description: 'Quality of the images',
	},
	'gpt-image': {
		displayName: 'Quality',
		name: 'quality',
		type: 'options',
		default: 'auto',
		options: [
			{ name: 'Auto', value: 'auto' },
			{ name: 'High', value: 'high' },
			{ name: 'Low', value: 'low' },
			{ name: 'Medium', value: 'medium' },
		],
		description: 'Quality of the images',
	},
} satisfies Partial<Record<ImageFamily, INodeProperties>>;

export function qualityOptions(families: Array<keyof typeof QUALITY_FIELDS>): INodeProperties[] {
	return families.map((family) => withFamilies(QUALITY_FIELDS[family], [family]));
}

const NUMBER_OF_IMAGES: NumberRule = {
	displayName: 'Number of Results',
	property: 'n',
	min: 1,
	max: 10,
	integer: true,
	default: 1,
	description: `${NUMBER_OF_RESULTS_DESCRIPTION} Each image becomes an output item (1 to 10).`,
};

const OUTPUT_COMPRESSION: NumberRule = {
	displayName: 'Output Compression',
	property: 'output_compression',
	min: 0,
	max: 100,
	integer: true,
	default: 100,
	description: 'Compression level in percent, for the JPEG and WebP output formats',
};

export const numberOfImagesOption = (families?: ImageFamily[]): INodeProperties => withFamilies(numberField('n', NUMBER_OF_IMAGES), families);

export const styleOption: INodeProperties = withFamilies(
	{
		displayName: 'Style',
		name: 'style',
		type: 'options',
		default: 'vivid',
		description: 'DALL-E 3 only: vivid leans to hyper-real, dramatic images; natural to more natural, less hyper-real ones',
		options: [
			{ name: 'Natural', value: 'natural', description: 'More natural, less hyper-real images' },
			{ name: 'Vivid', value: 'vivid', description: 'Hyper-real and dramatic images' },
		],
	},
	['dall-e-3'],
);

export const gptImageOptions = {
	background: withFamilies(
		{
			displayName: 'Background',
			name: 'background',
			type: 'options',
			default: 'auto',
			description: 'GPT image models: a transparent or opaque background (transparent needs PNG or WebP output), or let the model choose',
			options: [
				{ name: 'Auto', value: 'auto' },
				{ name: 'Opaque', value: 'opaque' },
				{ name: 'Transparent', value: 'transparent', description: 'Needs the PNG or WebP output format' },
			],
		},
		['gpt-image'],
	),
	outputFormat: withFamilies(
		{
			displayName: 'Output Format',
			name: 'outputFormat',
			type: 'options',
			default: 'png',
			description: 'GPT image models: the file format of the images',
			options: [
				{ name: 'JPEG', value: 'jpeg' },
				{ name: 'PNG', value: 'png' },
				{ name: 'WebP', value: 'webp' },
			],
		},
		['gpt-image'],
	),
	outputCompression: withFamilies(numberField('outputCompression', OUTPUT_COMPRESSION), ['gpt-image']),
	moderation: withFamilies(
		{
			displayName: 'Moderation',
			name: 'moderation',
			type: 'options',
			default: 'auto',
			description: 'GPT image models: how strictly the content of generated images is filtered (Low is less restrictive)',
			options: [
				{ name: 'Auto', value: 'auto' },
				{ name: 'Low', value: 'low', description: 'Less restrictive filtering' },
			],
		},
		['gpt-image'],
	),
};

export const outputPropertyOption: INodeProperties = outputBinaryField('Name of the binary property each image is stored in');

// ----- Building the request -----

export interface ImageOptions {
	n?: number;
	size?: string;
	quality?: string;
	style?: string;
	background?: string;
	outputFormat?: string;
	outputCompression?: number;
	moderation?: string;
	inputFidelity?: string;
	user?: string;
	binaryPropertyOutput?: string;
	maskBinaryPropertyName?: string;
}

export function imageOptionsOf(context: IExecuteSingleFunctions): ImageOptions {
	return (context.getNodeParameter('options', {}) ?? {}) as ImageOptions;
}

/** The request fields every image operation shares (everything except model, prompt and files). */
export type ImageBodyFields = Pick<
	ImageGenerateParamsNonStreaming,
	'n' | 'size' | 'quality' | 'style' | 'response_format' | 'background' | 'output_format' | 'output_compression' | 'moderation' | 'user'
> & { input_fidelity?: 'high' | 'low' };

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The options that apply to the model's family, checked. Options that do not apply to it (left
 * over after the model changed, or set while the model comes from an expression) are dropped;
 * values the model cannot take are refused with an error naming the field.
 */
export function imageBodyFields(
	context: IExecuteSingleFunctions,
	family: ImageFamily,
	options: ImageOptions,
	{ sizes = family, allowed }: { sizes?: ImageFamily; allowed: Array<keyof ImageOptions> },
): ImageBodyFields {
	const body: ImageBodyFields = {};
	const has = (key: keyof ImageOptions) => allowed.includes(key) && isSet(options[key]);
	const gptImage = family === 'gpt-image';

	if (has('n')) {
		const n = checkedNumber(context, NUMBER_OF_IMAGES, options.n);
		if (family === 'dall-e-3' && n !== 1) fail(context, `Number of Results: DALL-E 3 makes one image per request, got ${n}`, 'Set it to 1, or run the node once per image.');
		body.n = n;
	}
	if (has('size')) {
		const size = String(options.size).trim();
		if (sizes === 'dall-e-2' || sizes === 'dall-e-3') {
			body.size = checkedChoice(context, 'Size', size, valuesOf(SIZE_FIELDS[sizes]), `for ${FAMILY_LABEL[sizes]}`) as ImageBodyFields['size'];
		} else {
			if (size !== 'auto' && !/^\d{2,5}x\d{2,5}$/.test(size)) fail(context, `Size: "${size}" is not a size`, 'Use WIDTHxHEIGHT, e.g. 1024x1024, or auto.');
			body.size = size as ImageBodyFields['size'];
		}
	}
	if (has('quality') && family !== 'dall-e-2') {
		if (family === 'dall-e-3' || gptImage) {
			const qualities = valuesOf(QUALITY_FIELDS[family]) as Array<NonNullable<ImageBodyFields['quality']>>;
			body.quality = checkedChoice(context, 'Quality', options.quality, qualities, `for ${FAMILY_LABEL[family]}`);
		} else {
			body.quality = String(options.quality) as ImageBodyFields['quality'];
		}
	}
	if (has('style') && family === 'dall-e-3') body.style = checkedChoice(context, 'Style', options.style, ['vivid', 'natural']);
	if (gptImage) {
		if (has('background')) body.background = checkedChoice(context, 'Background', options.background, ['auto', 'opaque', 'transparent']);
		if (has('outputFormat')) body.output_format = checkedChoice(context, 'Output Format', options.outputFormat, ['png', 'jpeg', 'webp']);
		const format = body.output_format ?? 'png';
		if (body.background === 'transparent' && format === 'jpeg') {
			fail(context, 'Background: a transparent background needs the PNG or WebP output format, not JPEG');
		}
		if (has('outputCompression')) {
			const compression = checkedNumber(context, OUTPUT_COMPRESSION, options.outputCompression);
			if (format === 'png') fail(context, 'Output Compression: only applies to the JPEG and WebP output formats', 'Set Output Format to JPEG or WebP, or remove this option.');
			body.output_compression = compression;
		}
		if (has('moderation')) body.moderation = checkedChoice(context, 'Moderation', options.moderation, ['auto', 'low']);
		if (has('inputFidelity')) {
			const model = imageModelOf(context);
			if (model.startsWith('gpt-image-1-mini')) fail(context, `Input Fidelity: ${model} does not support it`);
			body.input_fidelity = checkedChoice(context, 'Input Fidelity', options.inputFidelity, ['high', 'low']);
		}
	}
	if (has('user')) body.user = String(options.user);
	return body;
}

/** `response_format` for the families that take one: a file means b64_json. */
export function responseFormatFor(context: IExecuteSingleFunctions, family: ImageFamily): 'url' | 'b64_json' | undefined {
	if (family === 'gpt-image') return undefined;
	const format = context.getNodeParameter('responseFormat', 'binary') as string;
	return checkedChoice(context, 'Response Format', format, ['binary', 'url']) === 'url' ? 'url' : 'b64_json';
}

// ----- Checking input images -----

export const MEGABYTE = 1024 * 1024;
/** "Less than 4 MB" (DALL-E 2 images and every mask). */
export const DALL_E_2_MAX_BYTES = 4 * MEGABYTE - 1;
export const GPT_IMAGE_MAX_BYTES = 50 * MEGABYTE;
export const PNG_ONLY = ['image/png', '.png'];
export const GPT_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', '.png', '.jpg', '.jpeg', '.webp'];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngInfo {
	width: number;
	height: number;
	/** Colour type 4 or 6 (alpha channel), or a tRNS chunk before the image data. */
	hasTransparency: boolean;
}

async function bytesAt(blob: Blob, start: number, length: number): Promise<Buffer> {
	return Buffer.from(await blob.slice(start, start + length).arrayBuffer());
}

/** Reads a PNG's size and transparency from its header chunks (IHDR, then up to the first IDAT); undefined if it is not a PNG. */
export async function pngInfo(blob: Blob): Promise<PngInfo | undefined> {
	const head = await bytesAt(blob, 0, 33);
	if (head.length < 33 || PNG_SIGNATURE.some((byte, index) => head[index] !== byte) || head.toString('latin1', 12, 16) !== 'IHDR') return undefined;
	const width = head.readUInt32BE(16);
	const height = head.readUInt32BE(20);
	const colorType = head[25];
	let hasTransparency = colorType === 4 || colorType === 6;
	let offset = 33;
	for (let chunk = 0; !hasTransparency && chunk < 64 && offset + 8 <= blob.size; chunk++) {
		const header = await bytesAt(blob, offset, 8);
		const type = header.toString('latin1', 4, 8);
		if (type === 'tRNS') hasTransparency = true;
		if (type === 'IDAT' || type === 'IEND') break;
		offset += 12 + header.readUInt32BE(0);
	}
	return { width, height, hasTransparency };
}

/** The bytes of a PNG signature and its IHDR chunk: enough for the image's width and height. */
const PNG_HEAD_BYTES = 33;

/**
 * The width and height of an upload that may stay in n8n's binary store (see `openBinaryFile`): only its first bytes
 * are read, then the read stops. Undefined if it is not a PNG.
 */
export async function pngSizeOf(content: FileContent): Promise<Pick<PngInfo, 'width' | 'height'> | undefined> {
	const chunks: Uint8Array[] = [];
	let bytes = 0;
	for await (const chunk of content.stream() as AsyncIterable<Uint8Array>) {
		const part = chunk.subarray(0, PNG_HEAD_BYTES - bytes);
		chunks.push(part);
		bytes += part.length;
		if (bytes >= PNG_HEAD_BYTES) break;
	}
	const info = await pngInfo(new Blob([Buffer.concat(chunks) as unknown as BlobPart]));
	return info && { width: info.width, height: info.height };
}

/** DALL-E 2's rules for an input image: a square PNG (size and type were checked when reading it). */
export async function checkDallE2Image(
	context: IExecuteSingleFunctions,
	field: string,
	file: BinaryFile,
	{ needsTransparency = false } = {},
): Promise<PngInfo> {
	const info = await pngInfo(file.blob);
	if (!info) fail(context, `${field}: "${file.fileName}" is not a valid PNG file`, 'DALL-E 2 takes square PNG images under 4 MB.');
	if (info.width !== info.height) {
		fail(context, `${field}: "${file.fileName}" is ${info.width}x${info.height}; DALL-E 2 needs a square image`);
	}
	if (needsTransparency && !info.hasTransparency) {
		fail(context, `${field}: "${file.fileName}" has no transparency, and no mask is set`, 'Without a mask, DALL-E 2 edits the transparent areas of the image. Add a mask, or use a PNG with an alpha channel.');
	}
	return info;
}

// ----- Turning the reply into items -----

const MIME_BY_FORMAT: Record<string, { mimeType: string; extension: string }> = {
	png: { mimeType: 'image/png', extension: 'png' },
	jpeg: { mimeType: 'image/jpeg', extension: 'jpg' },
	webp: { mimeType: 'image/webp', extension: 'webp' },
};

/** The image's real type from its first bytes, else the format the reply or the request names. */
export function imageTypeOf(data: Buffer, declared: string | undefined): { mimeType: string; extension: string } {
	if (data.length >= 8 && PNG_SIGNATURE.every((byte, index) => data[index] === byte)) return MIME_BY_FORMAT.png;
	if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return MIME_BY_FORMAT.jpeg;
	if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return MIME_BY_FORMAT.webp;
	return MIME_BY_FORMAT[String(declared ?? 'png').toLowerCase()] ?? MIME_BY_FORMAT.png;
}

/**
 * postReceive: one item per image. A base64 image becomes a file in the chosen binary property
 * (never left in the JSON); a URL stays in the JSON. The reply's other fields (created, size,
 * quality, usage, ...) and each image's revised_prompt are kept in every item's JSON. A reply
 * without images gives one item with those fields and `data: []`.
 */
export async function imagesToItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = (response.body && typeof response.body === 'object' && !Buffer.isBuffer(response.body) ? response.body : {}) as IDataObject;
	const { data, ...reply } = body;
	const images = Array.isArray(data) ? (data as IDataObject[]).filter((image) => image && typeof image === 'object') : [];
	// Said outright: a reply without images gives one item with an empty list, not a bare item.
	if (!images.length) return [{ json: { ...reply, data: [] } }];
	const options = imageOptionsOf(this);
	const property = String(options.binaryPropertyOutput || 'data');
	const declared = (reply.output_format as string | undefined) ?? options.outputFormat;
	const items: INodeExecutionData[] = [];
	for (const [index, image] of images.entries()) {
		const { b64_json: base64, ...rest } = image;
		const json: IDataObject = { ...reply, ...rest };
		if (typeof base64 !== 'string' || !base64) {
			items.push({ json });
			continue;
		}
		const bytes = Buffer.from(base64, 'base64');
		if (!bytes.length) {
			throw new NodeOperationError(this.getNode(), `The server sent image ${index + 1} as empty base64 data`, { itemIndex: this.getItemIndex() });
		}
		const { mimeType, extension } = imageTypeOf(bytes, declared);
		const file = await this.helpers.prepareBinaryData(bytes, `image-${index + 1}.${extension}`, mimeType);
		items.push({ json, binary: { [property]: file } });
	}
	return items;
}
