/** Test helpers for the media operations: tiny PNGs, multipart parsing, nock bodies. */
import { crc32, deflateSync } from 'node:zlib';
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData) >>> 0);
	return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A real PNG of the given size. colorType 6 = RGBA (transparent), 2 = RGB (opaque); `tRNS` adds a
 * transparency chunk to an RGB image.
 */
export function png(width: number, height: number, { colorType = 6, tRNS = false }: { colorType?: 2 | 6; tRNS?: boolean } = {}): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8;
	ihdr[9] = colorType;
	const bytesPerPixel = colorType === 6 ? 4 : 3;
	const raw = Buffer.alloc((width * bytesPerPixel + 1) * height);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		...(tRNS ? [chunk('tRNS', Buffer.from([0, 0, 0, 0, 0, 0]))] : []),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

export const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(14, 7)]);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(20, 3), Buffer.from([0xff, 0xd9])]);

export interface Part {
	name: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
	text: string;
}

/** nock hands a binary body over as hex; a text body as it is. */
export function rawBody(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	return /^(?:[0-9a-f]{2})+$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'utf8');
}

/** Splits a multipart/form-data body into its parts. */
export function parseMultipart(body: unknown, contentType: string): Part[] {
	const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
	if (!boundary) throw new Error(`not multipart: ${contentType}`);
	const raw = rawBody(body);
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: Part[] = [];
	let start = raw.indexOf(delimiter);
	while (start >= 0) {
		const next = raw.indexOf(delimiter, start + delimiter.length);
		if (next < 0) break;
		const section = raw.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = section.indexOf('\r\n\r\n');
		const headers = section.subarray(0, headerEnd).toString('utf8');
		const data = section.subarray(headerEnd + 4);
		const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
		const fileName = /filename="([^"]*)"/.exec(headers)?.[1];
		const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
		parts.push({ name, ...(fileName !== undefined ? { fileName } : {}), ...(type ? { contentType: type } : {}), data, text: data.toString('utf8') });
		start = next;
	}
	return parts;
}

/** The text fields of a multipart body, repeated names as arrays. */
export function formFields(parts: Part[]): Record<string, string | string[]> {
	const fields: Record<string, string | string[]> = {};
	for (const part of parts.filter((p) => p.fileName === undefined)) {
		const existing = fields[part.name];
		fields[part.name] = existing === undefined ? part.text : ([] as string[]).concat(existing, part.text);
	}
	return fields;
}

/** An input item with binary properties. */
export function itemWith(files: Record<string, { data: Buffer; fileName: string; mimeType: string }>, json: Record<string, unknown> = {}) {
	return {
		json,
		binary: Object.fromEntries(
			Object.entries(files).map(([property, file]) => [property, { data: file.data.toString('base64'), fileName: file.fileName, mimeType: file.mimeType }]),
		),
	} as { json: Record<string, never>; binary: Record<string, { data: string; fileName: string; mimeType: string }> };
}

/** The bytes of an output binary, read back from the binary store the harness set up. */
export async function binaryBytes(binary: IBinaryData | undefined): Promise<Buffer> {
	if (!binary) throw new Error('no binary data');
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}
