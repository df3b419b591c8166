import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { WorkflowJson } from '../harness/n8n';
import { credentialsFor, openAiNode, runWorkflow, singleNodeWorkflow, stepFunctions } from '../harness/n8n';
import { jsonl, okLine } from '../support/batchLines';
import { useNock } from '../support/nockApi';

const BASE = 'https://api.openai.com';
const credentials = credentialsFor('https://api.openai.com/v1');
const unmatched = useNock();

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

function batchObject(extra: IDataObject = {}): IDataObject {
	return {
		id: 'batch_abc',
		object: 'batch',
		endpoint: '/v1/chat/completions',
		input_file_id: 'file-in',
		completion_window: '24h',
		status: 'validating',
		created_at: 1711471533,
		...extra,
	};
}

/** The parts of a multipart body: name -> { filename, content }. */
function multipartParts(raw: string): Record<string, { filename?: string; content: string }> {
	const boundary = /^--([^\r\n]+)/.exec(raw)?.[1];
	if (!boundary) throw new Error(`not multipart: ${raw.slice(0, 80)}`);
	const parts: Record<string, { filename?: string; content: string }> = {};
	for (const chunk of raw.split(`--${boundary}`).slice(1, -1)) {
		const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
		const name = /name="([^"]+)"/.exec(head)?.[1] ?? '';
		const filename = /filename="([^"]+)"/.exec(head)?.[1];
		parts[name] = { ...(filename ? { filename } : {}), content: rest.join('\r\n\r\n').replace(/\r\n$/, '') };
	}
	return parts;
}

const chatBody = (text: string) => ({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: text }] });

