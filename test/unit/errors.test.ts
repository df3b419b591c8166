import type { INode } from 'n8n-workflow';

import { apiErrorFromException, apiErrorFromResponse, errorDetailsOf, failureOf, hintFor, redact } from '../../nodes/OpenAiPlatform/shared/errors';

const node: INode = { id: '1', name: 'OpenAI', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

describe('errorDetailsOf', () => {
	it('reads an OpenAI error from an object, a JSON string or a buffer', () => {
		const body = { error: { message: 'bad', type: 't', code: 'c', param: 'p' } };
		const expected = { message: 'bad', type: 't', code: 'c', param: 'p' };
		expect(errorDetailsOf(body)).toEqual(expected);
		expect(errorDetailsOf(JSON.stringify(body))).toEqual(expected);
		expect(errorDetailsOf(Buffer.from(JSON.stringify(body)))).toEqual(expected);
	});
	it('copes with other shapes and nothing at all', () => {
		expect(errorDetailsOf({ error: 'plain' })).toEqual({ message: 'plain' });
		expect(errorDetailsOf({ detail: 'from a compatible server' })).toEqual({ message: 'from a compatible server' });
		expect(errorDetailsOf('<html>')).toEqual({});
		expect(errorDetailsOf(undefined)).toEqual({});
	});
});

describe('hintFor', () => {
	it.each([
		[401, {}, '', 'API key was refused'],
		[403, {}, '', 'Organization ID and Project ID'],
		[404, { code: 'model_not_found' }, '', 'From list'],
		[404, {}, '', 'Nothing was found'],
		[429, { code: 'insufficient_quota' }, '', 'quota is used up'],
		[429, { code: 'rate_limit_exceeded' }, '', 'Max Concurrent Requests'],
		[400, { code: 'context_length_exceeded' }, '', 'context window'],
		[503, {}, '', 'temporary'],
		[410, {}, '/assistants', 'Assistants API'],
	])('HTTP %i %j %s', (status, details, path, words) => {
		expect(hintFor(status, details, path)).toContain(words);
	});
	it('has no hint for a plain 400', () => expect(hintFor(400, { message: 'bad' })).toBeUndefined());
});

describe('redact', () => {
	it('replaces every secret', () => expect(redact('key sk-abc123 org org-9 sk-abc123', ['sk-abc123', 'org-9'])).toBe('key [redacted] org [redacted] [redacted]'));
	it('ignores empty and tiny values', () => expect(redact('a b', ['', 'a'])).toBe('a b'));
});

describe('apiErrorFromResponse', () => {
	it('builds a NodeApiError with the retry facts', () => {
		const error = apiErrorFromResponse(
			node,
			{ statusCode: 429, headers: { 'retry-after': '1', 'x-request-id': 'req_1' }, body: { error: { message: 'slow down', code: 'rate_limit_exceeded' } } },
			{ secrets: [], itemIndex: 2 },
		);
		expect(error.message).toBe('slow down');
		expect(error.httpCode).toBe('429');
		expect(error.description).toContain('Request ID: req_1');
		expect(error.context.itemIndex).toBe(2);
		expect(failureOf(error)).toEqual({ status: 429, retryAfterMs: 1000, quotaExhausted: false, shouldRetryHeader: undefined });
	});
	it('says what happened when the body has no message', () => {
		expect(apiErrorFromResponse(node, { statusCode: 502, headers: {}, body: '' }, { secrets: [] }).message).toBe('The server answered with HTTP 502');
	});
});

describe('apiErrorFromException', () => {
	it('keeps only the code and message of a network error, not its request config', () => {
		const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', config: { headers: { Authorization: 'Bearer sk-secret-value' } } });
		const error = apiErrorFromException(node, { message: 'wrapped', cause }, { secrets: ['sk-secret-value'] });
		expect(error.message).toBe('The connection was reset by the server');
		expect(failureOf(error)).toEqual({ networkCode: 'ECONNRESET', status: undefined });
		expect(JSON.stringify(error)).not.toContain('sk-secret-value');
	});
});
