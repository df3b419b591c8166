import type { IDataObject, IN8nHttpFullResponse, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { binaryFromResponse } from '../../shared/binary';
import { binaryPropertyField, forOperation } from '../../shared/fields';
import { idInPath, requiredLocatorId } from '../../shared/params';
import type { PaginationFunction } from '../../shared/transport';
import { openAiRequest, settle, withRetries } from '../../shared/transport';
import { fileLocator } from './shared';

/** Types n8n's own lookup by file name does not know but OpenAI's files often are. */
const MIME_TYPES: Record<string, string> = {
	jsonl: 'application/jsonl',
	py: 'text/x-python',
};

/** The MIME type for a file name, or undefined to let n8n look it up by the name. */
export function mimeTypeForName(fileName: string): string | undefined {
	const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	return extension ? MIME_TYPES[extension] : undefined;
}

/**
 * Pagination hook: asks for the file's details first (its name, and a clear 404 before any
 * download), then downloads the content and stores it as n8n binary data under that name.
 */
const downloadFile: PaginationFunction = async function (this, requestData) {
	return await settle(this, async () => {
		const id = requiredLocatorId(this, 'fileId', 'File');
		const file = await openAiRequest<IDataObject | string>(this, { method: 'GET', url: `/files/${encodeURIComponent(id)}` });
		const details: IDataObject = file && typeof file === 'object' && !Buffer.isBuffer(file) ? file : { id };
		const [reply] = await withRetries(this, async () => await this.makeRoutingRequest(requestData));
		const fileName = typeof details.filename === 'string' && details.filename.trim() ? details.filename.trim() : id;
		const property = String(this.getNodeParameter('outputBinaryPropertyName', 'data')).trim() || 'data';
		// The reply's body (a Buffer: the request asks for an arraybuffer) became the item's json.
		const content: IN8nHttpFullResponse = { body: reply?.json as unknown as IN8nHttpFullResponse['body'], headers: {}, statusCode: 200 };
		const binary = await binaryFromResponse(this, content, fileName, mimeTypeForName(fileName));
		return [{ json: details, binary: { [property]: binary } }];
	});
};

export const getContentOperation: INodePropertyOptions = {
	name: 'Get Content',
	value: 'getContent',
	action: 'Download a file',
	description: "Download a file's content as binary data, under the file's name",
	routing: {
		request: { method: 'GET', encoding: 'arraybuffer', headers: { Accept: '*/*' } },
		send: { preSend: [idInPath('fileId', 'File', (id) => `/files/${id}/content`)] },
		operations: { pagination: downloadFile },
	},
};

export const getContentFields: INodeProperties[] = forOperation('file', 'getContent', [
	fileLocator({ description: 'The file to download' }),
	{
		...binaryPropertyField({
			name: 'outputBinaryPropertyName',
			displayName: 'Put Output File in Field',
			description: 'Name of the binary property to store the file in',
		}),
		hint: 'The name of the output binary field to put the file in',
	},
]);
