import { Readable, Writable } from 'node:stream';

import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

import { MultipartForm, multipartForm, openBinaryFile, readBinaryFile } from '../../nodes/OpenAiPlatform/shared/binary';
import { MAGIC_HEAD_BYTES } from '../../nodes/OpenAiPlatform/shared/magicBytes';

interface FakeOptions {
	binary: IBinaryData;
	bytes: Buffer;
	metadataSize?: number;
}

/** Just enough of IExecuteSingleFunctions for readBinaryFile, recording which helpers it used. */
function fakeContext({ binary, bytes, metadataSize }: FakeOptions) {
	const calls: string[] = [];
	const context = {
		getItemIndex: () => 0,
		getNode: () => ({ name: 'OpenAI', type: 'openAiPlatform', typeVersion: 1, parameters: {}, id: '1', position: [0, 0] }),
		getInputData: () => ({ json: {}, binary: { data: binary } }),
		helpers: {
			getBinaryMetadata: async () => {
				calls.push('metadata');
				return { fileSize: metadataSize ?? bytes.length };
			},
			getBinaryStream: async (_id: string, chunkSize?: number) => {
				calls.push(`stream:${chunkSize}`);
				const chunks: Buffer[] = [];
				for (let offset = 0; offset < bytes.length; offset += 100_000) chunks.push(bytes.subarray(offset, offset + 100_000));
				return Readable.from(chunks);
			},
			getBinaryDataBuffer: async () => {
				calls.push('buffer');
				return bytes;
			},
		},
	} as unknown as IExecuteSingleFunctions;
	return { context, calls };
}

/** Bytes that start like an MP3 file (an ID3 tag), as the stored files below say they are. */
const mp3 = (size: number, fill = 0): Buffer => {
	const bytes = Buffer.alloc(size, fill);
	bytes.write('ID3', 0);
	return bytes;
};

const stored = (size: number): IBinaryData => ({ id: 'filesystem-v2:abc', data: 'filesystem-v2', mimeType: 'audio/mpeg', fileName: 'a.mp3', fileSize: `${size} B` });

describe('readBinaryFile', () => {
	it('streams data the binary store holds into a Blob of the same bytes', async () => {
		const bytes = Buffer.alloc(3_500_000);
		for (let i = 0; i < bytes.length; i++) bytes[i] = i % 253;
		bytes.write('ID3', 0);
		const { context, calls } = fakeContext({ binary: stored(bytes.length), bytes });
		const file = await readBinaryFile(context, 'data', { field: 'Input Binary Field', maxBytes: 25 * 1024 * 1024 });
		expect(calls).toEqual(['metadata', `stream:${MAGIC_HEAD_BYTES}`, 'stream:1048576']);
		expect(file).toMatchObject({ fileName: 'a.mp3', mimeType: 'audio/mpeg', size: bytes.length });
		expect(file.blob.type).toBe('audio/mpeg');
		expect(Buffer.from(await file.blob.arrayBuffer()).equals(bytes)).toBe(true);
	});

	it('refuses a stored file over the limit from its metadata, without reading it', async () => {
		const { context, calls } = fakeContext({ binary: stored(10), bytes: Buffer.alloc(10), metadataSize: 30 * 1024 * 1024 });
		await expect(readBinaryFile(context, 'data', { field: 'Input Binary Field', maxBytes: 25 * 1024 * 1024 })).rejects.toThrow(
			'Input Binary Field: "a.mp3" is 30.0 MB, over the 25 MB limit',
		);
		expect(calls).toEqual(['metadata']);
	});

	it('stops reading when the stream runs past the limit the metadata did not show', async () => {
		const { context } = fakeContext({ binary: stored(10), bytes: mp3(2_000_000), metadataSize: 10 });
		await expect(readBinaryFile(context, 'data', { field: 'File', maxBytes: 1_000_000 })).rejects.toThrow('File: "a.mp3" is 1.0 MB, over the 1 MB limit');
	});

	it('decodes data held in the item itself once', async () => {
		const bytes = Buffer.from('ID3 in memory');
		const inline: IBinaryData = { data: bytes.toString('base64'), mimeType: 'audio/mpeg', fileName: 'b.mp3' };
		const { context, calls } = fakeContext({ binary: inline, bytes });
		const file = await readBinaryFile(context, 'data', { field: 'File' });
		expect(calls).toEqual(['buffer']);
		expect(Buffer.from(await file.blob.arrayBuffer()).toString()).toBe('ID3 in memory');
	});
});

