import { Readable } from 'node:stream';

import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

import { multipartForm, readBinaryFile } from '../../nodes/OpenAiPlatform/shared/binary';

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

const stored = (size: number): IBinaryData => ({ id: 'filesystem-v2:abc', data: 'filesystem-v2', mimeType: 'audio/mpeg', fileName: 'a.mp3', fileSize: `${size} B` });

describe('readBinaryFile', () => {
	it('streams data the binary store holds into a Blob of the same bytes', async () => {
		const bytes = Buffer.alloc(3_500_000);
		for (let i = 0; i < bytes.length; i++) bytes[i] = i % 253;
		const { context, calls } = fakeContext({ binary: stored(bytes.length), bytes });
		const file = await readBinaryFile(context, 'data', { field: 'Input Binary Field', maxBytes: 25 * 1024 * 1024 });
		expect(calls).toEqual(['metadata', 'stream:1048576']);
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
		const { context } = fakeContext({ binary: stored(10), bytes: Buffer.alloc(2_000_000), metadataSize: 10 });
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

describe('multipartForm', () => {
	it('leaves out empty values, sends arrays as name[] parts and files last', async () => {
		const blob = new Blob(['abc'], { type: 'text/plain' });
		const form = multipartForm(
			{ model: 'whisper-1', n: 2, stream: false, prompt: undefined, user: null, 'timestamp_granularities': ['word', 'segment'] },
			[{ name: 'file', file: { blob, fileName: 'a.txt', mimeType: 'text/plain', size: 3 } }],
		);
		const entries = [...form.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : `file:${(value as File).name}`]);
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
