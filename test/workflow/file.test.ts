import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, binaryBytes, captured, multipartParts, outputOf, recordAndReply, runNode, useNock } from '../support/nockApi';

useNock();

const JSONL = '{"messages":[{"role":"user","content":"hi"}]}\n';
const fileObject = (id: string, extra: IDataObject = {}) => ({
	id,
	object: 'file',
	bytes: 46,
	created_at: 1700000000,
	filename: 'train.jsonl',
	purpose: 'fine-tune',
	...extra,
});
const binaryItem = (fileName = 'train.jsonl', mimeType = 'application/jsonl', data = JSONL) => [
	{ json: {}, binary: { data: { data: Buffer.from(data).toString('base64'), fileName, mimeType } } },
];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('file.upload', () => {
	it('uploads a binary as multipart with purpose, expiry and the file under its name', async () => {
		const seen = captured();
		const scope = nock(API).post('/v1/files').reply(recordAndReply(seen, fileObject('file-new')));
		const params = { resource: 'file', operation: 'upload', purpose: 'fine-tune', options: { expiresAfterSeconds: 7200 } };
		const result = await runNode(params, binaryItem());
		expect(result.error).toBeUndefined();
		scope.done();
		expect(String(seen.headers[0]['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
		expect(multipartParts(seen.raw[0])).toEqual({
			purpose: { value: 'fine-tune' },
			'expires_after[anchor]': { value: 'created_at' },
			'expires_after[seconds]': { value: '7200' },
			file: { filename: 'train.jsonl', contentType: 'application/jsonl', value: JSONL },
		});
		expect(outputOf(result)).toEqual([{ json: fileObject('file-new'), pairedItem: { item: 0 } }]);
	});

	it('sends the File Name given instead of the binary name, and no expiry unless asked', async () => {
		const seen = captured();
		nock(API).post('/v1/files').reply(recordAndReply(seen, fileObject('file-new')));
		const params = { resource: 'file', operation: 'upload', purpose: 'user_data', fileName: 'notes.txt' };
		const result = await runNode(params, binaryItem('blob', 'text/plain', 'some notes'));
		expect(result.error).toBeUndefined();
		expect(multipartParts(seen.raw[0])).toEqual({
			purpose: { value: 'user_data' },
			file: { filename: 'notes.txt', contentType: 'text/plain', value: 'some notes' },
		});
	});

	it('streams the file from the binary store again when it retries the upload', async () => {
		const seen = captured();
		let calls = 0;
		const scope = nock(API)
			.post('/v1/files')
			.times(2)
			.reply(function (uri, body) {
				seen.raw.push(String(body));
				calls++;
				return calls === 1 ? [503, { error: { message: 'Overloaded', type: 'server_error' } }, { 'retry-after-ms': '0' }] : [200, fileObject('file-new')];
			});
		const result = await runNode({ resource: 'file', operation: 'upload', purpose: 'fine-tune' }, binaryItem());
		expect(result.error).toBeUndefined();
		scope.done();
		expect(seen.raw.map((raw) => multipartParts(raw).file?.value)).toEqual([JSONL, JSONL]);
	});

	it('does not follow a redirect with the upload, and says where it pointed', async () => {
		const scope = nock(API).post('/v1/files').reply(307, '', { location: 'https://eu.api.example/v1/files' });
		const result = await runNode({ resource: 'file', operation: 'upload', purpose: 'fine-tune' }, binaryItem());
		expect(result.error?.message).toContain('The server answered with a redirect (HTTP 307) to https://eu.api.example/v1/files, which this node does not follow');
		scope.done();
	});

	it.each([
		['a name without extension', { purpose: 'user_data', fileName: 'notes' }, binaryItem(), 'File Name: "notes" has no extension'],
		['a fine-tune file that is not .jsonl', { purpose: 'fine-tune' }, binaryItem('train.csv', 'text/csv'), 'File Name: "train.csv" is not a .jsonl file, which purpose "fine-tune" requires'],
		['a vision file that is not an image', { purpose: 'vision', fileName: 'x.pdf' }, binaryItem(), 'File Name: "x.pdf" is not a .png, .jpg, .jpeg, .gif, .webp file, which purpose "vision" requires'],
		['a missing binary property', { purpose: 'batch', binaryPropertyName: 'file' }, binaryItem(), 'Input Binary Field: the input item has no binary property "file"'],
		['an expiry under one hour', { purpose: 'batch', options: { expiresAfterSeconds: 3599 } }, binaryItem(), 'Expires After: must be a whole number from 3600 (1 hour) to 2592000 (30 days)'],
	])('refuses %s before sending anything', async (_, extra, items, message) => {
		const scope = nock(API).post('/v1/files').reply(200, fileObject('file-new'));
		const result = await runNode({ resource: 'file', operation: 'upload', ...extra }, items);
		expect(result.error?.message).toBe(message);
		expect(scope.isDone()).toBe(false);
	});
});

describe('file.getAll', () => {
	it('walks the cursor over several pages with the filters, Return All', async () => {
		const seen = captured();
		const pages = [
			{ object: 'list', data: [fileObject('file-1'), fileObject('file-2')], first_id: 'file-1', last_id: 'file-2', has_more: true },
			// No last_id: the cursor is the last file's ID.
			{ object: 'list', data: [fileObject('file-3', { filename: 'more.jsonl' })], has_more: true },
			{ object: 'list', data: [fileObject('file-4'), { id: 'file-5' }], last_id: 'file-5', has_more: false },
		];
		const scope = nock(API)
			.get('/v1/files')
			.query(true)
			.times(3)
			.reply(recordAndReply(seen, (call: number) => pages[call]));
		const params = { resource: 'file', operation: 'getAll', returnAll: true, filters: { purpose: 'fine-tune', order: 'asc' } };
		const result = await runNode(params);
		expect(result.error).toBeUndefined();
		scope.done();
		expect(seen.paths).toEqual([
			'/v1/files?order=asc&purpose=fine-tune&limit=1000',
			'/v1/files?order=asc&purpose=fine-tune&limit=1000&after=file-2',
			'/v1/files?order=asc&purpose=fine-tune&limit=1000&after=file-3',
		]);
		expect(outputOf(result)).toEqual([
			{ json: fileObject('file-1'), pairedItem: { item: 0 } },
			{ json: fileObject('file-2'), pairedItem: { item: 0 } },
			{ json: fileObject('file-3', { filename: 'more.jsonl' }), pairedItem: { item: 0 } },
			{ json: fileObject('file-4'), pairedItem: { item: 0 } },
			{ json: { id: 'file-5' }, pairedItem: { item: 0 } },
		]);
	});

	it('stops at the Limit, asking only for what is missing', async () => {
		const seen = captured();
		nock(API)
			.get('/v1/files')
			.query(true)
			.times(2)
			.reply(
				recordAndReply(seen, (call: number) =>
					call === 0
						? { object: 'list', data: [fileObject('file-1'), fileObject('file-2')], last_id: 'file-2', has_more: true }
						: { object: 'list', data: [fileObject('file-3')], last_id: 'file-3', has_more: true },
				),
			);
		const result = await runNode({ resource: 'file', operation: 'getAll', returnAll: false, limit: 3 });
		expect(seen.paths).toEqual(['/v1/files?limit=3', '/v1/files?limit=1&after=file-2']);
		expect(outputOf(result)).toEqual(['file-1', 'file-2', 'file-3'].map((id) => ({ json: fileObject(id), pairedItem: { item: 0 } })));
	});

	it('returns nothing, without error, for a sparse empty page', async () => {
		nock(API).get('/v1/files').query(true).reply(200, { object: 'list', data: [] });
		const result = await runNode({ resource: 'file', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(outputOf(result)).toEqual([]);
	});
});

describe('file.get and file.delete', () => {
	it('gets a file by ID', async () => {
		nock(API).get('/v1/files/file-abc').reply(200, fileObject('file-abc'));
		const result = await runNode({ resource: 'file', operation: 'get', fileId: byId('file-abc') });
		expect(outputOf(result)).toEqual([{ json: fileObject('file-abc'), pairedItem: { item: 0 } }]);
	});

	it('deletes a file picked from the list, the ID encoded in the path', async () => {
		nock(API).delete('/v1/files/file-x%2B1').reply(200, { id: 'file-x+1', object: 'file', deleted: true });
		const result = await runNode({ resource: 'file', operation: 'delete', fileId: { __rl: true, mode: 'list', value: ' file-x+1 ' } });
		expect(result.error).toBeUndefined();
		expect(outputOf(result)[0].json).toEqual({ id: 'file-x+1', object: 'file', deleted: true });
	});

	it('refuses an empty file ID instead of listing files', async () => {
		const scope = nock(API).get('/v1/files/').reply(200, {});
		const result = await runNode({ resource: 'file', operation: 'get', fileId: byId('={{ $json.missing }}') });
		expect(result.error?.message).toBe('File: choose one from the list or enter its ID');
		expect(scope.isDone()).toBe(false);
	});

	it('explains a 404', async () => {
		nock(API)
			.delete('/v1/files/file-gone')
			.reply(404, { error: { message: 'No such File object: file-gone', type: 'invalid_request_error', param: 'id', code: null } });
		const result = await runNode({ resource: 'file', operation: 'delete', fileId: byId('file-gone') });
		expect(result.error?.message).toBe('No such File object: file-gone');
		expect(result.error?.httpCode).toBe('404');
	});
});

describe('file.getContent', () => {
	it('downloads the content as binary under the file name and its MIME type, the details as JSON', async () => {
		const scope = nock(API)
			.get('/v1/files/file-abc')
			.reply(200, fileObject('file-abc'))
			.get('/v1/files/file-abc/content')
			.reply(200, JSONL, { 'content-type': 'application/octet-stream' });
		const result = await runNode({ resource: 'file', operation: 'getContent', fileId: byId('file-abc'), outputBinaryPropertyName: 'training' });
		expect(result.error).toBeUndefined();
		scope.done();
		const [item] = outputOf(result);
		expect(item.json).toEqual(fileObject('file-abc'));
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(Object.keys(item.binary ?? {})).toEqual(['training']);
		expect(item.binary?.training).toMatchObject({ fileName: 'train.jsonl', mimeType: 'application/jsonl' });
		expect((await binaryBytes(item.binary?.training)).toString()).toBe(JSONL);
	});

	it('looks the MIME type up by the name for common types (PDF), keeping bytes intact', async () => {
		const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x10]);
		nock(API)
			.get('/v1/files/file-pdf')
			.reply(200, fileObject('file-pdf', { filename: 'report.pdf', purpose: 'user_data' }))
			.get('/v1/files/file-pdf/content')
			.reply(200, pdf, { 'content-type': 'application/octet-stream' });
		const result = await runNode({ resource: 'file', operation: 'getContent', fileId: byId('file-pdf') });
		const [item] = outputOf(result);
		expect(item.binary?.data).toMatchObject({ fileName: 'report.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' });
		expect(await binaryBytes(item.binary?.data)).toEqual(pdf);
	});

	it('names the file by its ID when the details have no file name (sparse reply)', async () => {
		nock(API)
			.get('/v1/files/file-x')
			.reply(200, { id: 'file-x' })
			.get('/v1/files/file-x/content')
			.reply(200, 'plain', { 'content-type': 'application/octet-stream' });
		const result = await runNode({ resource: 'file', operation: 'getContent', fileId: byId('file-x') });
		expect(result.error).toBeUndefined();
		const [item] = outputOf(result);
		expect(item.json).toEqual({ id: 'file-x' });
		expect(item.binary?.data).toMatchObject({ fileName: 'file-x', mimeType: 'application/octet-stream' });
		expect((await binaryBytes(item.binary?.data)).toString()).toBe('plain');
	});

	it('stops at a 404 on the details, before downloading', async () => {
		const content = nock(API).get('/v1/files/file-gone/content').reply(200, 'x');
		nock(API)
			.get('/v1/files/file-gone')
			.reply(404, { error: { message: 'No such File object: file-gone', type: 'invalid_request_error', param: 'id', code: null } });
		const result = await runNode({ resource: 'file', operation: 'getContent', fileId: byId('file-gone') });
		expect(result.error?.message).toBe('No such File object: file-gone');
		expect(content.isDone()).toBe(false);
	});

	it('reports a failed download with OpenAI\'s message, under Continue On Fail as an error item paired to its input', async () => {
		nock(API)
			.get('/v1/files/file-abc')
			.reply(200, fileObject('file-abc'))
			.get('/v1/files/file-abc/content')
			.reply(400, { error: { message: 'Not allowed to download files of purpose: assistants', type: 'invalid_request_error', param: null, code: null } });
		const result = await runNode({ resource: 'file', operation: 'getContent', fileId: byId('file-abc') }, undefined, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(outputOf(result)).toEqual([
			{ json: expect.objectContaining({ error: 'Not allowed to download files of purpose: assistants', httpCode: '400' }), pairedItem: { item: 0 } },
		]);
	});
});