async function readAll(chunks: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<Buffer> {
	const parts: Buffer[] = [];
	for await (const chunk of chunks as AsyncIterable<Uint8Array>) parts.push(Buffer.from(chunk));
	return Buffer.concat(parts);
}

describe('openBinaryFile', () => {
	it('reads only its first bytes (the format check) until the upload streams it, and reads the store again for every send', async () => {
		const bytes = mp3(2_500_000, 7);
		const { context, calls } = fakeContext({ binary: { ...stored(bytes.length), bytes: bytes.length }, bytes });
		const file = await openBinaryFile(context, 'data', { field: 'Input Binary Field', maxBytes: 25 * 1024 * 1024 });
		expect(calls).toEqual([`stream:${MAGIC_HEAD_BYTES}`]);
		calls.length = 0;
		expect(file).toMatchObject({ fileName: 'a.mp3', mimeType: 'audio/mpeg', size: bytes.length });
		expect((await readAll(file.blob.stream())).equals(bytes)).toBe(true);
		expect((await readAll(file.blob.stream())).equals(bytes)).toBe(true);
		expect(calls).toEqual(['stream:1048576', 'stream:1048576']);
	});

	it('takes the size from the store when the item does not say it, and refuses a file over the limit unread', async () => {
		const { context, calls } = fakeContext({ binary: stored(10), bytes: Buffer.alloc(10), metadataSize: 30 * 1024 * 1024 });
		await expect(openBinaryFile(context, 'data', { field: 'Input Binary Field', maxBytes: 25 * 1024 * 1024 })).rejects.toThrow(
			'Input Binary Field: "a.mp3" is 30.0 MB, over the 25 MB limit',
		);
		expect(calls).toEqual(['metadata']);
	});

	it('fails the send when the stored file is no longer the size it announced', async () => {
		const { context } = fakeContext({ binary: { ...stored(10), bytes: 10 }, bytes: mp3(12) });
		const file = await openBinaryFile(context, 'data', { field: 'File' });
		await expect(readAll(file.blob.stream())).rejects.toThrow('File: "a.mp3" is no longer 10 bytes in n8n\'s binary store');
		const short = fakeContext({ binary: { ...stored(10), bytes: 10 }, bytes: mp3(8) });
		const shortFile = await openBinaryFile(short.context, 'data', { field: 'File' });
		await expect(shortFile.blob.arrayBuffer()).rejects.toThrow('is no longer 10 bytes');
	});

	it('sends data held in the item from its decoded buffer', async () => {
		const bytes = Buffer.from('ID3 in memory');
		const inline: IBinaryData = { data: bytes.toString('base64'), mimeType: 'audio/mpeg', fileName: 'b.mp3' };
		const { context, calls } = fakeContext({ binary: inline, bytes });
		const file = await openBinaryFile(context, 'data', { field: 'File' });
		expect(calls).toEqual(['buffer']);
		expect((await readAll(file.blob.stream())).toString()).toBe('ID3 in memory');
		expect(Buffer.from(await file.blob.arrayBuffer()).toString()).toBe('ID3 in memory');
	});
});

describe('MultipartForm', () => {
	it('is encoded by axios exactly like a native FormData with the same entries', async () => {
		const { default: axios } = await import('axios');
		const bodies: Buffer[] = [];
		const send = async (form: unknown) =>
			await axios.post('http://127.0.0.1:9/upload', form, {
				adapter: 'http',
				// Capture the encoded body instead of sending it.
				transport: {
					request(options: { headers: Record<string, string> }, callback: unknown) {
						void callback;
						const chunks: Buffer[] = [];
						const request = new Writable({
							write(chunk: Buffer, _encoding, done) {
								chunks.push(Buffer.from(chunk));
								done();
							},
							final(done) {
								bodies.push(Buffer.concat(chunks));
								done();
								request.emit('error', Object.assign(new Error('captured'), { code: 'ECAPTURED' }));
							},
						});
						Object.assign(request, { setTimeout() {}, abort() {}, headers: options.headers });
						return request;
					},
				},
			} as never).catch(() => undefined);
		const ours = new MultipartForm();
		ours.append('purpose', 'batch');
		ours.append('note', 'two\nlines');
		ours.append('file', new Blob(['{"a":1}\n'], { type: 'application/jsonl' }), 'in.jsonl');
		const native = new FormData();
		native.append('purpose', 'batch');
		native.append('note', 'two\nlines');
		native.append('file', new Blob(['{"a":1}\n'], { type: 'application/jsonl' }), 'in.jsonl');
		await send(ours);
		await send(native);
		const withoutBoundary = (body: Buffer) => body.toString().replace(/axios-[\d.]+-boundary-[\w-]+/g, 'BOUNDARY');
		expect(bodies).toHaveLength(2);
		expect(withoutBoundary(bodies[0])).toBe(withoutBoundary(bodies[1]));
		expect(withoutBoundary(bodies[0])).toContain('filename="in.jsonl"\r\nContent-Type: application/jsonl\r\n\r\n{"a":1}\n\r\n');
	});
});

describe('multipartForm', () => {
	it('leaves out empty values, sends arrays as name[] parts and files last', async () => {
		const blob = new Blob(['abc'], { type: 'text/plain' });
		const form = multipartForm(
			{ model: 'whisper-1', n: 2, stream: false, prompt: undefined, user: null, 'timestamp_granularities': ['word', 'segment'] },
			[{ name: 'file', file: { blob, fileName: 'a.txt', mimeType: 'text/plain', size: 3 } }],
		);
		const entries = [...form.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : `file:${(value as { name: string }).name}`]);
		expect(entries).toEqual([
			['model', 'whisper-1'],
			['n', '2'],
			['stream', 'false'],
			['timestamp_granularities[]', 'word'],
			['timestamp_granularities[]', 'segment'],
			['file', 'file:a.txt'],
		]);
	});
});
