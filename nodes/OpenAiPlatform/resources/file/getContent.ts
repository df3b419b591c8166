import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { binaryFromResponse } from '../../shared/binary';
import { binaryPropertyField, forOperation } from '../../shared/fields';
import { idInPath, idOf } from '../../shared/ids';
import type { PaginationFunction } from '../../shared/transport';
import { openAiRequest, routingAttempt, settle, withRetries } from '../../shared/transport';
import { fail } from '../../shared/validation';
import { fileLocator } from './shared';

/**
 * MIME types of the files OpenAI stores (uploads for assistants, file search, code interpreter,
 * fine-tuning, batches, vision). Named explicitly: n8n's own guess needs content sniffing.
 */
const MIME_TYPES: Record<string, string> = {
	c: 'text/x-c',
	cpp: 'text/x-c++',
	cs: 'text/x-csharp',
	css: 'text/css',
	csv: 'text/csv',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	gif: 'image/gif',
	go: 'text/x-golang',
	html: 'text/html',
	java: 'text/x-java',
	jpeg: 'image/jpeg',
	jpg: 'image/jpeg',
	js: 'text/javascript',
	json: 'application/json',
	jsonl: 'application/jsonl',
	md: 'text/markdown',
	pdf: 'application/pdf',
	php: 'text/x-php',
	png: 'image/png',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	py: 'text/x-python',
	rb: 'text/x-ruby',
	sh: 'application/x-sh',
	tar: 'application/x-tar',
	tex: 'text/x-tex',
	ts: 'application/typescript',
	txt: 'text/plain',
	webp: 'image/webp',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	xml: 'application/xml',
	zip: 'application/zip',
};

/** The MIME type for a file name; else the type the server sent; else a generic binary type. */
export function mimeTypeFor(fileName: string, contentType: string): string {
	const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	return (extension && MIME_TYPES[extension]) || contentType || 'application/octet-stream';
}

export interface Download {
	content: IN8nHttpFullResponse['body'];
	contentType: string;
}

/** postReceive: keeps the downloaded bytes and their content type for `downloadFile`. */
export async function keepDownload(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const contentType = String((response.headers as IDataObject)?.['content-type'] ?? '').split(';')[0].trim();
	const download: Download = { content: response.body, contentType };
	return [{ json: download as unknown as IDataObject }];
}

function byteLength(content: unknown): number {
	if (Buffer.isBuffer(content) || content instanceof ArrayBuffer) return content.byteLength;
	return typeof content === 'string' ? Buffer.byteLength(content) : 0;
}

/**
 * What came back must be the file: not nothing when the file has bytes, and not an HTML page
 * (a proxy's or portal's) in place of a file that is not HTML. Other content types are the file's own.
 */
export function checkDownload(context: IExecuteSingleFunctions, details: IDataObject, fileName: string, content: unknown, contentType: string): void {
	const size = byteLength(content);
	const expected = Number(details.bytes);
	if (size === 0 && Number.isFinite(expected) && expected > 0) {
		fail(context, `The server sent no content for file ${String(details.id ?? fileName)}, which has ${expected} bytes`, 'Try again; if it persists, check the credential\'s Base URL.');
	}
	if (contentType.toLowerCase().includes('html') && !/\.html?$/i.test(fileName)) {
		fail(context, `The server sent an HTML page instead of the content of "${fileName}"`, `Content type "${contentType}". Check the credential's Base URL points at an OpenAI-compatible API.`);
	}
}

/**
 * Pagination hook: asks for the file's details first (its name, and a clear 404 before any
 * download), then downloads the content and stores it as n8n binary data under that name.
 */
const downloadFile: PaginationFunction = async function (this, requestData) {
	return await settle(this, async () => {
		const id = idOf(this, 'fileId', 'File');
		const file = await openAiRequest<IDataObject | string>(this, { method: 'GET', url: `/files/${encodeURIComponent(id)}` });
		const details: IDataObject = file && typeof file === 'object' && !Buffer.isBuffer(file) ? file : { id };
		const [reply] = await withRetries(this, async () => await routingAttempt(this, requestData));
		const { content, contentType } = (reply?.json ?? {}) as unknown as Download;
		const fileName = typeof details.filename === 'string' && details.filename.trim() ? details.filename.trim() : id;
		checkDownload(this, details, fileName, content, contentType);
		const property = String(this.getNodeParameter('outputBinaryPropertyName', 'data')).trim() || 'data';
		const response: IN8nHttpFullResponse = { body: content, headers: {}, statusCode: 200 };
		const binary = await binaryFromResponse(this, response, fileName, mimeTypeFor(fileName, contentType));
		return [{ json: details, binary: { [property]: binary } }];
	});
};

export const getContentOperation: INodePropertyOptions = {
	name: 'Download',
	value: 'getContent',
	action: 'Download a file',
	description: "Download a file's content as binary data, under the file's name",
	routing: {
		request: { method: 'GET', encoding: 'arraybuffer', headers: { Accept: '*/*' } },
		send: { preSend: [idInPath('/files/{id}/content', 'fileId', 'File')] },
		operations: { pagination: downloadFile },
		output: { postReceive: [keepDownload] },
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
