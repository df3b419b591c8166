import type { IDataObject } from 'n8n-workflow';

import { partsOf } from '../../nodes/OpenAiPlatform/resources/file/uploadParts';
import { describeCases } from '../support/operationCases';

const LINES = '{"messages":[{"role":"user","content":"hi"}]}\n';
const items = [{ json: {}, binary: { data: { data: Buffer.from(LINES).toString('base64'), fileName: 'train.jsonl', mimeType: 'application/jsonl' } } }];
const upload = (status: string, extra: IDataObject = {}) => ({ id: 'upload_1', object: 'upload', bytes: LINES.length, created_at: 1, filename: 'train.jsonl', purpose: 'fine-tune', status, expires_at: 2, ...extra });
const fileObject = { id: 'file-1', object: 'file', bytes: LINES.length, created_at: 1, filename: 'train.jsonl', purpose: 'fine-tune' };
const parameters = (options: IDataObject) => ({ resource: 'file', operation: 'upload', binaryPropertyName: 'data', purpose: 'fine-tune', options });

describe('file.upload in parts (Uploads API)', () => {
	describeCases([
		{
			name: 'creates the upload, sends the part, completes it and gives the file',
			parameters: parameters({ uploadInParts: true, expiresAfterSeconds: 7200 }),
			items,
			requests: [
				{
					method: 'POST',
					path: '/uploads',
					body: { filename: 'train.jsonl', purpose: 'fine-tune', bytes: LINES.length, mime_type: 'application/jsonl', expires_after: { anchor: 'created_at', seconds: 7200 } },
					headers: { 'idempotency-key': /^n8n-/ },
					reply: upload('pending'),
				},
				{ method: 'POST', path: '/uploads/upload_1/parts', headers: { 'content-type': /^multipart\/form-data/ }, form: ['name="data"; filename="train.jsonl"', LINES], reply: { id: 'part_1', object: 'upload.part', created_at: 1, upload_id: 'upload_1' } },
				{ method: 'POST', path: '/uploads/upload_1/complete', body: { part_ids: ['part_1'] }, reply: upload('completed', { file: fileObject }) },
			],
			output: [fileObject],
		},
		{
			name: 'cancels the upload when a part fails, and reports the failure',
			parameters: parameters({ uploadInParts: true }),
			items,
			requests: [
				{ method: 'POST', path: '/uploads', reply: upload('pending') },
				{ method: 'POST', path: '/uploads/upload_1/parts', status: 400, reply: { error: { message: 'Part too small', type: 'invalid_request_error', param: null, code: null } } },
				{ method: 'POST', path: '/uploads/upload_1/cancel', body: null, reply: upload('cancelled') },
			],
			check: (result) => expect(result.error?.message).toContain('Part too small'),
		},
		{
			name: 'refuses a purpose the Uploads API does not take, before sending',
			parameters: { ...parameters({ uploadInParts: true }), purpose: 'user_data', fileName: 'notes.txt' },
			items,
			requests: [],
			check: (result) => expect(result.error?.message).toBe('Purpose: "user_data" cannot be uploaded in parts ("Upload in Parts" is on)'),
		},
		{
			name: 'without the option a small file still goes to POST /files',
			parameters: parameters({}),
			items,
			requests: [{ method: 'POST', path: '/files', form: ['name="purpose"\r\n\r\nfine-tune\r\n', 'filename="train.jsonl"'], reply: fileObject }],
			output: [fileObject],
		},
	]);

	it('cuts a stream into parts of the given size, whatever its chunks, reusing one buffer', async () => {
		const chunks = ['abc', 'defgh', 'i', 'jklmnopq', 'r'].map((text) => Buffer.from(text));
		const content = { size: 18, type: 'text/plain', stream: async function* () { yield* chunks; }, arrayBuffer: async () => new ArrayBuffer(0) };
		const parts: string[] = [];
		const buffers = new Set<ArrayBufferLike>();
		for await (const part of partsOf(content, 4)) {
			parts.push(Buffer.from(part).toString());
			buffers.add(part.buffer);
		}
		expect(parts).toEqual(['abcd', 'efgh', 'ijkl', 'mnop', 'qr']);
		expect(buffers.size).toBe(1);
	});
});
