import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { asMultipart, multipartForm, readBinaryFile } from '../../shared/binary';
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

/** preSend: a square PNG under 4 MB (for dall-e-2) and the multipart body. */
async function buildVariationForm(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const model = imageModelOf(this);
	const family = imageFamilyOf(model);
	if (family === 'gpt-image' || family === 'dall-e-3') {
		fail(this, `Model: ${model} cannot make variations; only dall-e-2 can`, 'To vary an image with a GPT image model, use the Edit operation with a prompt.');
	}
	const fields = imageBodyFields(this, family, imageOptionsOf(this), { sizes: 'dall-e-2', allowed: ['n', 'size', 'user'] });
	const propertyName = String(this.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
	const image =
		family === 'dall-e-2'
			? await readBinaryFile(this, propertyName, { field: IMAGE_FIELD, maxBytes: DALL_E_2_MAX_BYTES, accept: PNG_ONLY })
			: await readBinaryFile(this, propertyName, { field: IMAGE_FIELD });
	if (family === 'dall-e-2') await checkDallE2Image(this, IMAGE_FIELD, image);
	const form = multipartForm({ model, ...fields, response_format: responseFormatFor(this, family) }, [{ name: 'image', file: image }]);
	return asMultipart(requestOptions, form);
}

export const createVariationOperation: INodePropertyOptions = {
	name: 'Create Variation',
	value: 'createVariation',
	action: 'Create image variations',
	description: 'Make variations of a square PNG image (DALL-E 2)',
	routing: imageRouting('/images/variations', buildVariationForm, { upload: true }),
};

export const createVariationFields: INodeProperties[] = forOperation('image', 'createVariation', [
	imageModelField('dall-e-2', 'The image model. Only dall-e-2 makes variations; "By ID" also takes compatible-server models.'),
	binaryPropertyField({ displayName: IMAGE_FIELD, description: 'Name of the binary property holding the image: a square PNG under 4 MB' }),
	responseFormatField(),
	optionsCollection(['user'], {
		extra: [numberOfImagesOption(), ...sizeOptions(['dall-e-2'], { byModel: false }), outputPropertyOption],
	}),
]);
