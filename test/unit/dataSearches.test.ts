import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { listSearch } from '../../nodes/OpenAiPlatform/methods';

/** A load-options context whose requests go to `reply`, recorded in `requests`. */
function contextFor(reply: (request: IHttpRequestOptions) => IDataObject) {
	const requests: IHttpRequestOptions[] = [];
	const context = {
		getCredentials: async () => ({ apiKey: 'sk-test', baseUrl: 'https://api.openai.com/v1' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				requests.push(request);
				// List searches ask for the full response (status errors and redirects are theirs to read).
				return { statusCode: 200, headers: {}, body: reply(request) };
			},
		},
	} as unknown as ILoadOptionsFunctions;
	return { context, requests };
}

describe('searchFiles', () => {
	it('lists files by name and purpose, pages with the last id, and filters by name or id', async () => {
		const { context, requests } = contextFor(() => ({
			object: 'list',
			data: [
				{ id: 'file-1', filename: 'train.jsonl', purpose: 'fine-tune' },
				{ id: 'file-2', filename: 'notes.txt', purpose: 'user_data' },
				{ id: 'file-3' },
			],
			last_id: 'file-3',
			has_more: true,
		}));
		const all = await listSearch.searchFiles.call(context);
		expect(requests[0]).toMatchObject({ method: 'GET', baseURL: 'https://api.openai.com/v1', url: '/files', qs: { limit: 100 } });
		expect(all).toEqual({
			results: [
				{ name: 'train.jsonl (fine-tune)', value: 'file-1' },
				{ name: 'notes.txt (user_data)', value: 'file-2' },
				{ name: 'file-3', value: 'file-3' },
			],
			paginationToken: 'file-3',
		});
		const filtered = await listSearch.searchFiles.call(context, 'TRAIN', 'file-0');
		expect(requests[1].qs).toEqual({ limit: 100, after: 'file-0' });
		expect(filtered.results).toEqual([{ name: 'train.jsonl (fine-tune)', value: 'file-1' }]);
	});
});

describe('searchFineTuningJobs', () => {
	it('names jobs by their (fine-tuned) model, status and id; no token on the last page', async () => {
		const { context, requests } = contextFor(() => ({
			object: 'list',
			data: [
				{ id: 'ftjob-1', model: 'gpt-4.1-mini-2025-04-14', fine_tuned_model: 'ft:gpt-4.1-mini:acme::x1', status: 'succeeded' },
				{ id: 'ftjob-2', model: 'gpt-4.1-nano-2025-04-14', fine_tuned_model: null, status: 'running' },
				{ id: 'ftjob-3' },
			],
			has_more: false,
		}));
		const result = await listSearch.searchFineTuningJobs.call(context);
		expect(requests[0].url).toBe('/fine_tuning/jobs');
		expect(result).toEqual({
			results: [
				{ name: 'ft:gpt-4.1-mini:acme::x1 [succeeded] ftjob-1', value: 'ftjob-1' },
				{ name: 'gpt-4.1-nano-2025-04-14 [running] ftjob-2', value: 'ftjob-2' },
				{ name: 'ftjob-3', value: 'ftjob-3' },
			],
		});
	});
});
