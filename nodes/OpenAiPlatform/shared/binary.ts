import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkMagicBytes } from './magicBytes';

/**
 * A file's bytes as a multipart upload reads them: a Blob, or a file that stays in n8n's binary store and is read
 * from it each time the request is sent (see `openBinaryFile`).
 */
export interface FileContent {
	readonly size: number;
	readonly type: string;
	/** A Blob's web stream, or the chunks of a stored file (axios reads either as an async iterable). */
	stream(): AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;
	arrayBuffer(): Promise<ArrayBuffer>;
}

export interface BinaryFile<Content extends FileContent = Blob> {
	blob: Content;
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

interface CheckedBinary {
	binary: IBinaryData;
	fileName: string;
	mimeType: string;
	/** Throws when `size` is over the limit. */
	tooBig: (size: number) => void;
	/** The size the item or the binary store gives, checked against the limit; undefined when neither says. */
	knownSize?: number;
}

/** Finds an input item's binary property and checks its type and, where known before reading it, its size. */
async function checkBinary(context: IExecuteSingleFunctions, propertyName: string, limits: BinaryLimits): Promise<CheckedBinary> {
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
	const tooBig = (size: number) => {
		if (limits.maxBytes === undefined || size <= limits.maxBytes) return;
		throw new NodeOperationError(
			context.getNode(),
			`${limits.field}: "${fileName}" is ${(size / 1048576).toFixed(1)} MB, over the ${(limits.maxBytes / 1048576).toFixed(0)} MB limit`,
			{ itemIndex },
		);
	};
	let knownSize: number | undefined;
	if (typeof binary.bytes === 'number') knownSize = binary.bytes;
	else if (binary.id) knownSize = (await storedSize(context, binary.id)) || undefined;
	if (knownSize !== undefined) tooBig(knownSize);
	await checkMagicBytes(context, binary, { field: limits.field, fileName, mimeType });
	return { binary, fileName, mimeType, tooBig, knownSize };
}

/** Reads an input item's binary property as a Blob (for operations that look at the bytes), checking it first. */
export async function readBinaryFile(
	context: IExecuteSingleFunctions,
	propertyName: string,
	limits: BinaryLimits,
): Promise<BinaryFile> {
	const { binary, fileName, mimeType, tooBig } = await checkBinary(context, propertyName, limits);
	const blob = binary.id
		? await blobFromStore(context, binary.id, mimeType, tooBig)
		: new Blob([new Uint8Array(await context.helpers.getBinaryDataBuffer(propertyName))], { type: mimeType });
	tooBig(blob.size);
	return { blob, fileName, mimeType, size: blob.size };
}

/**
 * An input item's binary property for a multipart upload, checked like `readBinaryFile`. A file in n8n's binary
 * store whose size is known is not read here: the upload streams it from the store each time the request is sent
 * (a retry reads it again), so a 100 MB upload holds about one read buffer in memory, not the file. Data held in
 * the item itself is sent from its decoded buffer, without another copy.
 */
export async function openBinaryFile(
	context: IExecuteSingleFunctions,
	propertyName: string,
	limits: BinaryLimits,
): Promise<BinaryFile<FileContent>> {
	const { binary, fileName, mimeType, tooBig, knownSize } = await checkBinary(context, propertyName, limits);
	if (binary.id && knownSize !== undefined) {
		return { blob: new StoredFile(context, binary.id, knownSize, mimeType, `${limits.field}: "${fileName}"`), fileName, mimeType, size: knownSize };
	}
	if (binary.id) return await readBinaryFile(context, propertyName, limits);
	const bytes = await context.helpers.getBinaryDataBuffer(propertyName);
	tooBig(bytes.length);
	return { blob: new BufferFile(bytes, mimeType), fileName, mimeType, size: bytes.length };
}

/** The size the binary store recorded (0 when it cannot say), so a file over the limit is refused before it is read. */
async function storedSize(context: IExecuteSingleFunctions, id: string): Promise<number> {
	try {
		const size = Number((await context.helpers.getBinaryMetadata(id))?.fileSize);
		return Number.isFinite(size) ? size : 0;
	} catch {
		return 0;
	}
}

const STREAM_CHUNK_BYTES = 1024 * 1024;

/**
 * A file in n8n's binary store, read chunk by chunk into a Blob made of per-chunk parts: each chunk
 * is copied once and then let go, so a large upload costs about its own size in memory, not twice
 * (a whole-file Buffer plus the Blob's copy of it). `checkSize` sees the running total, so reading
 * stops as soon as a file turns out bigger than the store said.
 */
async function blobFromStore(context: IExecuteSingleFunctions, id: string, type: string, checkSize: (bytes: number) => void): Promise<Blob> {
	const parts: Blob[] = [];
	let bytes = 0;
	const stream = await context.helpers.getBinaryStream(id, STREAM_CHUNK_BYTES);
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			bytes += chunk.length;
			checkSize(bytes);
			parts.push(new Blob([chunk as unknown as BlobPart]));
		}
	} finally {
		stream.destroy();
	}
	return new Blob(parts, { type });
}

