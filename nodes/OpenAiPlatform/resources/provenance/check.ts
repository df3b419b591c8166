import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { oneFileMultipart } from '../../shared/binary';
import { binaryPropertyField, forOperation } from '../../shared/fields';

const MAX_BYTES = 50 * 1024 * 1024;
const MEDIA_TYPES = ['image/*', 'audio/*', '.png', '.jpg', '.jpeg', '.webp', '.gif', '.mp3', '.wav', '.m4a', '.ogg', '.flac'];

/** preSend: the image or audio file as a multipart upload. */
async function buildCheck(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return await oneFileMultipart(this, requestOptions, { field: 'Input Binary Field', maxBytes: MAX_BYTES, accept: MEDIA_TYPES });
}

export const checkOperation: INodePropertyOptions = {
	name: 'Check',
	value: 'check',
	action: 'Check the provenance of a file',
	description: 'Look for OpenAI provenance signals (C2PA, watermarks) in an image or audio file',
	routing: {
		request: { method: 'POST', url: '/content_provenance_checks' },
		send: { preSend: [buildCheck] },
	},
};

export const checkFields: INodeProperties[] = forOperation('provenance', 'check', [
	binaryPropertyField({ description: 'Name of the binary property that holds the image or audio file to check (up to 50 MB)' }),
]);
