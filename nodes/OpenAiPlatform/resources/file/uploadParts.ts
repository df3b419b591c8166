import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { BinaryFile, FileContent } from '../../shared/binary';
import { BufferFile, MultipartForm, asMultipart } from '../../shared/binary';
import { CREDENTIAL_TYPE, cancelSignalOf, openAiRequest, stoppedError } from '../../shared/transport';
import { toNodeError } from '../../shared/errors';
import { fail, isPlainObject } from '../../shared/validation';

/** OpenAI's limits for the Uploads API: parts of at most 64 MB, 8 GB in all. */
export const PART_BYTES = 64 * 1024 * 1024;
export const MAX_UPLOADS_API_BYTES = 8 * 1024 * 1024 * 1024;
/** The purposes POST /uploads accepts. */
export const UPLOADS_API_PURPOSES = ['assistants', 'batch', 'fine-tune', 'vision'];

/**
 * The file's parts in order, read once from its stream into one reused buffer of `partBytes`: each part is
 * yielded, sent, and then overwritten by the next, so about one part is in memory whatever the file's size.
 */
export async function* partsOf(content: FileContent, partBytes: number): AsyncGenerator<Buffer> {
	const buffer = Buffer.allocUnsafe(Math.min(partBytes, Math.max(1, content.size)));
	let filled = 0;
	for await (const chunk of content.stream() as AsyncIterable<Uint8Array>) {
		let offset = 0;
		while (offset < chunk.length) {
			const take = Math.min(buffer.length - filled, chunk.length - offset);
			buffer.set(chunk.subarray(offset, offset + take), filled);
			filled += take;
			offset += take;
			if (filled === buffer.length) {
				yield buffer;
				filled = 0;
			}
		}
	}
	if (filled > 0) yield buffer.subarray(0, filled);
}

/**
 * Asks the server to cancel an upload that will not be completed. Sent once, outside the retry loop
 * (which sends nothing once the execution is stopped, the case this is for); its failure changes nothing.
 */
async function cancelUpload(context: IExecuteSingleFunctions, uploadId: string): Promise<void> {
	try {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const request: IHttpRequestOptions = {
			method: 'POST',
			baseURL: String(credentials.baseUrl ?? ''),
			url: `/uploads/${encodeURIComponent(uploadId)}/cancel`,
			json: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		};
		await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, request);
	} catch {
		// The upload expires by itself after an hour.
	}
}

/**
 * A file through the Uploads API: POST /uploads, its parts (64 MB each, read from n8n's binary store as they are
 * sent), then complete. An upload that fails or whose execution is stopped is cancelled. Gives the file object.
 */
export async function uploadInParts(
	context: IExecuteSingleFunctions,
	file: BinaryFile<FileContent>,
	fields: { fileName: string; purpose: string; expiresAfterSeconds?: number },
	partBytes = PART_BYTES,
): Promise<IDataObject> {
	const created = await openAiRequest<unknown>(context, {
		method: 'POST',
		url: '/uploads',
		body: {
			filename: fields.fileName,
			purpose: fields.purpose,
			bytes: file.size,
			mime_type: file.mimeType,
			...(fields.expiresAfterSeconds !== undefined ? { expires_after: { anchor: 'created_at', seconds: fields.expiresAfterSeconds } } : {}),
		},
	});
	const uploadId = isPlainObject(created) && typeof created.id === 'string' ? created.id : '';
	if (!uploadId) fail(context, 'The server\'s reply to POST /uploads has no upload ID', `Received: ${JSON.stringify(created)?.slice(0, 200)}`);
	const signal = cancelSignalOf(context);
	try {
		const partIds: string[] = [];
		for await (const bytes of partsOf(file.blob, partBytes)) {
			if (signal?.aborted) throw stoppedError(context, `while uploading "${fields.fileName}" (part ${partIds.length + 1})`);
			const form = new MultipartForm();
			form.append('data', new BufferFile(bytes, 'application/octet-stream'), fields.fileName);
			const part = await openAiRequest<unknown>(context, asMultipart({ method: 'POST', url: `/uploads/${encodeURIComponent(uploadId)}/parts` }, form));
			const partId = isPlainObject(part) && typeof part.id === 'string' ? part.id : '';
			if (!partId) fail(context, `The server's reply to part ${partIds.length + 1} of upload ${uploadId} has no part ID`);
			partIds.push(partId);
		}
		if (signal?.aborted) throw stoppedError(context, `while uploading "${fields.fileName}"`);
		const completed = await openAiRequest<unknown>(context, { method: 'POST', url: `/uploads/${encodeURIComponent(uploadId)}/complete`, body: { part_ids: partIds } });
		if (!isPlainObject(completed)) fail(context, `The server sent no upload object when completing upload ${uploadId}`);
		const upload = completed as IDataObject;
		return isPlainObject(upload.file) ? (upload.file as IDataObject) : upload;
	} catch (error) {
		await cancelUpload(context, uploadId);
		throw toNodeError(context.getNode(), error, context.getItemIndex());
	}
}
