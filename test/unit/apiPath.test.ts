import { resolveApiPath } from '../../nodes/OpenAiPlatform/resources/apiCall/path';
import { normalizeBaseUrl } from '../../nodes/OpenAiPlatform/shared/baseUrl';

describe('normalizeBaseUrl', () => {
	it.each([
		['https://api.openai.com/v1', 'https://api.openai.com/v1'],
		['https://api.openai.com/v1/', 'https://api.openai.com/v1'],
		['https://api.openai.com', 'https://api.openai.com/v1'],
		['https://api.openai.com/', 'https://api.openai.com/v1'],
		['  http://127.0.0.1:8080/v1//  ', 'http://127.0.0.1:8080/v1'],
		['http://localhost:11434', 'http://localhost:11434'],
		['', 'https://api.openai.com/v1'],
	])('%s -> %s', (raw, expected) => expect(normalizeBaseUrl(raw)).toBe(expected));
});

describe('resolveApiPath', () => {
	const base = 'https://api.openai.com/v1';
	it.each([
		['models', '/models'],
		['/models', '/models'],
		['/v1/models', '/models'],
		['files?purpose=batch', '/files?purpose=batch'],
		['https://api.openai.com/v1/files/file-1', '/files/file-1'],
		['https://api.openai.com/files', '/files'],
	])('%s -> %s', (raw, expected) => expect(resolveApiPath(raw, base)).toEqual({ path: expected }));

	it('keeps /v1 on a root-served compatible server', () => {
		expect(resolveApiPath('/v1/models', 'http://localhost:11434')).toEqual({ path: '/v1/models' });
	});

	it.each([
		'https://evil.example.com/v1/models',
		'http://api.openai.com/v1/models',
		'//evil.example.com/v1/models',
		'https://api.openai.com:444/v1/models',
		'/files/../admin',
		'/files/%2E%2E/admin',
		'\\\\evil\\share',
		'',
		'javascript:alert(1)',
	])('refuses %j', (raw) => expect(resolveApiPath(raw, base)).toHaveProperty('refused'));
});
