import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, outputBinaryField } from '../../shared/fields';
import { optionalIdOf } from '../../shared/ids';
import { fail } from '../../shared/validation';
import type { VideoVariant } from './shared';
import { RESOURCE, variantField, videoAsset, videoLocator, videoPath } from './shared';

/** postReceive: the asset as binary data; a JSON or HTML reply in its place is an error, not a file. */
async function toBinary(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const id = optionalIdOf(this, 'videoId');
	const variant = this.getNodeParameter('variant', 'video') as VideoVariant;
	const contentType = String((response.headers as IDataObject)?.['content-type'] ?? '').split(';')[0].trim();
	const size = Buffer.isBuffer(response.body) ? response.body.length : 0;
	if (!size) fail(this, `The server sent no content for the ${variant} of video ${id}`, 'A video can be downloaded once it is completed: check its status with Get.');
	if (/json|html/.test(contentType)) fail(this, `The server sent ${contentType} instead of the ${variant} of video ${id}`, "Check the credential's Base URL points at an OpenAI-compatible API.");
	const property = String(this.getNodeParameter('binaryPropertyOutput', 'data')).trim() || 'data';
	return [{ json: { id, variant }, binary: { [property]: await videoAsset(this, id, variant, response.body, contentType) } }];
}

export const getContentOperation: INodePropertyOptions = {
	name: 'Get Content',
	value: 'getContent',
	action: "Get a video's content",
	description: 'Download a completed video, its thumbnail or its spritesheet as binary data',
	routing: {
		request: { method: 'GET', encoding: 'arraybuffer', headers: { Accept: '*/*' } },
		send: { preSend: [videoPath('/content')] },
		output: { postReceive: [toBinary] },
	},
};

export const getContentFields: INodeProperties[] = forOperation(RESOURCE, 'getContent', [
	videoLocator,
	{ ...variantField, routing: { send: { type: 'query', property: 'variant' } } },
	outputBinaryField(),
]);