describe('batch.create from a list of requests', () => {
	it('writes the JSONL, uploads it with purpose batch and creates the batch with options', async () => {
		let upload: Record<string, { filename?: string; content: string }> = {};
		const scope = nock(BASE)
			.post('/v1/files', (body: string) => {
				upload = multipartParts(body);
				return true;
			})
			.reply(200, { id: 'file-in', object: 'file', bytes: 10, created_at: 1, filename: 'batch-input.jsonl', purpose: 'batch' })
			.post('/v1/batches', (body) => {
				expect(body).toEqual({
					input_file_id: 'file-in',
					endpoint: '/v1/chat/completions',
					completion_window: '24h',
					metadata: { job: 'nightly' },
					output_expires_after: { anchor: 'created_at', seconds: 48 * 3600 },
				});
				return true;
			})
			.reply(200, batchObject());
		const parameters = {
			resource: 'batch',
			operation: 'create',
			inputSource: 'requests',
			endpoint: '/v1/chat/completions',
			requests: '={{ $json.requests }}',
			customIdField: 'id',
			options: { metadata: { pair: [{ key: 'job', value: 'nightly' }] }, outputExpiresAfterHours: 48 },
		};
		const items = [{ json: { requests: [{ id: 'a', ...chatBody('one') }, { id: 7, ...chatBody('two') }] } }];
		const result = await runWorkflow(singleNodeWorkflow(parameters, items), credentials);
		expect(result.error).toBeUndefined();
		expect(upload.purpose).toEqual({ content: 'batch' });
		expect(upload.file.filename).toBe('batch-input.jsonl');
		expect(upload.file.content.split('\n')).toEqual([
			JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: chatBody('one') }),
			JSON.stringify({ custom_id: '7', method: 'POST', url: '/v1/chat/completions', body: chatBody('two') }),
			'',
		]);
		expect(result.output('OpenAI')).toEqual([{ json: batchObject(), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('numbers the requests without a custom ID field, takes bodies from a body field and keeps complete lines', async () => {
		let lines: unknown[] = [];
		const scope = nock(BASE)
			.post('/v1/files', (body: string) => {
				lines = multipartParts(body).file.content.trim().split('\n').map((line) => JSON.parse(line) as unknown);
				return true;
			})
			.reply(200, { id: 'file-2' })
			.post('/v1/batches', { input_file_id: 'file-2', endpoint: '/v1/embeddings', completion_window: '24h' })
			.reply(200, batchObject({ endpoint: '/v1/embeddings', input_file_id: 'file-2' }));
		const embed = { model: 'text-embedding-3-small', input: 'x' };
		const full = { custom_id: 'kept', method: 'POST', url: '/v1/embeddings', body: embed };
		const parameters = {
			resource: 'batch',
			operation: 'create',
			endpoint: '/v1/embeddings',
			requests: JSON.stringify([{ body: embed, note: 'ignored' }, full]),
			customIdField: '',
			bodyField: 'body',
		};
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.error).toBeUndefined();
		expect(lines).toEqual([{ custom_id: 'request-1', method: 'POST', url: '/v1/embeddings', body: embed }, full]);
		scope.done();
	});

	it.each([
		['a repeated custom_id', [{ custom_id: 'a', ...chatBody('x') }, { custom_id: 'a', ...chatBody('y') }], 'Requests: entry 2 repeats custom_id "a" of entry 1'],
		['an entry without the custom ID field', [{ custom_id: 'a', ...chatBody('x') }, chatBody('y')], 'Custom ID Field: entry 2 has no "custom_id" field'],
		['a line for another endpoint', [{ custom_id: 'a', method: 'POST', url: '/v1/embeddings', body: {} }], 'Requests: entry 1 has url "/v1/embeddings", but the batch endpoint is "/v1/chat/completions"'],
		['a GET line', [{ custom_id: 'a', method: 'GET', url: '/v1/chat/completions', body: {} }], 'Requests: entry 1 has method "GET", the Batch API only runs POST requests'],
		['a line without a body', [{ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: 'hi' }], 'Requests: entry 1 has no body object'],
		['two models', [{ custom_id: 'a', ...chatBody('x') }, { custom_id: 'b', ...chatBody('y'), model: 'gpt-4.1' }], 'Requests: entry 2 uses model "gpt-4.1", but entry 1 uses "gpt-4.1-mini"; a batch may use one model only'],
		['an empty list', [], 'Requests: there are no requests'],
		['a text entry', ['hello'], 'Requests: entry 1 is a string, not a request body object'],
		['no list', { model: 'x' }, 'Requests: expected a list of request bodies, got an object'],
	])('refuses %s before sending anything', async (_, requests, message) => {
		const parameters = { resource: 'batch', operation: 'create', requests: '={{ $json.requests }}' };
		const result = await runWorkflow(singleNodeWorkflow(parameters, [{ json: { requests } as IDataObject }]), credentials);
		expect(result.error?.message).toBe(message);
		expect(unmatched).toEqual([]);
	});

	it('names the field when the requests are not JSON', async () => {
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'create', requests: '[{"a": ' }), credentials);
		expect(result.error?.message).toBe('Requests: not valid JSON');
		expect(unmatched).toEqual([]);
	});

	it('refuses an endpoint the Batch API does not run', async () => {
		const parameters = { resource: 'batch', operation: 'create', inputSource: 'fileId', endpoint: '/v1/audio/speech', inputFileId: rl('file-1') };
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.error?.message).toBe('Endpoint: "/v1/audio/speech" is not one the Batch API runs');
		expect(unmatched).toEqual([]);
	});

	it('refuses metadata over the limits', async () => {
		const pair = Array.from({ length: 17 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
		const parameters = { resource: 'batch', operation: 'create', inputSource: 'fileId', inputFileId: rl('file-1'), options: { metadata: { pair } } };
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.error?.message).toBe('Metadata: at most 16 pairs are allowed, got 17');
		expect(unmatched).toEqual([]);
	});
});

