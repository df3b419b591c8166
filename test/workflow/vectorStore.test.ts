import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import { captured, recordAndReply, useNock } from '../support/nockApi';

const BASE = 'https://api.openai.com';
const credentials = credentialsFor('https://api.openai.com/v1');
const unmatched = useNock();

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const store = (extra: IDataObject = {}): IDataObject => ({
	id: 'vs_abc',
	object: 'vector_store',
	created_at: 1698107661,
	name: 'Support',
	usage_bytes: 0,
	file_counts: { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 },
	status: 'completed',
	last_active_at: null,
	metadata: null,
	...extra,
});
const vs = (operation: string, extra: IDataObject = {}) => ({ resource: 'vectorStore', operation, vectorStoreId: rl('vs_abc'), ...extra });

async function expectRefused(parameters: IDataObject, message: string) {
	const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
	expect(result.error?.message).toBe(message);
	expect(unmatched).toEqual([]);
}

describe('vectorStore.create', () => {
	it('sends name, files, chunking, expiry, description and metadata', async () => {
		const scope = nock(BASE)
			.post('/v1/vector_stores', {
				name: 'Support',
				description: 'Help center',
				file_ids: ['file-a', 'file-b'],
				chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 1000, chunk_overlap_tokens: 200 } },
				expires_after: { anchor: 'last_active_at', days: 7 },
				metadata: { team: 'cx' },
			})
			.reply(200, store());
		const parameters = {
			resource: 'vectorStore',
			operation: 'create',
			name: ' Support ',
			options: {
				description: 'Help center',
				fileIds: 'file-a, file-b',
				maxChunkSizeTokens: 1000,
				chunkOverlapTokens: 200,
				expiresAfterDays: 7,
				metadata: { pair: [{ key: 'team', value: 'cx' }] },
			},
		};
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.output('OpenAI')).toEqual([{ json: store(), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('sends an empty body when nothing is set, takes file IDs from an expression list, and passes a sparse reply on', async () => {
		const scope = nock(BASE)
			.post('/v1/vector_stores', {})
			.matchHeader('content-type', /^application\/json/)
			.reply(200, { id: 'vs_1' })
			.post('/v1/vector_stores', { file_ids: ['file-x', 'file-y'], chunking_strategy: { type: 'auto' } })
			.reply(200, { id: 'vs_2' });
		const first = await runWorkflow(singleNodeWorkflow({ resource: 'vectorStore', operation: 'create' }), credentials);
		expect(first.output('OpenAI')).toEqual([{ json: { id: 'vs_1' }, pairedItem: { item: 0 } }]);
		const parameters = { resource: 'vectorStore', operation: 'create', options: { fileIds: '={{ $json.ids }}', chunkingStrategy: 'auto' } };
		const second = await runWorkflow(singleNodeWorkflow(parameters, [{ json: { ids: ['file-x', 'file-y'] } }]), credentials);
		expect(second.output('OpenAI')[0].json).toEqual({ id: 'vs_2' });
		scope.done();
	});

	it.each([
		[{ chunkingStrategy: 'static' }, 'Chunking Strategy: only applies to the files given in File IDs; add them or remove the chunking options'],
		[{ fileIds: 'f', maxChunkSizeTokens: 400, chunkOverlapTokens: 300 }, 'Chunk Overlap (Tokens): 300 is not a whole number from 0 to half the chunk size (200)'],
		[{ fileIds: 'f', maxChunkSizeTokens: 5000 }, 'Max Chunk Size (Tokens): 5000 is not a whole number from 100 to 4096'],
		[{ fileIds: 'f', chunkingStrategy: 'auto', chunkOverlapTokens: 10 }, 'Chunking Strategy: chunk size and overlap only apply to the static strategy'],
		[{ expiresAfterDays: 400 }, 'Expires After: 400 is not a whole number from 1 to 365'],
		[{ metadata: { pair: [{ key: 'k', value: 'x'.repeat(513) }] } }, 'Metadata: the value of "k" is longer than 512 characters'],
	])('refuses %j before sending anything', async (options, message) => {
		await expectRefused({ resource: 'vectorStore', operation: 'create', options }, message);
	});
});

describe('vectorStore.get, delete and removeFile', () => {
	it('gets a vector store', async () => {
		const scope = nock(BASE).get('/v1/vector_stores/vs_abc').reply(200, store());
		const result = await runWorkflow(singleNodeWorkflow(vs('get')), credentials);
		expect(result.output('OpenAI')).toEqual([{ json: store(), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('deletes a vector store', async () => {
		const scope = nock(BASE).delete('/v1/vector_stores/vs_abc').reply(200, { id: 'vs_abc', object: 'vector_store.deleted', deleted: true });
		const result = await runWorkflow(singleNodeWorkflow(vs('delete')), credentials);
		expect(result.output('OpenAI')[0].json).toEqual({ id: 'vs_abc', object: 'vector_store.deleted', deleted: true });
		scope.done();
	});

	it('removes a file, encoding both IDs, without a body', async () => {
		const seen = captured();
		const deleted = { id: 'file+x', object: 'vector_store.file.deleted', deleted: true };
		const scope = nock(BASE).delete('/v1/vector_stores/vs_abc/files/file%2Bx').reply(recordAndReply(seen, deleted));
		const result = await runWorkflow(singleNodeWorkflow(vs('removeFile', { fileId: rl('file+x') })), credentials);
		expect(seen.raw).toEqual(['']);
		expect(result.output('OpenAI')).toEqual([{ json: deleted, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('names the empty file ID', async () => {
		await expectRefused(vs('removeFile', { fileId: rl('={{ "" }}') }), 'File: choose one from the list or enter its ID');
	});

	it('names the empty vector store ID', async () => {
		await expectRefused(vs('get', { vectorStoreId: rl('={{ " " }}') }), 'Vector Store: choose one from the list or enter its ID');
	});
});

describe('vectorStore.getAll and listFiles', () => {
	it('walks the cursor over several pages in the chosen order', async () => {
		const scope = nock(BASE)
			.get('/v1/vector_stores')
			.query({ order: 'asc', limit: '100' })
			.reply(200, { object: 'list', data: [store({ id: 'vs_1' }), store({ id: 'vs_2' })], first_id: 'vs_1', last_id: 'vs_2', has_more: true })
			.get('/v1/vector_stores')
			.query({ order: 'asc', limit: '100', after: 'vs_2' })
			.reply(200, { object: 'list', data: [{ id: 'vs_3' }], has_more: false });
		const parameters = { resource: 'vectorStore', operation: 'getAll', returnAll: true, options: { order: 'asc' } };
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.output('OpenAI')).toEqual([
			{ json: store({ id: 'vs_1' }), pairedItem: { item: 0 } },
			{ json: store({ id: 'vs_2' }), pairedItem: { item: 0 } },
			{ json: { id: 'vs_3' }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('lists the files of a store with a status filter, up to the limit', async () => {
		const file = (id: string) => ({ id, object: 'vector_store.file', usage_bytes: 1, created_at: 1, vector_store_id: 'vs_abc', status: 'failed', last_error: null });
		const scope = nock(BASE)
			.get('/v1/vector_stores/vs_abc/files')
			.query({ filter: 'failed', limit: '3' })
			.reply(200, { object: 'list', data: [file('f1'), file('f2')], has_more: true, last_id: 'f2' })
			.get('/v1/vector_stores/vs_abc/files')
			.query({ filter: 'failed', limit: '1', after: 'f2' })
			.reply(200, { object: 'list', data: [file('f3')], has_more: true, last_id: 'f3' });
		const parameters = vs('listFiles', { returnAll: false, limit: 3, options: { status: 'failed' } });
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.output('OpenAI')).toEqual(['f1', 'f2', 'f3'].map((id) => ({ json: file(id), pairedItem: { item: 0 } })));
		scope.done();
	});

	it('gives no items for an empty or sparse list', async () => {
		const scope = nock(BASE).get('/v1/vector_stores').query(true).reply(200, { object: 'list', data: [] });
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'vectorStore', operation: 'getAll', returnAll: true }), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toEqual([]);
		scope.done();
	});
});

describe('vectorStore.update', () => {
	it('sends only the fields given', async () => {
		const seen = captured();
		const scope = nock(BASE).post('/v1/vector_stores/vs_abc').reply(recordAndReply(seen, store({ name: 'Renamed' })));
		const parameters = vs('update', { updateFields: { name: 'Renamed', expiresAfterDays: 30, metadata: { pair: [{ key: 'v', value: '2' }] } } });
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(seen.bodies).toEqual([{ name: 'Renamed', expires_after: { anchor: 'last_active_at', days: 30 }, metadata: { v: '2' } }]);
		expect(result.output('OpenAI')).toEqual([{ json: store({ name: 'Renamed' }), pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('refuses an update without fields', async () => {
		await expectRefused(vs('update'), 'Update Fields: add at least one field to change');
	});
});

describe('vectorStore.search', () => {
	const results = {
		object: 'vector_store.search_results.page',
		search_query: ['return policy'],
		data: [
			{ file_id: 'file-1', filename: 'policy.pdf', score: 0.93, attributes: { region: 'us' }, content: [{ type: 'text', text: 'Returns within 30 days.' }, { type: 'text', text: 'Keep the receipt.' }] },
			{ file_id: 'file-2', filename: 'faq.md', score: 0.71, attributes: null, content: [] },
		],
		has_more: false,
		next_page: null,
	};

	it('sends the query with filters and ranking, and returns one simplified item per result', async () => {
		const scope = nock(BASE)
			.post('/v1/vector_stores/vs_abc/search', {
				query: 'return policy',
				filters: { type: 'and', filters: [{ type: 'eq', key: 'region', value: 'us' }, { type: 'in', key: 'year', value: [2024, 2025] }] },
				max_num_results: 5,
				ranking_options: { ranker: 'auto', score_threshold: 0.5 },
				rewrite_query: true,
			})
			.reply(200, results);
		const filters = JSON.stringify({ type: 'and', filters: [{ type: 'eq', key: 'region', value: 'us' }, { type: 'in', key: 'year', value: [2024, 2025] }] });
		const parameters = vs('search', { query: 'return policy', options: { filters, maxNumResults: 5, ranker: 'auto', scoreThreshold: 0.5, rewriteQuery: true } });
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(result.output('OpenAI')).toEqual([
			{
				json: { file_id: 'file-1', filename: 'policy.pdf', score: 0.93, text: 'Returns within 30 days.\n\nKeep the receipt.', attributes: { region: 'us' } },
				pairedItem: { item: 0 },
			},
			{ json: { file_id: 'file-2', filename: 'faq.md', score: 0.71, text: '', attributes: {} }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('returns the raw results without simplify, and takes a list of queries from an expression', async () => {
		const scope = nock(BASE).post('/v1/vector_stores/vs_abc/search', { query: ['a', 'b'] }).reply(200, results);
		const parameters = vs('search', { query: '={{ $json.queries }}', simplify: false });
		const result = await runWorkflow(singleNodeWorkflow(parameters, [{ json: { queries: ['a', 'b'] } }]), credentials);
		expect(result.output('OpenAI').map((item) => item.json)).toEqual(results.data);
		scope.done();
	});

	it('survives sparse results and an empty page', async () => {
		const scope = nock(BASE)
			.post('/v1/vector_stores/vs_abc/search')
			.reply(200, { data: [{ file_id: 'file-9' }, 'junk'] })
			.post('/v1/vector_stores/vs_abc/search')
			.reply(200, { object: 'vector_store.search_results.page', data: [] });
		const sparse = await runWorkflow(singleNodeWorkflow(vs('search', { query: 'x' })), credentials);
		expect(sparse.output('OpenAI').map((item) => item.json)).toEqual([{ file_id: 'file-9', filename: null, score: null, text: '', attributes: {} }]);
		const empty = await runWorkflow(singleNodeWorkflow(vs('search', { query: 'x' })), credentials);
		expect(empty.error).toBeUndefined();
		expect(empty.output('OpenAI')).toEqual([]);
		scope.done();
	});

	it.each([
		[{ filters: '{"type": "eq"' }, 'Filters: not valid JSON'],
		[{ filters: '{"type": "like", "key": "a", "value": "b"}' }, 'Filters: the filter has type "like"; use eq, ne, gt, gte, lt, lte, in, nin, and or or'],
		[{ filters: '{"type": "or", "filters": [{"type": "eq", "key": "a"}]}' }, 'Filters: the filter.filters[0] needs a value: text, a number, true / false, or a list of texts or numbers'],
		[{ filters: '{"type": "eq", "key": "a", "value": 1, "extra": true}' }, 'Filters: the filter has the unknown field "extra"'],
		[{ maxNumResults: 51 }, 'Max Results: 51 is not a whole number from 1 to 50'],
		[{ scoreThreshold: 1.5 }, 'Score Threshold: must be between 0 and 1, got 1.5'],
	])('refuses %j before sending anything', async (options, message) => {
		await expectRefused(vs('search', { query: 'x', options }), message);
	});

	it('refuses an empty query', async () => {
		await expectRefused(vs('search', { query: '={{ "  " }}' }), 'Query: enter what to search for');
	});
});

describe('vectorStore.addFile', () => {
	it('sends the file ID with typed attributes and a static chunking strategy', async () => {
		const seen = captured();
		const added = { id: 'file-1', object: 'vector_store.file', usage_bytes: 0, created_at: 1, vector_store_id: 'vs_abc', status: 'in_progress', last_error: null };
		const scope = nock(BASE).post('/v1/vector_stores/vs_abc/files').reply(recordAndReply(seen, added));
		const attribute = [
			{ key: 'region', type: 'string', value: 'us' },
			{ key: 'year', type: 'number', value: '2025' },
			{ key: 'public', type: 'boolean', value: 'false' },
		];
		const parameters = vs('addFile', { fileId: rl('file-1'), options: { attributes: { attribute }, chunkingStrategy: 'static' } });
		const result = await runWorkflow(singleNodeWorkflow(parameters), credentials);
		expect(seen.bodies).toEqual([
			{
				file_id: 'file-1',
				attributes: { region: 'us', year: 2025, public: false },
				// The static strategy's defaults: 800 tokens, 400 overlap.
				chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 } },
			},
		]);
		expect(result.output('OpenAI')).toEqual([{ json: added, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('sends only the file ID by default', async () => {
		const scope = nock(BASE).post('/v1/vector_stores/vs_abc/files', { file_id: 'file-2' }).reply(200, { id: 'file-2' });
		const result = await runWorkflow(singleNodeWorkflow(vs('addFile', { fileId: rl('file-2') })), credentials);
		expect(result.output('OpenAI')).toEqual([{ json: { id: 'file-2' }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it.each([
		[[{ key: 'n', type: 'number', value: 'many' }], 'Attributes: "n" is not a number'],
		[[{ key: 'b', type: 'boolean', value: 'yes' }], 'Attributes: "b" is not true or false'],
		[[{ key: '', type: 'string', value: 'x' }], 'Attributes: an attribute has no key'],
		[[{ key: 'a', value: '1' }, { key: 'a', value: '2' }], 'Attributes: key "a" is given twice'],
	])('refuses attributes %j before sending anything', async (attribute, message) => {
		await expectRefused(vs('addFile', { fileId: rl('file-1'), options: { attributes: { attribute } } }), message);
	});
});

describe('vectorStore errors', () => {
	it('carries OpenAI\'s error for an unknown store', async () => {
		const scope = nock(BASE)
			.get('/v1/vector_stores/vs_nope')
			.reply(404, { error: { message: "No vector store found with id 'vs_nope'.", type: 'invalid_request_error', param: null, code: null } });
		const result = await runWorkflow(singleNodeWorkflow(vs('get', { vectorStoreId: rl('vs_nope') })), credentials);
		expect(result.error?.message).toBe("No vector store found with id 'vs_nope'.");
		expect(result.error?.httpCode).toBe('404');
		scope.done();
	});
});
