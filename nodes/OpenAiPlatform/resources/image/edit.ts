import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_MODELS } from '../../shared/defaults';
import type { BinaryFile, BinaryLimits, FileContent } from '../../shared/binary';
import { asMultipart, multipartForm, openBinaryFile, readBinaryFile } from '../../shared/binary';
import { binaryPropertyField, forOperation } from '../../shared/fields';
import { optionsCollection } from '../../shared/generation';
import { fail } from '../../shared/validation';
import type { ImageFamily, PngInfo } from './shared';
import {
	DALL_E_2_MAX_BYTES,
	GPT_IMAGE_MAX_BYTES,
	GPT_IMAGE_TYPES,
	PNG_ONLY,
	checkDallE2Image,
	checkedPrompt,
	forFamilies,
	gptImageOptions,
	imageBodyFields,
	imageFamilyOf,
	imageModelField,
	imageModelOf,
	imageOptionsOf,
	imageRouting,
	numberOfImagesOption,
	outputPropertyOption,
	pngInfo,
	pngSizeOf,
	promptField,
	qualityOptions,
	responseFormatField,
	responseFormatFor,
	sizeOptions,
} from './shared';

const IMAGES_FIELD = 'Input Binary Field';
const MAX_IMAGES = 16;

const IMAGE_LIMITS: Record<ImageFamily, Omit<BinaryLimits, 'field'>> = {
	'dall-e-2': { maxBytes: DALL_E_2_MAX_BYTES, accept: PNG_ONLY },
	'dall-e-3': {},
	'gpt-image': { maxBytes: GPT_IMAGE_MAX_BYTES, accept: GPT_IMAGE_TYPES },
	other: {},
};

