import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_MODELS } from '../../shared/defaults';
import type { BinaryFile, FileContent } from '../../shared/binary';
import { asMultipart, multipartForm, openBinaryFile, readBinaryFile } from '../../shared/binary';
import { binaryPropertyField, forOperation } from '../../shared/fields';
import { optionsCollection } from '../../shared/generation';
import { fail } from '../../shared/validation';
import {
	DALL_E_2_MAX_BYTES,
	PNG_ONLY,
	checkDallE2Image,
	imageBodyFields,
	imageFamilyOf,
	imageModelField,
	imageModelOf,
	imageOptionsOf,
	imageRouting,
	numberOfImagesOption,
	outputPropertyOption,
	responseFormatField,
	responseFormatFor,
	sizeOptions,
} from './shared';

const IMAGE_FIELD = 'Input Binary Field';

/**
 * preSend: a square PNG under 4 MB (for dall-e-2: small, and its header is checked, so it is read into memory) and the
 * multipart body. A compatible server's image is not looked at: it is streamed from n8n's binary store when sent.
 */
async function buildVariationForm(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const model = imageModelOf(this);
	const family = imageFamilyOf(model);
	if (family === 'gpt-image' || family === 'dall-e-3') {
		fail(this, `Model: ${model} cannot make variations; only dall-e-2 can`, 'To vary an image with a GPT image model, use the Edit operation with a prompt.');
	}
	const fields = imageBodyFields(this, family, imageOptionsOf(this), { sizes: 'dall-e-2', allowed: ['n', 'size', 'user'] });
	const propertyName = String(this.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
	let image: BinaryFile<FileContent>;
	if (family === 'dall-e-2') {
		const png = await readBinaryFile(this, propertyName, { field: IMAGE_FIELD, maxBytes: DALL_E_2_MAX_BYTES, accept: PNG_ONLY });
		await checkDallE2Image(this, IMAGE_FIELD, png);
		image = png;
	} else {
		image = await openBinaryFile(this, propertyName, { field: IMAGE_FIELD });
	}
	const form = multipartForm({ model, ...fields, response_format: responseFormatFor(this, family) }, [{ name: 'image', file: image }]);
	return asMultipart(requestOptions, form);
}

export const createVariationOperation: INodePropertyOptions = {
	name: 'Create Variation',
	value: 'createVariation',
	action: 'Create image variations',
	description: 'Make variations of a square PNG image (DALL-E 2)',
	routing: imageRouting('/images/variations', buildVariationForm),
};

export const createVariationFields: INodeProperties[] = forOperation('image', 'createVariation', [
	imageModelField(DEFAULT_MODELS.imageVariation, 'The image model. Only dall-e-2 makes variations; "By ID" also takes compatible-server models.'),
	binaryPropertyField({ displayName: IMAGE_FIELD, description: 'Name of the binary property holding the image: a square PNG under 4 MB' }),
	responseFormatField(),
	optionsCollection(['user'], {
		extra: [numberOfImagesOption(), ...sizeOptions(['dall-e-2'], { byModel: false }), outputPropertyOption],
	}),
]);
