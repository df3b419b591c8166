import type { IDataObject } from 'n8n-workflow';

import { byId, describeCases, page } from '../support/operationCases';

const batch = (status: string, extra: IDataObject = {}) => ({ id: 'vsfb_1', object: 'vector_store.files_batch', created_at: 1, vector_store_id: 'vs_1', status, file_counts: { in_progress: status === 'in_progress' ? 2 : 0, completed: status === 'completed' ? 2 : 0, failed: 0, cancelled: 0, total: 2 }, ...extra });
const storeFile = (id: string, extra: IDataObject = {}) => ({ id, object: 'vector_store.file', usage_bytes: 10, created_at: 1, vector_store_id: 'vs_1', status: 'completed', last_error: null, attributes: null, ...extra });
const vs = (operation: string, extra: IDataObject = {}) => ({ resource: 'vectorStore', operation, vectorStoreId: byId('vs_1'), ...extra });
const inBatch = (operation: string, extra: IDataObject = {}) => vs(operation, { batchId: 'vsfb_1', ...extra });
const inFile = (operation: string, extra: IDataObject = {}) => vs(operation, { fileId: byId('file-1'), ...extra });

describe('vectorStore batches and files', () => {
	describeCases([
		{
			name: 'addFiles sends the IDs with shared attributes and static chunking',
			parameters: vs('addFiles', {
				fileIds: 'file-1, file-2',
				options: { attributes: { attribute: [{ key: 'year', type: 'number', value: '2025' }] }, maxChunkSizeTokens: 600, chunkOverlapTokens: 100 },
			}),
			requests: [
				{
					method: 'POST',
					path: '/vector_stores/vs_1/file_batches',
					body: { file_ids: ['file-1', 'file-2'], attributes: { year: 2025 }, chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 600, chunk_overlap_tokens: 100 } } },
					headers: { 'idempotency-key': /^n8n-/ },
					reply: batch('in_progress'),
				},
			],
			output: [batch('in_progress')],
		},
		{
			name: 'addFiles with "Wait Until Processed" polls the batch until it is done',
			parameters: vs('addFiles', { fileIds: '={{ ["file-1", "file-2"] }}', options: { waitUntilProcessed: true, timeout: 60 } }),
			requests: [
				{ method: 'POST', path: '/vector_stores/vs_1/file_batches', body: { file_ids: ['file-1', 'file-2'] }, reply: batch('in_progress') },
				{ method: 'GET', path: '/vector_stores/vs_1/file_batches/vsfb_1', reply: batch('in_progress') },
				{ method: 'GET', path: '/vector_stores/vs_1/file_batches/vsfb_1', reply: batch('completed') },
			],
			output: [batch('completed')],
		},
		{ name: 'getFileBatch', parameters: inBatch('getFileBatch'), requests: [{ method: 'GET', path: '/vector_stores/vs_1/file_batches/vsfb_1', reply: batch('completed') }], output: [batch('completed')] },
		{
			name: 'cancelFileBatch posts without a body',
			parameters: inBatch('cancelFileBatch'),
			requests: [{ method: 'POST', path: '/vector_stores/vs_1/file_batches/vsfb_1/cancel', body: null, reply: batch('cancelled') }],
			output: [batch('cancelled')],
		},
		{
			name: 'listFileBatchFiles follows the cursor with a status filter',
			parameters: inBatch('listFileBatchFiles', { returnAll: true, options: { status: 'failed', order: 'asc' } }),
			requests: [
				{ method: 'GET', path: '/vector_stores/vs_1/file_batches/vsfb_1/files?order=asc&filter=failed&limit=100', reply: page([storeFile('file-1')], true) },
				{ method: 'GET', path: '/vector_stores/vs_1/file_batches/vsfb_1/files?order=asc&filter=failed&limit=100&after=file-1', reply: page([storeFile('file-2')]) },
			],
			output: [storeFile('file-1'), storeFile('file-2')],
		},
		{ name: 'getFile', parameters: inFile('getFile'), requests: [{ method: 'GET', path: '/vector_stores/vs_1/files/file-1', reply: storeFile('file-1') }], output: [storeFile('file-1')] },
		{
			name: 'updateFileAttributes replaces the attributes',
			parameters: inFile('updateFileAttributes', { attributes: { attribute: [{ key: 'region', type: 'string', value: 'eu' }, { key: 'public', type: 'boolean', value: 'true' }] } }),
			requests: [{ method: 'POST', path: '/vector_stores/vs_1/files/file-1', body: { attributes: { region: 'eu', public: true } }, reply: storeFile('file-1', { attributes: { region: 'eu', public: true } }) }],
			output: [storeFile('file-1', { attributes: { region: 'eu', public: true } })],
		},
		{
			name: 'updateFileAttributes with none clears them',
			parameters: inFile('updateFileAttributes'),
			requests: [{ method: 'POST', path: '/vector_stores/vs_1/files/file-1', body: { attributes: null }, reply: storeFile('file-1') }],
			output: [storeFile('file-1')],
		},
		{
			name: 'getFileContent gives one item per parsed chunk',
			parameters: inFile('getFileContent'),
			requests: [
				{
					method: 'GET',
					path: '/vector_stores/vs_1/files/file-1/content',
					reply: { object: 'vector_store.file_content.page', data: [{ type: 'text', text: 'First.' }, { type: 'text', text: 'Second.' }], has_more: false, next_page: null },
				},
			],
			output: [{ type: 'text', text: 'First.' }, { type: 'text', text: 'Second.' }],
		},
		{ name: 'addFiles refuses no file IDs', parameters: vs('addFiles', { fileIds: ' , ' }), requests: [], check: (result) => expect(result.error?.message).toBe('File IDs: give at least one file ID') },
		{
			name: 'addFiles refuses 17 attributes',
			parameters: vs('addFiles', { fileIds: 'file-1', options: { attributes: { attribute: Array.from({ length: 17 }, (_, i) => ({ key: `k${i}`, type: 'string', value: 'v' })) } } }),
			requests: [],
			check: (result) => expect(result.error?.message).toBe('Attributes: 17 given, at most 16 are allowed'),
		},
		{ name: 'getFileBatch names the empty batch ID', parameters: inBatch('getFileBatch', { batchId: '={{ "" }}' }), requests: [], check: (result) => expect(result.error?.message).toBe('Batch: is empty') },
	]);
});