describe('batch.create from a binary JSONL file', () => {
	const line = (id: string) => JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: chatBody(id) });
	const binaryItem = (text: string, fileName = 'requests.txt') => [
		{ json: {}, binary: { data: { data: Buffer.from(text).toString('base64'), fileName, mimeType: 'text/plain' } } },
	];

	it('checks the lines, uploads the file as .jsonl and creates the batch', async () => {
		let upload: Record<string, { filename?: string; content: string }> = {};
		const text = `${line('a')}\n\n${line('b')}\n`;
		const scope = nock(BASE)
			.post('/v1/files', (body: string) => {
				upload = multipartParts(body);
				return true;
			})
			.reply(200, { id: 'file-bin', object: 'file' })
			.post('/v1/batches', { input_file_id: 'file-bin', endpoint: '/v1/chat/completions', completion_window: '24h' })
			.reply(200, batchObject({ input_file_id: 'file-bin' }));
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'create', inputSource: 'binary' }, binaryItem(text)), credentials);
		expect(result.error).toBeUndefined();
		expect(upload).toEqual({ purpose: { content: 'batch' }, file: { filename: 'requests.jsonl', content: text } });
		expect(result.output('OpenAI')).toEqual([{ json: batchObject({ input_file_id: 'file-bin' }), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('names the line that is not JSON', async () => {
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'create', inputSource: 'binary' }, binaryItem(`${line('a')}\n{"custom_id": "b",\n`)), credentials);
		expect(result.error?.message).toBe('Input Binary Field: line 2 is not valid JSON');
		expect(unmatched).toEqual([]);
	});

	it('names the line that repeats a custom_id', async () => {
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'create', inputSource: 'binary' }, binaryItem(`${line('a')}\n\n${line('a')}\n`)), credentials);
		expect(result.error?.message).toBe('Input Binary Field: line 3 repeats custom_id "a" of line 1');
		expect(unmatched).toEqual([]);
	});

	it('names the missing binary property', async () => {
		const parameters = { resource: 'batch', operation: 'create', inputSource: 'binary', binaryPropertyName: 'file' };
		const result = await runWorkflow(singleNodeWorkflow(parameters, binaryItem(line('a'))), credentials);
		expect(result.error?.message).toBe('Input Binary Field: the input item has no binary property "file"');
		expect(unmatched).toEqual([]);
	});
});