function imagePropertyNames(context: IExecuteSingleFunctions, family: ImageFamily): string[] {
	const names = String(context.getNodeParameter('binaryPropertyName', 'data') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	if (!names.length) fail(context, `${IMAGES_FIELD}: name at least one binary property that holds an image`);
	if (family === 'dall-e-2' && names.length > 1) {
		fail(context, `${IMAGES_FIELD}: DALL-E 2 edits one image, got ${names.length} (${names.join(', ')})`, 'Use a GPT image model to combine several images.');
	}
	if (names.length > MAX_IMAGES) fail(context, `${IMAGES_FIELD}: at most ${MAX_IMAGES} images, got ${names.length}`);
	return names;
}

/**
 * The mask: a PNG under 4 MB with the size of the (first) image. It is small and its header is checked, so it is read
 * into memory; of a GPT image input, which may stay in the binary store, only the header is read.
 */
async function readMask(
	context: IExecuteSingleFunctions,
	propertyName: string,
	image: BinaryFile<FileContent>,
	imageInfo?: PngInfo,
): Promise<BinaryFile> {
	const mask = await readBinaryFile(context, propertyName, { field: 'Mask', maxBytes: DALL_E_2_MAX_BYTES, accept: PNG_ONLY });
	const maskInfo = await pngInfo(mask.blob);
	if (!maskInfo) fail(context, `Mask: "${mask.fileName}" is not a valid PNG file`);
	const info = imageInfo ?? (await pngSizeOf(image.blob));
	if (info && (info.width !== maskInfo.width || info.height !== maskInfo.height)) {
		fail(context, `Mask: "${mask.fileName}" is ${maskInfo.width}x${maskInfo.height} but the image "${image.fileName}" is ${info.width}x${info.height}; they must be the same size`);
	}
	return mask;
}

/**
 * preSend: checks the images (DALL-E 2: one square PNG under 4 MB, a mask of the same size) and builds the multipart
 * body. A DALL-E 2 image is small and its header is checked, so it is read into memory; the others (a GPT image edit
 * takes up to 16 images of 50 MB) are checked by type and size here and streamed from n8n's binary store when the
 * request is sent.
 */
async function buildEditForm(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const model = imageModelOf(this);
	const family = imageFamilyOf(model);
	if (family === 'dall-e-3') fail(this, 'Model: dall-e-3 cannot edit images', 'Use a GPT image model (e.g. gpt-image-1) or dall-e-2.');
	const prompt = checkedPrompt(this, family);
	const options = imageOptionsOf(this);
	const fields = imageBodyFields(this, family, options, {
		allowed: ['n', 'size', 'quality', 'background', 'outputFormat', 'outputCompression', 'inputFidelity', 'user'],
	});
	const maskName = String(options.maskBinaryPropertyName ?? '').trim();

	const names = imagePropertyNames(this, family);
	const limits: BinaryLimits = { field: IMAGES_FIELD, ...IMAGE_LIMITS[family] };
	let images: Array<BinaryFile<FileContent>>;
	let firstInfo: PngInfo | undefined;
	if (family === 'dall-e-2') {
		const image = await readBinaryFile(this, names[0], limits);
		firstInfo = await checkDallE2Image(this, IMAGES_FIELD, image, { needsTransparency: !maskName });
		images = [image];
	} else {
		images = [];
		for (const name of names) images.push(await openBinaryFile(this, name, limits));
	}
	const mask = maskName ? await readMask(this, maskName, images[0], firstInfo) : undefined;

	const form = multipartForm(
		{ model, prompt, ...fields, response_format: responseFormatFor(this, family) },
		[
			// One image is the scalar `image`; several are `image[]` parts (OpenAI refuses a repeated `image`).
			...images.map((file) => ({ name: images.length === 1 ? 'image' : 'image[]', file })),
			...(mask ? [{ name: 'mask', file: mask }] : []),
		],
	);
	return asMultipart(requestOptions, form);
}

export const editOperation: INodePropertyOptions = {
	name: 'Edit',
	value: 'edit',
	action: 'Edit an image',
	description: 'Edit or extend one or more images following a prompt, optionally within a mask',
	routing: imageRouting('/images/edits', buildEditForm),
};

const inputFidelityOption: INodeProperties = {
	displayName: 'Input Fidelity',
	name: 'inputFidelity',
	type: 'options',
	default: 'low',
	description: 'How closely the edit keeps the style and features (e.g. faces) of the input images. High costs more input tokens.',
	options: [
		{ name: 'High', value: 'high', description: 'Match the style and features (e.g. faces) of the input images closely' },
		{ name: 'Low', value: 'low' },
	],
	displayOptions: { ...forFamilies(['gpt-image']), hide: { '/model': [{ _cnd: { startsWith: 'gpt-image-1-mini' } }] } },
};

export const editFields: INodeProperties[] = forOperation('image', 'edit', [
	imageModelField(DEFAULT_MODELS.imageEdit, 'The image model: a GPT image model or dall-e-2. "From list" shows your account\'s image models; use "By ID" for new or compatible-server models.'),
	promptField('What the edited images should show'),
	{
		...binaryPropertyField({
			displayName: IMAGES_FIELD,
			description:
				'Name of the binary property holding the image to edit. GPT image models take up to 16 (PNG, JPEG or WebP under 50 MB), separated by commas; DALL-E 2 takes one square PNG under 4 MB.',
		}),
		hint: 'One binary property name, or several separated by commas, e.g. data, image2',
		placeholder: 'e.g. data',
	},
	responseFormatField(['dall-e-2', 'other']),
	optionsCollection(['user'], {
		extra: [
			{
				displayName: 'Mask Binary Field',
				name: 'maskBinaryPropertyName',
				type: 'string',
				default: 'mask',
				description:
					'Binary property of a PNG under 4 MB, the size of the (first) image, whose fully transparent areas mark where to edit. Without a mask, a DALL-E 2 image must have transparency.',
			},
			numberOfImagesOption(),
			...sizeOptions(['dall-e-2', 'gpt-image', 'other']),
			...qualityOptions(['gpt-image']),
			gptImageOptions.background,
			gptImageOptions.outputFormat,
			gptImageOptions.outputCompression,
			inputFidelityOption,
			outputPropertyOption,
		],
	}),
]);
