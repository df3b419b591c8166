import type { IBinaryData, IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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

/** Reads an input item's binary property as a Blob for a multipart upload, checking it first. */
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
	const tooBig = (size: number) => {
		if (limits.maxBytes === undefined || size <= limits.maxBytes) return;
		throw new NodeOperationError(
			context.getNode(),
			`${limits.field}: "${fileName}" is ${(size / 1048576).toFixed(1)} MB, over the ${(limits.maxBytes / 1048576).toFixed(0)} MB limit`,
			{ itemIndex },
		);
	};
	if (typeof binary.bytes === 'number') tooBig(binary.bytes);
	const blob = binary.id
		? await blobFromStore(context, binary.id, mimeType)
		: new Blob([new Uint8Array(await context.helpers.getBinaryDataBuffer(propertyName))], { type: mimeType });
	tooBig(blob.size);
	return { blob, fileName, mimeType, size: blob.size };
}

const STREAM_CHUNK_BYTES = 1024 * 1024;

/**
 * A file in n8n's binary store, read chunk by chunk into a Blob made of per-chunk parts: each chunk
 * is copied once and then let go, so a large upload costs about its own size in memory, not twice
 * (a whole-file Buffer plus the Blob's copy of it).
 */
async function blobFromStore(context: IExecuteSingleFunctions, id: string, type: string): Promise<Blob> {
	const parts: Blob[] = [];
	const stream = await context.helpers.getBinaryStream(id, STREAM_CHUNK_BYTES);
	for await (const chunk of stream as AsyncIterable<Buffer>) parts.push(new Blob([chunk as unknown as BlobPart]));
	return new Blob(parts, { type });
}

/**
 * Multipart requests: axios serialises a spec FormData itself, but only when no JSON content type
 * is set, so any content-type header goes.
 */
export function withoutContentType(headers: Record<string, unknown> | undefined): Record<string, unknown> {
	return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type'));
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