describe('batch.create from an uploaded file', () => {
	it('sends only the batch request', async () => {
		const scope = nock(BASE)
			.post('/v1/batches', { input_file_id: 'file-up', endpoint: '/v1/responses', completion_window: '24h' })
			.reply(200, { id: 'batch_min', object: 'batch' });
		const parameters = { resource: 'batch', operation: 'create', inputSource: 'fileId', endpoint: '/v1/responses', inputFileId: rl('file-up') };
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toEqual([{ json: { id: 'batch_min', object: 'batch' }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('names the empty file field', async () => {
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'create', inputSource: 'fileId', inputFileId: rl(' ') }), credentials);
		expect(result.error?.message).toBe('Input File: choose one from the list or enter its ID');
		expect(unmatched).toEqual([]);
	});
});

describe('batch.get, cancel and getAll', () => {
	it('gets one batch by its encoded ID', async () => {
		const scope = nock(BASE).get('/v1/batches/batch_a%2Bb').reply(200, batchObject({ id: 'batch_a+b' }));
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'get', batchId: rl('batch_a+b') }), credentials);
		expect(result.output('OpenAI')).toEqual([{ json: batchObject({ id: 'batch_a+b' }), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('cancels a batch without a body', async () => {
		const scope = nock(BASE)
			.post('/v1/batches/batch_abc/cancel', (body) => {
				expect(body).toBe('');
				return true;
			})
			.reply(200, batchObject({ status: 'cancelling' }));
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'cancel', batchId: rl('batch_abc') }), credentials);
		expect(result.output('OpenAI')).toEqual([{ json: batchObject({ status: 'cancelling' }), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('refuses an empty batch ID before sending anything', async () => {
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'cancel', batchId: rl('={{ "" }}') }), credentials);
		expect(result.error?.message).toBe('Batch: choose one from the list or enter its ID');
		expect(unmatched).toEqual([]);
	});

	it('walks the cursor over several pages with Return All', async () => {
		const scope = nock(BASE)
			.get('/v1/batches')
			.query({ limit: '100' })
			.reply(200, { object: 'list', data: [batchObject({ id: 'b1' }), batchObject({ id: 'b2' })], has_more: true, last_id: 'b2' })
			.get('/v1/batches')
			.query({ limit: '100', after: 'b2' })
			.reply(200, { object: 'list', data: [{ id: 'b3' }], has_more: false });
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'getAll', returnAll: true }), credentials);
		expect(result.output('OpenAI')).toEqual([
			{ json: batchObject({ id: 'b1' }), pairedItem: { item: 0 } },
			{ json: batchObject({ id: 'b2' }), pairedItem: { item: 0 } },
			{ json: { id: 'b3' }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('stops at the limit', async () => {
		const scope = nock(BASE)
			.get('/v1/batches')
			.query({ limit: '2' })
			.reply(200, { object: 'list', data: [{ id: 'b1' }, { id: 'b2' }], has_more: true });
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'getAll', returnAll: false, limit: 2 }), credentials);
		expect(result.output('OpenAI')).toEqual([
			{ json: { id: 'b1' }, pairedItem: { item: 0 } },
			{ json: { id: 'b2' }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});
});

const errorLine = (customId: string) => ({
	id: `batch_req_${customId}`,
	custom_id: customId,
	response: { status_code: 400, request_id: `req_${customId}`, body: { error: { message: 'Bad model', type: 'invalid_request_error', code: 'model_not_found' } } },
	error: null,
});
const inputLines = (ids: string[]) => jsonl(ids.map((id) => ({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: chatBody(id) })));

describe('batch.getResults', () => {
	const completed = batchObject({ status: 'completed', output_file_id: 'file-out', error_file_id: 'file-err', request_counts: { total: 4, completed: 2, failed: 1 } });

	it('returns one item per request in input order, with errors and requests that got no result', async () => {
		const scope = nock(BASE)
			.get('/v1/batches/batch_abc')
			.reply(200, completed)
			.get('/v1/files/file-out/content')
			.reply(200, jsonl([okLine('c', 'third'), okLine('a', 'first')]), { 'content-type': 'application/octet-stream' })
			.get('/v1/files/file-err/content')
			.reply(200, jsonl([errorLine('b')]))
			.get('/v1/files/file-in/content')
			.reply(200, inputLines(['a', 'b', 'c', 'd']));
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'getResults', batchId: rl('batch_abc') }), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toEqual([
			{
				json: { custom_id: 'a', batch_id: 'batch_abc', status_code: 200, request_id: 'req_a', body: okLine('a', 'first').response.body, text: 'first' },
				pairedItem: { item: 0 },
			},
			{
				json: {
					custom_id: 'b',
					batch_id: 'batch_abc',
					status_code: 400,
					request_id: 'req_b',
					error: { message: 'Bad model', type: 'invalid_request_error', code: 'model_not_found' },
				},
				pairedItem: { item: 0 },
			},
			{
				json: { custom_id: 'c', batch_id: 'batch_abc', status_code: 200, request_id: 'req_c', body: okLine('c', 'third').response.body, text: 'third' },
				pairedItem: { item: 0 },
			},
			{
				json: { custom_id: 'd', batch_id: 'batch_abc', error: { code: 'no_result', message: 'The batch ended (completed) without a result for this request' } },
				pairedItem: { item: 0 },
			},
		]);
		scope.done();
	});

	it('returns the raw lines in file order without simplify and without input order', async () => {
		const scope = nock(BASE)
			.get('/v1/batches/batch_abc')
			.reply(200, completed)
			.get('/v1/files/file-out/content')
			.reply(200, jsonl([okLine('c', 'third')]))
			.get('/v1/files/file-err/content')
			.reply(200, jsonl([{ id: 'x', custom_id: 'b', response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } }]));
		const parameters = { resource: 'batch', operation: 'getResults', batchId: rl('batch_abc'), simplify: false, options: { inputOrder: false } };
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.output('OpenAI').map((item) => item.json)).toEqual([
			okLine('c', 'third'),
			{ id: 'x', custom_id: 'b', response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } },
		]);
		scope.done();
	});

	it('falls back to file order when the input file is gone', async () => {
		const scope = nock(BASE)
			.get('/v1/batches/batch_abc')
			.reply(200, batchObject({ status: 'expired', output_file_id: 'file-out' }))
			.get('/v1/files/file-out/content')
			.reply(200, jsonl([okLine('z', 'last'), okLine('y', 'other')]))
			.get('/v1/files/file-in/content')
			.reply(404, { error: { message: 'No such File object: file-in', type: 'invalid_request_error' } });
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'getResults', batchId: rl('batch_abc') }), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI').map((item) => item.json.custom_id)).toEqual(['z', 'y']);
		scope.done();
	});

	it('reads the text of responses and legacy completions and handles sparse result lines', async () => {
		const scope = nock(BASE)
			.get('/v1/batches/batch_abc')
			.reply(200, { id: 'batch_abc', status: 'completed', output_file_id: 'file-out' })
			.get('/v1/files/file-out/content')
			.reply(
				200,
				jsonl([
					{ custom_id: 'r', response: { status_code: 200, body: { object: 'response', output: [{ type: 'message', content: [{ type: 'output_text', text: 'Hi' }] }] } } },
					{ custom_id: 't', response: { status_code: 200, body: { object: 'text_completion', choices: [{ text: 'Yo' }] } } },
					{ custom_id: 's', response: { body: '{"object":"embedding"}' } },
					{ custom_id: 'e' },
				]),
			);
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'getResults', batchId: rl('batch_abc') }), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI').map((item) => item.json)).toEqual([
			{ custom_id: 'r', batch_id: 'batch_abc', status_code: 200, body: { object: 'response', output: [{ type: 'message', content: [{ type: 'output_text', text: 'Hi' }] }] }, text: 'Hi' },
			{ custom_id: 't', batch_id: 'batch_abc', status_code: 200, body: { object: 'text_completion', choices: [{ text: 'Yo' }] }, text: 'Yo' },
			{ custom_id: 's', batch_id: 'batch_abc', body: { object: 'embedding' } },
			{ custom_id: 'e', batch_id: 'batch_abc' },
		]);
		scope.done();
	});

	it('says why a failed batch failed', async () => {
		const scope = nock(BASE)
			.get('/v1/batches/batch_abc')
			.reply(200, batchObject({ status: 'failed', errors: { object: 'list', data: [{ code: 'invalid_json_line', message: 'Line 2 is not valid JSON', line: 2 }] } }));
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'getResults', batchId: rl('batch_abc') }), credentials);
		expect(result.error?.message).toBe('Batch batch_abc failed');
		expect(result.error?.description).toBe('OpenAI rejected the input file. line 2: invalid_json_line: Line 2 is not valid JSON');
		scope.done();
	});

	it('fails clearly on an unfinished batch without waiting', async () => {
		const scope = nock(BASE)
			.get('/v1/batches/batch_abc')
			.reply(200, batchObject({ status: 'in_progress', request_counts: { total: 10, completed: 3, failed: 1 } }));
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'getResults', batchId: rl('batch_abc') }), credentials);
		expect(result.error?.message).toBe('Batch batch_abc is in_progress, not finished');
		expect(result.error?.description).toContain('4 of 10 requests done (1 failed)');
		scope.done();
	});

	it('becomes a paired error item under Continue On Fail', async () => {
		const scope = nock(BASE).get('/v1/batches/batch_abc').reply(200, { id: 'batch_abc' });
		const workflow = singleNodeWorkflow({ resource: 'batch', operation: 'getResults', batchId: rl('batch_abc') }, [{ json: {} }], { continueOnFail: true });
		const result = await runWorkflow(workflow, credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toEqual([
			{ json: expect.objectContaining({ error: 'Batch batch_abc is in an unknown state, not finished' }), pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('polls until the batch is finished when asked to wait', async () => {
		const scope = nock(BASE)
			.get('/v1/batches/batch_abc')
			.reply(200, batchObject({ status: 'in_progress' }))
			.get('/v1/batches/batch_abc')
			.reply(200, batchObject({ status: 'finalizing' }))
			.get('/v1/batches/batch_abc')
			.reply(200, batchObject({ status: 'completed', output_file_id: 'file-out' }))
			.get('/v1/files/file-out/content')
			.reply(200, jsonl([okLine('a', 'done')]))
			.get('/v1/files/file-in/content')
			.reply(200, inputLines(['a']));
		const parameters = { resource: 'batch', operation: 'getResults', batchId: rl('batch_abc'), options: { waitUntilComplete: true, pollInterval: 1, timeout: 60 } };
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI').map((item) => item.json.text)).toEqual(['done']);
		scope.done();
	});

	it('gives up after the timeout', async () => {
		// Two checks (now and after the one-second wait); a third only if the timer fires a hair early.
		nock(BASE).get('/v1/batches/batch_abc').times(3).reply(200, batchObject({ status: 'in_progress' }));
		const parameters = { resource: 'batch', operation: 'getResults', batchId: rl('batch_abc'), options: { waitUntilComplete: true, pollInterval: 1, timeout: 1 } };
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.error?.message).toBe('Batch batch_abc is still in_progress after 1 seconds');
		expect(result.error?.description).toContain('Raise "Timeout"');
	});

	it('names a result line that is not JSON', async () => {
		const scope = nock(BASE)
			.get('/v1/batches/batch_abc')
			.reply(200, batchObject({ status: 'completed', output_file_id: 'file-out' }))
			.get('/v1/files/file-out/content')
			.reply(200, `${JSON.stringify(okLine('a', 'x'))}\nnot json\n`);
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'getResults', batchId: rl('batch_abc') }), credentials);
		expect(result.error?.message).toBe('Batch output file: line 2 is not valid JSON');
		scope.done();
	});

	it('refuses a poll interval out of range before sending anything', async () => {
		const parameters = { resource: 'batch', operation: 'getResults', batchId: rl('batch_abc'), options: { pollInterval: 0 } };
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.error?.message).toBe('Poll Interval: must be between 1 and 3600, got 0');
		expect(unmatched).toEqual([]);
	});
});

