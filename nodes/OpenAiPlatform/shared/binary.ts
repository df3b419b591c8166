import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export interface BinaryFile {
	blob: Blob;
	fileName: string;
	mimeType: string;
	size: number;
}

export interface BinaryLimits {
	/** Field label used in error messages. */
	field: string;
	maxBytes?: number;
	/** Accepted MIME types or extensions, e.g. ['image/png', '.png']. */
	accept?: string[];
}

function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot >= 0 ? fileName.slice(dot).toLowerCase() : '';
}

/** Bytes gathered before they become one Blob part while a file is read from the binary store. */
const BLOB_PART_BYTES = 1 << 20;
const STREAM_CHUNK_BYTES = 256 * 1024;

function megabytes(bytes: number): string {
	return `${(bytes / 1048576).toFixed(1)} MB`;
}

function tooBig(context: IExecuteSingleFunctions, limits: BinaryLimits, fileName: string, size: number): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`${limits.field}: "${fileName}" is ${megabytes(size)}, over the ${(limits.maxBytes! / 1048576).toFixed(0)} MB limit`,
		{ itemIndex: context.getItemIndex() },
	);
}

/**
 * Reads a file from n8n's binary store chunk by chunk into a Blob made of ~1 MB parts: Node keeps
 * Blob parts by reference, so the file is held once (never as base64, never as a second full
 * copy), and axios streams the Blob into the multipart body. Stops as soon as the size passes the limit.
 */
async function blobFromStore(
	context: IExecuteSingleFunctions,
	binaryId: string,
	mimeType: string,
	onBytes: (total: number) => void,
): Promise<{ blob: Blob; size: number }> {
	const stream = await context.helpers.getBinaryStream(binaryId, STREAM_CHUNK_BYTES);
	const parts: Blob[] = [];
	let batch: Uint8Array[] = [];
	let batchBytes = 0;
	let size = 0;
	try {
		for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			size += bytes.length;
			onBytes(size);
			batch.push(bytes);
			batchBytes += bytes.length;
			if (batchBytes >= BLOB_PART_BYTES) {
				parts.push(new Blob(batch as BlobPart[]));
				batch = [];
				batchBytes = 0;
			}
		}
	} finally {
		stream.destroy();
	}
	if (batch.length) parts.push(new Blob(batch as BlobPart[]));
	return { blob: new Blob(parts, { type: mimeType }), size };
}

/**
 * Reads an input item's binary property as a Blob for a multipart upload, checking it first: the
 * type and, when the store knows it, the size before a byte is read. Data in the binary store (it
 * has an id) is streamed from there; data held in the item itself is decoded once.
 */
export async function readBinaryFile(
	context: IExecuteSingleFunctions,
	propertyName: string,
	limits: BinaryLimits,
): Promise<BinaryFile> {
	const itemIndex = context.getItemIndex();
	const binary = context.getInputData().binary?.[propertyName] as IBinaryData | undefined;
	if (!propertyName || !binary) {
		const available = Object.keys(context.getInputData().binary ?? {});
		throw new NodeOperationError(context.getNode(), `${limits.field}: the input item has no binary property "${propertyName}"`, {
			itemIndex,
			description: available.length
				? `Binary properties on this item: ${available.join(', ')}`
				: 'This item has no binary data. Add a node before this one that reads or downloads the file.',
		});
	}
	const fileName = binary.fileName ?? `${propertyName}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const mimeType = binary.mimeType || 'application/octet-stream';
	if (limits.accept?.length) {
		const extension = extensionOf(fileName);
		const ok = limits.accept.some((accepted) =>
			accepted.startsWith('.') ? accepted === extension : mimeType === accepted || (accepted.endsWith('/*') && mimeType.startsWith(accepted.slice(0, -1))),
		);
		if (!ok) {
			throw new NodeOperationError(context.getNode(), `${limits.field}: "${fileName}" (${mimeType}) is not an accepted file type`, {
				itemIndex,
				description: `Accepted: ${limits.accept.join(', ')}`,
			});
		}
	}
	const overLimit = (size: number) => limits.maxBytes !== undefined && size > limits.maxBytes;
	if (binary.id) {
		const known = await context.helpers.getBinaryMetadata(binary.id).then(
			(metadata) => Number(metadata?.fileSize),
			() => NaN,
		);
		if (Number.isFinite(known) && overLimit(known)) throw tooBig(context, limits, fileName, known);
		const { blob, size } = await blobFromStore(context, binary.id, mimeType, (total) => {
			if (overLimit(total)) throw tooBig(context, limits, fileName, Number.isFinite(known) ? Math.max(known, total) : total);
		});
		return { blob, fileName, mimeType, size };
	}
	const buffer = await context.helpers.getBinaryDataBuffer(propertyName);
	if (overLimit(buffer.length)) throw tooBig(context, limits, fileName, buffer.length);
	return { blob: new Blob([buffer as BlobPart], { type: mimeType }), fileName, mimeType, size: buffer.length };
}

/**
 * Multipart requests: axios serialises a spec FormData itself, but only when no JSON content type
 * is set, so any content-type header goes.
 */
export function withoutContentType(headers: Record<string, unknown> | undefined): Record<string, unknown> {
	return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type'));
}

export type FormFieldValue = string | number | boolean | null | undefined | Array<string | number>;

export interface FormFile {
	/** Part name, e.g. `file`, `image` or `image[]`. */
	name: string;
	file: BinaryFile;
}

/**
 * A multipart body: fields first (undefined and null left out, arrays as repeated `name[]` parts,
 * as OpenAI's SDKs send them), then the files with their names and types.
 */
export function multipartForm(fields: Record<string, FormFieldValue>, files: FormFile[]): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) for (const entry of value) form.append(`${name}[]`, String(entry));
		else form.append(name, String(value));
	}
	for (const { name, file } of files) form.append(name, file.blob, file.fileName);
	return form;
}

/**
 * Sends a FormData body: axios writes the boundary header itself, so any JSON content type goes.
 * Redirects are not followed: following one would mean keeping the whole upload in memory to send
 * it again (see `refuseRedirect`).
 */
export function asMultipart(requestOptions: IHttpRequestOptions, form: FormData): IHttpRequestOptions {
	return {
		...requestOptions,
		body: form,
		headers: withoutContentType(requestOptions.headers as IDataObject) as IDataObject,
		disableFollowRedirect: true,
	};
}

/** postReceive for uploads sent with `asMultipart`: a redirect becomes a clear error instead of an empty result. */
export async function refuseRedirect(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 300 || response.statusCode >= 400) return items;
	const location = String((response.headers as IDataObject | undefined)?.location ?? '');
	throw new NodeApiError(
		this.getNode(),
		{ status: response.statusCode, location },
		{
			message: `The server redirected the upload (HTTP ${response.statusCode})${location ? ` to ${location}` : ''}`,
			description: "Uploads are not sent twice. Set the credential's Base URL to the address the server redirects to.",
			itemIndex: this.getItemIndex(),
		},
	);
}

function bodyBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body ?? ''), 'utf8');
}

/** Stores a binary reply (sent with `encoding: 'arraybuffer'`) in n8n's binary store. */
export async function binaryFromResponse(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	fileName: string,
	mimeType?: string,
): Promise<IBinaryData> {
	const headerType = String((response.headers as Record<string, unknown>)?.['content-type'] ?? '').split(';')[0].trim();
	return await context.helpers.prepareBinaryData(bodyBuffer(response.body), fileName, mimeType ?? (headerType || undefined));
}
