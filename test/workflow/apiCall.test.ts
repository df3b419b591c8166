import type { IDataObject } from 'n8n-workflow';

import { TEST_API_KEY, credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultServer } from '../support/faultServer';
import { ok, startFaultServer } from '../support/faultServer';

let server: FaultServer;
beforeEach(async () => {
	server = await startFaultServer((request) => {
		if (request.path.endsWith('/content')) {
			return { status: 200, raw: Buffer.from('line1\nline2\n'), headers: { 'content-type': 'application/jsonl', 'content-disposition': 'attachment; filename="batch_out.jsonl"' } };
		}
		if (request.path.endsWith('/text')) return { status: 200, raw: 'WEBVTT\n\nhello', headers: { 'content-type': 'text/vtt' } };
		return ok({ ok: true, path: request.path });
	});
});
afterEach(async () => await server.stop());

const call = (extra: IDataObject) => ({ resource: 'apiCall', operation: 'request', method: 'GET', path: '/models', ...extra });

describe('apiCall.request paths', () => {
	it.each(['models', '/models', '/v1/models', 'v1/models'])('"%s" goes to {base}/models', async (path) => {
		const result = await runWorkflow(singleNodeWorkflow(call({ path })), credentialsFor(server.url));
		expect(result.error).toBeUndefined();
		expect(server.requests.map((r) => r.path)).toEqual(['/v1/models']);
		expect(server.requests[0].headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
	});

	it('accepts an absolute URL on the Base URL host', async () => {
		const result = await runWorkflow(singleNodeWorkflow(call({ path: `${server.url}/files?purpose=batch` })), credentialsFor(server.url));
		expect(result.error).toBeUndefined();
		expect(server.requests[0].path).toBe('/v1/files');
		expect(server.requests[0].query.get('purpose')).toBe('batch');
	});

	it.each([
		['another host', 'https://evil.example.com/v1/models'],
		['a scheme change', 'https://127.0.0.1/v1/models'],
		['a protocol-relative host', '//evil.example.com/models'],
		['a dot-dot segment', '/files/../../admin'],
		['an encoded dot-dot segment', '/files/%2e%2e/admin'],
		['a backslash', '/models\\..\\x'],
	])('refuses %s before sending anything', async (_, path) => {
		const result = await runWorkflow(singleNodeWorkflow(call({ path })), credentialsFor(server.url));
		expect(result.error?.message).toMatch(/^Path: /);
		expect(server.requests).toHaveLength(0);
	});

	it('refuses an Authorization header before sending anything', async () => {
		const params = call({ sendHeaders: true, headerParameters: { parameters: [{ name: 'authorization', value: 'Bearer other' }] } });
		const result = await runWorkflow(singleNodeWorkflow(params), credentialsFor(server.url));
		expect(result.error?.message).toBe('Headers: "authorization" may not be set here');
		expect(server.requests).toHaveLength(0);
	});
});

describe('apiCall.request bodies and replies', () => {
	it('sends a JSON body, query and headers exactly', async () => {
		const params = call({
			method: 'POST',
			path: '/embeddings',
			bodyType: 'json',
			jsonBody: '{"model":"text-embedding-3-small","input":["a","b"]}',
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'x', value: '1' }] },
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'OpenAI-Beta', value: 'assistants=v2' }] },
		});
		const result = await runWorkflow(singleNodeWorkflow(params), credentialsFor(server.url));
		expect(result.output('OpenAI')[0].json).toEqual({ ok: true, path: '/v1/embeddings' });
		const [request] = server.requests;
		expect(request.method).toBe('POST');
		expect(JSON.parse(request.body.toString())).toEqual({ model: 'text-embedding-3-small', input: ['a', 'b'] });
		expect(request.query.get('x')).toBe('1');
		expect(request.headers['openai-beta']).toBe('assistants=v2');
		expect(request.headers['content-type']).toContain('application/json');
	});

	it('names the field when the JSON body is not JSON', async () => {
		const result = await runWorkflow(singleNodeWorkflow(call({ method: 'POST', bodyType: 'json', jsonBody: '{"model": ' })), credentialsFor(server.url));
		expect(result.error?.message).toBe('JSON Body: not valid JSON');
		expect(server.requests).toHaveLength(0);
	});

	it('sends a multipart form with fields and a binary file', async () => {
		const params = call({
			method: 'POST',
			path: '/files',
			bodyType: 'multipart',
			formFields: { field: [{ name: 'purpose', value: 'batch' }] },
			formFiles: { file: [{ name: 'file', binaryPropertyName: 'data', fileName: 'requests.jsonl' }] },
		});
		const items = [{ json: {}, binary: { data: { data: Buffer.from('{"a":1}\n').toString('base64'), fileName: 'x.jsonl', mimeType: 'application/jsonl' } } }];
		const result = await runWorkflow(singleNodeWorkflow(params, items), credentialsFor(server.url));
		expect(result.error).toBeUndefined();
		const [request] = server.requests;
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		const body = request.body.toString();
		expect(body).toContain('name="purpose"\r\n\r\nbatch');
		expect(body).toContain('name="file"; filename="requests.jsonl"');
		expect(body).toContain('Content-Type: application/jsonl\r\n\r\n{"a":1}\n');
	});

	it('names the missing binary property', async () => {
		const params = call({ method: 'POST', path: '/files', bodyType: 'multipart', formFiles: { file: [{ name: 'file', binaryPropertyName: 'nope' }] } });
		const result = await runWorkflow(singleNodeWorkflow(params), credentialsFor(server.url));
		expect(result.error?.message).toBe('File field "file": the input item has no binary property "nope"');
		expect(server.requests).toHaveLength(0);
	});

	it('returns a binary reply with the server file name and MIME type', async () => {
		const params = call({ path: '/files/file-1/content', responseFormat: 'binary', outputBinaryPropertyName: 'file' });
		const result = await runWorkflow(singleNodeWorkflow(params), credentialsFor(server.url));
		const [item] = result.output('OpenAI');
		expect(item.binary?.file).toMatchObject({ fileName: 'batch_out.jsonl', mimeType: 'application/jsonl', bytes: 12 });
	});

	it('returns a text reply as text', async () => {
		const result = await runWorkflow(singleNodeWorkflow(call({ path: '/text', responseFormat: 'text' })), credentialsFor(server.url));
		expect(result.output('OpenAI')[0].json).toEqual({ data: 'WEBVTT\n\nhello' });
	});

	it('adds status, headers and the redacted request with the debug options', async () => {
		const params = call({ options: { debug: true, fullResponse: true } });
		const result = await runWorkflow(singleNodeWorkflow(params), credentialsFor(server.url, { organizationId: 'org-secret-1234' }));
		const { json } = result.output('OpenAI')[0];
		expect(json.statusCode).toBe(200);
		expect(json.body).toEqual({ ok: true, path: '/v1/models' });
		expect(json.request).toMatchObject({ method: 'GET', url: `${server.url}/models`, headers: { Authorization: 'Bearer [redacted]' } });
		expect(JSON.stringify(result.run)).not.toContain(TEST_API_KEY);
		expect(JSON.stringify(json)).not.toContain('org-secret-1234');
	});

	it('retries on all errors when asked, with its own retry count', async () => {
		await server.stop();
		server = await startFaultServer((_, i) => (i < 2 ? { status: 400, body: { error: { message: 'flaky' } } } : ok({ done: true })));
		const params = call({ options: { retryOnAllErrors: true, maxRetries: 3, retryDelay: 10 } });
		const result = await runWorkflow(singleNodeWorkflow(params), credentialsFor(server.url));
		expect(result.output('OpenAI')[0].json).toEqual({ done: true });
		expect(server.requests).toHaveLength(3);
	});
});
