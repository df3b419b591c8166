import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { ImageGenerateParamsNonStreaming } from 'openai/resources/images';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { forOperation } from '../../shared/fields';
import { optionsCollection } from '../../shared/generation';
import {
	checkedPrompt,
	gptImageOptions,
	imageBodyFields,
	imageFamilyOf,
	imageModelField,
	imageModelOf,
	imageOptionsOf,
	imageRouting,
	numberOfImagesOption,
	outputPropertyOption,
	promptField,
	qualityOptions,
	responseFormatField,
	responseFormatFor,
	sizeOptions,
	styleOption,
} from './shared';

/** preSend: the JSON body for the chosen model, with only the fields its family takes. */
async function buildGenerateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const model = imageModelOf(this);
	const family = imageFamilyOf(model);
	const body: ImageGenerateParamsNonStreaming = {
		model,
		prompt: checkedPrompt(this, family),
		...imageBodyFields(this, family, imageOptionsOf(this), {
			allowed: ['n', 'size', 'quality', 'style', 'background', 'outputFormat', 'outputCompression', 'moderation', 'user'],
		}),
	};
	const responseFormat = responseFormatFor(this, family);
	if (responseFormat) body.response_format = responseFormat;
	return { ...requestOptions, body: body as unknown as IDataObject };
}

export const generateOperation: INodePropertyOptions = {
	name: 'Generate',
	value: 'generate',
	action: 'Generate an image',
	description: 'Create images from a prompt, as files or URLs',
	routing: imageRouting('/images/generations', buildGenerateBody),
};

export const generateFields: INodeProperties[] = forOperation('image', 'generate', [
	imageModelField(DEFAULT_MODELS.imageGeneration, 'The image model. "From list" shows your account\'s image models; use "By ID" for new or compatible-server models. The options below follow the model.'),
	promptField('What the images should show'),
	responseFormatField(['dall-e-2', 'dall-e-3', 'other']),
	optionsCollection(['user'], {
		extra: [
			numberOfImagesOption(['dall-e-2', 'gpt-image', 'other']),
			...sizeOptions(['dall-e-2', 'dall-e-3', 'gpt-image', 'other']),
			...qualityOptions(['dall-e-3', 'gpt-image']),
			styleOption,
			gptImageOptions.background,
			gptImageOptions.outputFormat,
			gptImageOptions.outputCompression,
			gptImageOptions.moderation,
			outputPropertyOption,
		],
	}),
]);
