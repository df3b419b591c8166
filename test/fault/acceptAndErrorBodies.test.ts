/**
 * The Accept header asks for what each operation reads (issue 15 #6): JSON for JSON replies, audio
 * for speech, anything for file downloads and API Call's file format. A strict server that
 * answers 406 to any other Accept serves every operation.
 *
 * Error bodies in other shapes than OpenAI's (issue 15 #7): the server's own words reach the error,
 * redacted and truncated.
 */
import type { IDataObject } from 'n8n-workflow';

import { TEST_API_KEY, credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import { loadFixture } from '../contract/fixture';
import { goodReplyFor } from './goodReplies';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { startFaultServer } from '../support/faultServer';
import { MAX_SERVER_MESSAGE } from '../../nodes/OpenAiPlatform/shared/errors';

const fixture = loadFixture;

const JSON_ONLY = 'application/json';

/** Operation -> the Accept of each request it sends, in order. */
const ACCEPT: Array<{ fixture: string; parameters?: IDataObject; expected: string[]; /** The strict server has a reply of that type. */ served?: false }> = [
	{ fixture: 'chat.complete', expected: [JSON_ONLY] },
	{ fixture: 'image.generate.gptImage', expected: [JSON_ONLY] },
	{ fixture: 'audio.generateSpeech', expected: ['application/octet-stream, audio/*'] },
	{ fixture: 'audio.transcribe.text', expected: ['application/json, text/*'] },
	{ fixture: 'file.upload', expected: [JSON_ONLY] },
	// The file's details (JSON), then its content (any type).
	{ fixture: 'file.getContent', expected: [JSON_ONLY, '*/*'] },
	{ fixture: 'apiCall.request.get', expected: [JSON_ONLY] },
	{ fixture: 'apiCall.request.binary', expected: ['*/*'] },
	{ fixture: 'apiCall.request.get', parameters: { responseFormat: 'text' }, expected: ['text/plain, */*;q=0.8'], served: false },
	// A workflow's own Accept header is sent as it is.
	{ fixture: 'apiCall.request.get', parameters: { sendHeaders: true, headerParameters: { parameters: [{ name: 'accept', value: 'application/x-ndjson' }] } }, expected: ['application/x-ndjson'], served: false },
];

/** Serves only what the request asked for: 406 when the reply's type is not acceptable. */
function strict(request: ReceivedRequest): FaultAction {
	const reply = goodReplyFor(request);
	if (!('status' in reply)) return reply;
	const type = (reply.headers?.['content-type'] ?? (reply.body !== undefined ? 'application/json' : 'application/octet-stream')).split(';')[0];
	const accept = String(request.headers.accept ?? '*/*');
	const acceptable = accept.split(',').some((range) => {
		const wanted = range.split(';')[0].trim();
		return wanted === '*/*' || wanted === type || (wanted.endsWith('/*') && type.startsWith(wanted.slice(0, -1)));
	});
	return acceptable ? reply : { status: 406, body: { error: { message: `Not acceptable: ${accept} for ${type}`, type: 'invalid_request_error', param: null, code: null } } };
}

describe('Accept asks for what the operation reads', () => {
	let server: FaultServer;
	beforeAll(async () => {
		server = await startFaultServer(strict);
	});
	afterAll(async () => await server.stop());

	it.each(ACCEPT.map((entry) => [`${entry.fixture}${entry.parameters ? ` ${JSON.stringify(entry.parameters)}` : ''}`, entry] as const))('%s', async (_name, entry) => {
		const { parameters, items } = fixture(entry.fixture);
		const before = server.requests.length;
		const result = await runWorkflow(singleNodeWorkflow({ ...parameters, ...(entry.parameters ?? {}), requestOptions: { maxRetries: 0 } }, items), credentialsFor(server.url));
		const sent = server.requests.slice(before).map((request) => request.headers.accept);
		expect(sent).toEqual(entry.expected);
		if (entry.served !== false) expect(result.error?.message).toBeUndefined();
	});
});

/** Error replies as OpenAI-compatible servers and proxies send them, and the words that must survive. */
const BODIES: Array<{ name: string; reply: FaultAction; words: string }> = [
	{ name: '{"detail": "..."} (FastAPI, vLLM)', reply: { status: 400, body: { detail: 'Model llama-9 is not served here' } }, words: 'Model llama-9 is not served here' },
	{
		name: '{"detail": [validation entries]} (FastAPI 422)',
		reply: { status: 422, body: { detail: [{ loc: ['body', 'messages'], msg: 'field required', type: 'missing' }] } },
		words: 'body.messages: field required',
	},
	{ name: '{"message": "..."} (Ollama, gateways)', reply: { status: 404, body: { message: 'model "qwen" not found, try pulling it first' } }, words: 'model "qwen" not found, try pulling it first' },
	{ name: '{"message", "errors"} (validation with fields)', reply: { status: 422, body: { message: 'Validation failed', errors: { temperature: ['must be at most 2'] } } }, words: 'Validation failed: {"temperature":["must be at most 2"]}' },
	{ name: '{"error": "text"}', reply: { status: 400, body: { error: 'context window exceeded for this deployment' } }, words: 'context window exceeded for this deployment' },
	{ name: 'RFC 7807 {"title", "detail"}', reply: { status: 403, body: { type: 'about:blank', title: 'Forbidden', detail: 'Your plan does not include this model' }, headers: { 'content-type': 'application/problem+json' } }, words: 'Forbidden: Your plan does not include this model' },
	{ name: 'plain text', reply: { status: 400, raw: 'upstream rejected: prompt too long', headers: { 'content-type': 'text/plain' } }, words: 'upstream rejected: prompt too long' },
	{ name: 'HTML page', reply: { status: 503, raw: '<html><head><title>503 Service Unavailable</title></head><body><h1>503 Service Unavailable</h1><p>The gateway is down for maintenance.</p></body></html>', headers: { 'content-type': 'text/html' } }, words: '503 Service Unavailable The gateway is down for maintenance.' },
];

describe("error bodies in other shapes keep the server's words", () => {
	let server: FaultServer;
	let reply: FaultAction = { status: 500 };
	beforeAll(async () => {
		server = await startFaultServer((request) => (request.path.endsWith('/chat/completions') ? reply : goodReplyFor(request)));
	});
	afterAll(async () => await server.stop());

	const chat = () => fixture('chat.complete');

	it.each(BODIES.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
		reply = entry.reply;
		const { parameters } = chat();
		const result = await runWorkflow(singleNodeWorkflow({ ...parameters, requestOptions: { maxRetries: 0 } }), credentialsFor(server.url));
		expect(result.error?.message).toBe(entry.words);
		expect(result.error?.httpCode).toBe(String((entry.reply as { status: number }).status));
	});

	it('an echoed key is redacted and a long body truncated', async () => {
		reply = { status: 400, raw: `Bad key ${TEST_API_KEY}. ${'Lorem ipsum dolor sit amet. '.repeat(200)}`, headers: { 'content-type': 'text/plain' } };
		const { parameters } = chat();
		const result = await runWorkflow(singleNodeWorkflow({ ...parameters, requestOptions: { maxRetries: 0 } }), credentialsFor(server.url));
		const message = result.error?.message ?? '';
		expect(message.startsWith('Bad key [redacted]. Lorem ipsum')).toBe(true);
		expect(message).not.toContain(TEST_API_KEY);
		expect(message.length).toBeLessThanOrEqual(MAX_SERVER_MESSAGE);
		expect(message.endsWith('…')).toBe(true);
	});
});
