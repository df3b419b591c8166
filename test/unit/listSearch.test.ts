import nock from 'nock';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { OpenAiPlatformApi } from '../../credentials/OpenAiPlatformApi.credentials';
import { listSearch } from '../../nodes/OpenAiPlatform/methods';
import { modelSearches, objectSearch } from '../../nodes/OpenAiPlatform/methods/listSearch';
import { TEST_API_KEY } from '../harness/secrets';

/** Just enough of n8n's load-options context: credentials and an authenticated request. */
function loadOptionsContext(baseUrl: string): ILoadOptionsFunctions {
	const credentials: ICredentialDataDecryptedObject = { apiKey: TEST_API_KEY, baseUrl };
	const credentialType = new OpenAiPlatformApi();
	return {
		getCredentials: async () => credentials,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const request = await credentialType.authenticate(credentials, options);
				const url = new URL(`${request.baseURL}${request.url}`);
				for (const [key, value] of Object.entries(request.qs ?? {})) url.searchParams.set(key, String(value));
				const reply = await fetch(url, { headers: request.headers as Record<string, string>, redirect: request.disableFollowRedirect ? 'manual' : 'follow' });
				// List searches ask for the full response (status errors and redirects are theirs to read).
				return { statusCode: reply.status, headers: Object.fromEntries(reply.headers), body: await reply.json() };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

const models = ['gpt-4.1-mini', 'dall-e-3', 'text-embedding-3-small', 'whisper-1', 'ft:gpt-4.1-mini-2025-04-14:acme::x', 'tts-1'].map((id) => ({ id, object: 'model', owned_by: 'system', created: 1 }));

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('model list searches', () => {
	it("filter OpenAI's list by capability and by the search text", async () => {
		nock('https://api.openai.com').get('/v1/models').times(3).reply(200, { object: 'list', data: models });
		const context = loadOptionsContext('https://api.openai.com/v1');
		expect((await modelSearches.searchChatModels.call(context)).results.map((r) => r.value)).toEqual(['ft:gpt-4.1-mini-2025-04-14:acme::x', 'gpt-4.1-mini']);
		expect((await modelSearches.searchImageModels.call(context)).results.map((r) => r.value)).toEqual(['dall-e-3']);
		expect((await modelSearches.searchChatModels.call(context, 'FT:')).results.map((r) => r.value)).toEqual(['ft:gpt-4.1-mini-2025-04-14:acme::x']);
	});

	it('filter on any server where they know the id, and list the ids they do not know', async () => {
		const data = [{ id: 'llama3.2' }, { id: 'nomic-embed-text' }, { id: 'openai/gpt-4o-mini' }, { id: 'openai/dall-e-3' }, { id: 'text-embedding-3-small' }];
		nock('http://127.0.0.1:11434').get('/v1/models').times(2).reply(200, { object: 'list', data });
		const context = loadOptionsContext('http://127.0.0.1:11434/v1');
		expect((await modelSearches.searchChatModels.call(context)).results.map((r) => r.value)).toEqual(['llama3.2', 'nomic-embed-text', 'openai/gpt-4o-mini']);
		expect((await modelSearches.searchEmbeddingModels.call(context)).results.map((r) => r.value)).toEqual(['llama3.2', 'nomic-embed-text', 'text-embedding-3-small']);
	});

	it('copes with a reply without data', async () => {
		nock('https://api.openai.com').get('/v1/models').reply(200, { object: 'list' });
		expect((await modelSearches.searchModels.call(loadOptionsContext('https://api.openai.com/v1'))).results).toEqual([]);
	});
});

describe('objectSearch', () => {
	it('pages with after and describes each object', async () => {
		nock('https://api.openai.com')
			.get('/v1/files')
			.query({ limit: '100' })
			.reply(200, { object: 'list', data: [{ id: 'file-1', filename: 'a.jsonl' }], has_more: true, last_id: 'file-1' })
			.get('/v1/files')
			.query({ limit: '100', after: 'file-1' })
			.reply(200, { object: 'list', data: [{ id: 'file-2', filename: 'b.jsonl' }], has_more: false });
		const search = objectSearch('/files', (file) => String(file.filename));
		const context = loadOptionsContext('https://api.openai.com/v1');
		const first = await search.call(context);
		expect(first).toEqual({ results: [{ name: 'a.jsonl', value: 'file-1' }], paginationToken: 'file-1' });
		const second = await search.call(context, undefined, first.paginationToken);
		expect(second).toEqual({ results: [{ name: 'b.jsonl', value: 'file-2' }] });
	});
});

describe('batch, vector store and file pickers', () => {
	it('describe each object and match the search text in name or ID', async () => {
		nock('https://api.openai.com')
			.get('/v1/batches')
			.query({ limit: '100' })
			.reply(200, { object: 'list', data: [{ id: 'batch_1', status: 'completed', endpoint: '/v1/embeddings' }, { id: 'batch_2' }], has_more: false })
			.get('/v1/vector_stores')
			.query({ limit: '100' })
			.reply(200, { object: 'list', data: [{ id: 'vs_1', name: 'Support' }, { id: 'vs_2', name: '' }], has_more: false })
			.get('/v1/files')
			.query({ limit: '100' })
			.reply(200, { object: 'list', data: [{ id: 'file-1', filename: 'in.jsonl', purpose: 'batch' }, { id: 'file-2' }], has_more: false });
		const context = loadOptionsContext('https://api.openai.com/v1');
		expect((await listSearch.searchBatches.call(context)).results).toEqual([
			{ name: 'batch_1 (completed, /v1/embeddings)', value: 'batch_1' },
			{ name: 'batch_2', value: 'batch_2' },
		]);
		expect((await listSearch.searchVectorStores.call(context, 'supp')).results).toEqual([{ name: 'Support', value: 'vs_1' }]);
		expect((await listSearch.searchFiles.call(context)).results).toEqual([
			{ name: 'in.jsonl (batch)', value: 'file-1' },
			{ name: 'file-2', value: 'file-2' },
		]);
	});
});