describe('batch round trip', () => {
	it('3 items -> aggregate -> batch.create (list) -> batch.getResults gives 3 items with their custom_ids', async () => {
		stepFunctions.set('aggregate', (items: INodeExecutionData[]) => [
			{ json: { requests: items.map((item) => ({ custom_id: item.json.key, ...chatBody(String(item.json.question)) })) }, pairedItem: items.map((_, item) => ({ item })) },
		]);
		const keys = ['q1', 'q2', 'q3'];
		const workflow: WorkflowJson = {
			nodes: [
				{
					id: '1',
					name: 'Input',
					type: 'harness.fixture',
					typeVersion: 1,
					position: [0, 0],
					parameters: { items: JSON.stringify(keys.map((key) => ({ json: { key, question: `What is ${key}?` } }))) },
				},
				{ id: '2', name: 'Aggregate', type: 'harness.function', typeVersion: 1, position: [200, 0], parameters: { name: 'aggregate' } },
				openAiNode('3', 'Create Batch', { resource: 'batch', operation: 'create', inputSource: 'requests', requests: '={{ $json.requests }}', customIdField: 'custom_id' }, 400),
				openAiNode(
					'4',
					'Results',
					{
						resource: 'batch',
						operation: 'getResults',
						batchId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						options: { waitUntilComplete: true, pollInterval: 1, timeout: 60 },
					},
					600,
				),
			],
			connections: {
				Input: { main: [[{ node: 'Aggregate', type: 'main', index: 0 }]] },
				Aggregate: { main: [[{ node: 'Create Batch', type: 'main', index: 0 }]] },
				'Create Batch': { main: [[{ node: 'Results', type: 'main', index: 0 }]] },
			},
		};
		let uploaded = '';
		const scope = nock(BASE)
			.post('/v1/files', (body: string) => {
				const parts = multipartParts(body);
				expect(parts.purpose.content).toBe('batch');
				uploaded = parts.file.content;
				return true;
			})
			.reply(200, { id: 'file-rt', object: 'file', purpose: 'batch' })
			.post('/v1/batches', { input_file_id: 'file-rt', endpoint: '/v1/chat/completions', completion_window: '24h' })
			.reply(200, batchObject({ id: 'batch_rt', input_file_id: 'file-rt' }))
			.get('/v1/batches/batch_rt')
			.reply(200, batchObject({ id: 'batch_rt', input_file_id: 'file-rt', status: 'in_progress' }))
			.get('/v1/batches/batch_rt')
			.reply(200, batchObject({ id: 'batch_rt', input_file_id: 'file-rt', status: 'completed', output_file_id: 'file-rt-out' }))
			.get('/v1/files/file-rt-out/content')
			.reply(200, () => jsonl([okLine('q3', 'three'), okLine('q1', 'one'), okLine('q2', 'two')]))
			.get('/v1/files/file-rt/content')
			.reply(200, () => uploaded);
		const result = await runWorkflow(workflow, credentials);
		expect(result.error).toBeUndefined();
		expect(uploaded.split('\n')).toEqual([
			...keys.map((key) => JSON.stringify({ custom_id: key, method: 'POST', url: '/v1/chat/completions', body: chatBody(`What is ${key}?`) })),
			'',
		]);
		expect(result.output('Create Batch')).toEqual([{ json: batchObject({ id: 'batch_rt', input_file_id: 'file-rt' }), pairedItem: { item: 0 } }]);
		const resultItem = (key: string, text: string) => ({
			json: { custom_id: key, batch_id: 'batch_rt', status_code: 200, request_id: `req_${key}`, body: okLine(key, text).response.body, text },
			pairedItem: { item: 0 },
		});
		expect(result.output('Results')).toEqual([resultItem('q1', 'one'), resultItem('q2', 'two'), resultItem('q3', 'three')]);
		scope.done();
	});
});
