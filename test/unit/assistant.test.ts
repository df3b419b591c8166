import type { IDataObject, IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { listSearch } from '../../nodes/OpenAiPlatform/methods';
import { mergeTools } from '../../nodes/OpenAiPlatform/resources/assistant/shared';
import { idList, locatorValue } from '../../nodes/OpenAiPlatform/shared/validation';
import { awaitRun, isActiveRunError, startTurn } from '../../nodes/OpenAiPlatform/resources/assistant/thread';
import { hintFor } from '../../nodes/OpenAiPlatform/shared/errors';

describe('searchAssistants', () => {
	function fakeContext(reply: IDataObject) {
		const requests: IDataObject[] = [];
		const context = {
			getCredentials: async () => ({ baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-x' }),
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IDataObject) => {
					requests.push(options);
					return reply;
				},
			},
		} as unknown as ILoadOptionsFunctions;
		return { context, requests };
	}

	it('lists assistants by name with the beta header and pages on', async () => {
		const { context, requests } = fakeContext({
			data: [{ id: 'asst_1', name: 'Support' }, { id: 'asst_2', name: null }],
			has_more: true,
			last_id: 'asst_2',
		});
		const result = await listSearch.searchAssistants.call(context, undefined, 'asst_0');
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'GET',
				url: '/assistants',
				qs: { limit: 100, after: 'asst_0' },
				headers: { 'OpenAI-Beta': 'assistants=v2' },
			}),
		]);
		expect(result).toEqual({
			results: [
				{ name: 'Support', value: 'asst_1' },
				{ name: 'asst_2', value: 'asst_2' },
			],
			paginationToken: 'asst_2',
		});
	});

	it('filters by name or ID and survives a sparse reply', async () => {
		const { context } = fakeContext({ data: [{ id: 'asst_1', name: 'Support' }, { id: 'asst_2', name: 'Sales' }] });
		expect((await listSearch.searchAssistants.call(context, 'sal')).results).toEqual([{ name: 'Sales', value: 'asst_2' }]);
		expect(await listSearch.searchAssistants.call(fakeContext({}).context)).toEqual({ results: [] });
	});
});

describe('hintFor on the Assistants API', () => {
	it.each([
		[404, { message: 'Invalid URL (POST /v1/assistants)' }, '/assistant'],
		[404, { message: 'Not Found' }, '/threads/thread_1/runs'],
		[404, {}, '/assistant'],
		[410, { message: 'Gone' }, '/threads'],
		[404, { message: 'The Assistants API has been deprecated.' }, '/assistant'],
	])('says the endpoint is gone: HTTP %i %j %s', (status, details, path) => {
		expect(hintFor(status, details, path)).toContain('does not serve the Assistants API');
	});

	it.each([
		[404, { message: "No assistant found with id 'asst_x'." }, '/assistant'],
		[404, { message: "No thread found with id 'thread_x'." }, '/threads/thread_x/messages'],
		[404, { message: 'Invalid URL (POST /v1/assistants)' }, '/models'],
	])('keeps the ordinary hint for a missing object: HTTP %i %j %s', (status, details, path) => {
		expect(hintFor(status, details, path) ?? '').not.toContain('Assistants API');
	});
});

describe('assistant helpers', () => {
	it('merges tools: same built-in or same function name is replaced, others kept', () => {
		const fn = (name: string, description: string) => ({ type: 'function' as const, function: { name, description } });
		expect(
			mergeTools([{ type: 'code_interpreter' }, fn('a', 'old'), fn('b', 'old'), null, { nope: 1 }], [{ type: 'code_interpreter' }, fn('b', 'new')]),
		).toEqual([fn('a', 'old'), { type: 'code_interpreter' }, fn('b', 'new')]);
		expect(mergeTools(undefined, [{ type: 'file_search' }])).toEqual([{ type: 'file_search' }]);
	});

	it('reads ID lists and locator values in every shape', () => {
		expect(idList('file-a, file-b\nfile-c  ')).toEqual(['file-a', 'file-b', 'file-c']);
		expect(idList(['file-a', ' ', 'file-b'])).toEqual(['file-a', 'file-b']);
		expect(idList(undefined)).toEqual([]);
		expect(locatorValue({ __rl: true, mode: 'list', value: ' asst_1 ' })).toBe('asst_1');
		expect(locatorValue('asst_2')).toBe('asst_2');
		expect(locatorValue(null)).toBe('');
	});

	it('recognises the "run is active" refusal', () => {
		expect(isActiveRunError({ httpCode: '400', message: "Can't add messages to thread_1 while a run run_1 is active." })).toBe(true);
		expect(isActiveRunError({ httpCode: '400', message: 'Thread thread_1 already has an active run run_1.' })).toBe(true);
		expect(isActiveRunError({ httpCode: '400', message: 'Invalid value for assistant_id' })).toBe(false);
		expect(isActiveRunError({ httpCode: '500', message: 'run is active' })).toBe(false);
	});
});

describe('run polling and the execution cancel signal', () => {
	// A context that has a cancel signal of its own (n8n 2.41 gives this node none, so in a real run the node makes one
	// from the execution's end hook: test/fault/pollers.test.ts stops real executions).
	function pollingContext(signal: AbortSignal) {
		const urls: string[] = [];
		const context = {
			getNode: () => ({ id: 'n', name: 'OpenAI', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }),
			getItemIndex: () => 0,
			getExecutionId: () => 'cancel-test',
			getExecutionCancelSignal: () => signal,
			getNodeParameter: (_name: string, fallback: unknown) => fallback,
			getCredentials: async () => ({ baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-x' }),
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: { url: string }) => {
					urls.push(options.url);
					return { statusCode: 200, headers: {}, body: { id: 'run_1', status: 'in_progress' } };
				},
			},
		} as unknown as IExecuteSingleFunctions;
		return { context, urls };
	}

	it('stops waiting as soon as the execution is cancelled, long before the timeout', async () => {
		const controller = new AbortController();
		const { context, urls } = pollingContext(controller.signal);
		const turn = startTurn(context, 'thread_1', 3600);
		const waiting = awaitRun(turn, { id: 'run_1', status: 'queued' }, true);
		controller.abort();
		await expect(waiting).rejects.toThrow('The execution was cancelled while waiting for the run');
		// The pending sleep woke at once: no poll was sent after the cancellation.
		expect(urls).toEqual([]);
	});

	it('polls until the run settles and returns its last state', async () => {
		const controller = new AbortController();
		const { context, urls } = pollingContext(controller.signal);
		let polls = 0;
		(context.helpers as unknown as { httpRequestWithAuthentication: unknown }).httpRequestWithAuthentication = async (_type: string, options: { url: string }) => {
			urls.push(options.url);
			polls++;
			return { statusCode: 200, headers: {}, body: { status: polls < 2 ? 'in_progress' : 'completed', usage: { total_tokens: 3 } } };
		};
		const state = await awaitRun(startTurn(context, 'thread_1', 60), { id: 'run_1', status: 'queued' }, true);
		expect(state).toEqual({ id: 'run_1', status: 'completed', usage: { total_tokens: 3 } });
		expect(urls).toEqual(['/threads/thread_1/runs/run_1', '/threads/thread_1/runs/run_1']);
	});
});