async function collect(chunks: AsyncIterable<Uint8Array>, size: number): Promise<ArrayBuffer> {
	const bytes = new Uint8Array(size);
	let offset = 0;
	for await (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.length;
	}
	return bytes.buffer;
}

/** A file in n8n's binary store, read from it (chunk by chunk) each time it is sent. */
class StoredFile implements FileContent {
	constructor(
		private readonly context: IExecuteSingleFunctions,
		private readonly id: string,
		readonly size: number,
		readonly type: string,
		private readonly label: string,
	) {}

	async *stream(): AsyncIterable<Uint8Array> {
		const stream = await this.context.helpers.getBinaryStream(this.id, STREAM_CHUNK_BYTES);
		let bytes = 0;
		try {
			for await (const chunk of stream as AsyncIterable<Buffer>) {
				bytes += chunk.length;
				// The multipart body announced this size (Content-Length): a file that changed in the store must not be sent.
				if (bytes > this.size) break;
				yield chunk;
			}
		} finally {
			stream.destroy();
		}
		if (bytes !== this.size) {
			throw new NodeOperationError(this.context.getNode(), `${this.label} is no longer ${this.size} bytes in n8n's binary store`, {
				itemIndex: this.context.getItemIndex(),
			});
		}
	}

	async arrayBuffer(): Promise<ArrayBuffer> {
		return await collect(this.stream(), this.size);
	}
}

/** Data decoded from the item itself (or one part of an upload in parts), sent as it is. */
export class BufferFile implements FileContent {
	constructor(
		private readonly bytes: Buffer,
		readonly type: string,
	) {}

	get size(): number {
		return this.bytes.length;
	}

	async *stream(): AsyncIterable<Uint8Array> {
		yield this.bytes;
	}

	async arrayBuffer(): Promise<ArrayBuffer> {
		return new Uint8Array(this.bytes).buffer;
	}
}

/** One file part of a `MultipartForm`, as axios's multipart encoder reads it: name, type, size and a byte stream. */
interface FormFilePart {
	name: string;
	type: string;
	size: number;
	stream(): AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;
}

/**
 * A multipart body, sent the way axios sends a spec FormData (n8n's HTTP helpers hand it over as it is): axios
 * encodes it as a stream with a Content-Length, and reads each file part from its `stream()` while it writes the
 * request, so files are not copied into the body. A native FormData would need every file as a Blob in memory.
 */
export class MultipartForm {
	private readonly parts: Array<[string, string | FormFilePart]> = [];

	append(name: string, value: string | FileContent, fileName?: string): void {
		if (typeof value === 'string') {
			this.parts.push([name, value]);
			return;
		}
		const content = value;
		this.parts.push([name, { name: fileName ?? 'blob', type: content.type, size: content.size, stream: () => content.stream() }]);
	}

	entries(): IterableIterator<[string, string | FormFilePart]> {
		return this.parts[Symbol.iterator]();
	}

	keys(): IterableIterator<string> {
		return this.parts.map(([name]) => name)[Symbol.iterator]();
	}

	[Symbol.iterator](): IterableIterator<[string, string | FormFilePart]> {
		return this.entries();
	}

	/** What axios checks to treat it as a spec FormData. */
	get [Symbol.toStringTag](): string {
		return 'FormData';
	}
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
	file: BinaryFile<FileContent>;
}

/**
 * A multipart body: fields first (undefined and null left out, arrays as repeated `name[]` parts,
 * as OpenAI's SDKs send them), then the files with their names and types.
 */
export function multipartForm(fields: Record<string, FormFieldValue>, files: FormFile[]): MultipartForm {
	const form = new MultipartForm();
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
 * Redirects are not followed (no request of this node follows one; see shared/http.ts), and for an
 * upload following one would also mean keeping the whole file in memory to send it again.
 */
export function asMultipart(requestOptions: IHttpRequestOptions, form: MultipartForm): IHttpRequestOptions {
	return {
		...requestOptions,
		body: form as unknown as IDataObject,
		headers: withoutContentType(requestOptions.headers as IDataObject) as IDataObject,
		disableFollowRedirect: true,
	};
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

/** A multipart body of one file, as the part `file`, from an input item's binary property (container files, provenance checks). */
export async function oneFileMultipart(
	context: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
	limits: BinaryLimits,
	propertyParameter = 'binaryPropertyName',
): Promise<IHttpRequestOptions> {
	const propertyName = String(context.getNodeParameter(propertyParameter, 'data')).trim();
	const file = await openBinaryFile(context, propertyName, limits);
	return asMultipart(requestOptions, multipartForm({}, [{ name: 'file', file }]));
}
