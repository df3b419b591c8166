import type { IDataObject, IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { Run } from 'openai/resources/beta/threads/runs/runs';

import { listSearch } from '../../nodes/OpenAiPlatform/methods';
import { mergeTools } from '../../nodes/OpenAiPlatform/resources/assistant/shared';
import { idList, locatorValue } from '../../nodes/OpenAiPlatform/shared/validation';
import { awaitRun, freeThread, isActiveRunError, runError, startTurn } from '../../nodes/OpenAiPlatform/resources/assistant/thread';
import { checkOutputsAnswerCalls, sendModeOf, toolOutputsOf } from '../../nodes/OpenAiPlatform/resources/assistant/toolOutputs';
import { hintFor } from '../../nodes/OpenAiPlatform/shared/errors';

describe('searchAssistants', () => {
	function fakeContext(reply: IDataObject) {
		const requests: IDataObject[] = [];
		const context = {
			getCredentials: async () => ({ baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-x' }),
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IDataObject) => {
					requests.push(options);
					// List searches ask for the full response (status errors and redirects are theirs to read).
					return { statusCode: 200, headers: {}, body: reply };
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
				headers: { Accept: 'application/json', 'OpenAI-Beta': 'assistants=v2' },
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

describe('tool outputs', () => {
	function parameterContext(parameters: IDataObject) {
		return {
			getNode: () => ({ id: 'n', name: 'OpenAI', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }),
			getItemIndex: () => 3,
			getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		} as unknown as IExecuteSingleFunctions;
	}
	// A tool call without an ID stands for a sparse server reply, which the SDK's types do not allow.
	const waiting = (ids: Array<string | undefined>) =>
		({
			id: 'run_1',
			status: 'requires_action',
			required_action: { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: ids.map((id) => ({ id, type: 'function', function: { name: 'f', arguments: '{}' } })) } },
		}) as unknown as Partial<Run>;

	it('takes an array an expression already parsed, trims the IDs and keeps only the two keys', () => {
		const context = parameterContext({ toolOutputs: [{ tool_call_id: ' call_1 ', output: '', extra: 1 }] });
		expect(toolOutputsOf(context)).toEqual([{ tool_call_id: 'call_1', output: '' }]);
	});

	it('names the field and the item in its errors', () => {
		expect(() => toolOutputsOf(parameterContext({ toolOutputs: '[{"tool_call_id": 5, "output": "x"}]' }))).toThrow(
			expect.objectContaining({ message: 'Tool Outputs: entry 1 needs "tool_call_id", the ID of the tool call it answers (a string)', context: expect.objectContaining({ itemIndex: 3 }) }),
		);
		expect(() => toolOutputsOf(parameterContext({ toolOutputs: '"text"' }))).toThrow('Tool Outputs: must be a JSON array of {"tool_call_id", "output"} objects, got string');
	});

	it('defaults to the message mode, as workflows made before the field have it', () => {
		expect(sendModeOf(parameterContext({}))).toBe('message');
		expect(sendModeOf(parameterContext({ send: 'toolOutputs' }))).toBe('toolOutputs');
	});

	it("checks the outputs against the run's tool calls only when the run names them", () => {
		const context = parameterContext({});
		const one = [{ tool_call_id: 'call_1', output: 'x' }];
		expect(() => checkOutputsAnswerCalls(context, waiting(['call_1']), one)).not.toThrow();
		expect(() => checkOutputsAnswerCalls(context, { id: 'run_1', status: 'requires_action' }, one)).not.toThrow();
		expect(() => checkOutputsAnswerCalls(context, waiting([undefined]), one)).not.toThrow();
		expect(() => checkOutputsAnswerCalls(context, waiting(['call_1', 'call_2']), one)).toThrow('Tool Outputs: no output for "call_2"');
		expect(() => checkOutputsAnswerCalls(context, waiting(['call_2']), one)).toThrow('Tool Outputs: "call_1" is not a tool call of the run');
	});

	it('puts the thread and run IDs first in the description and on the error', () => {
		const turn = startTurn(parameterContext({}), 'thread_1', 1);
		let caught: unknown;
		try {
			runError(turn, 'run_1', 'The run ended', 'Try again.');
		} catch (error) {
			caught = error;
		}
		expect(caught).toMatchObject({ message: 'The run ended', description: 'Thread ID: thread_1; Run ID: run_1. Try again.', context: { itemIndex: 3, errorItem: { threadId: 'thread_1', runId: 'run_1' } } });
	});
});

describe('freeThread and a run that requires action', () => {
	function listingContext(status: string) {
		const requests: Array<{ method: string; url: string }> = [];
		const context = {
			getNode: () => ({ id: 'n', name: 'OpenAI', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }),
			getItemIndex: () => 0,
			getExecutionId: () => 'free-thread-test',
			getExecutionCancelSignal: () => new AbortController().signal,
			getNodeParameter: (_name: string, fallback: unknown) => fallback,
			getCredentials: async () => ({ baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-x' }),
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: { method: string; url: string }) => {
					requests.push({ method: options.method, url: options.url });
					if (options.url.endsWith('/cancel')) return { statusCode: 200, headers: {}, body: { id: 'run_1', status: 'cancelled' } };
					return { statusCode: 200, headers: {}, body: { data: [{ id: 'run_1', status }] } };
				},
			},
		} as unknown as IExecuteSingleFunctions;
		return { context, requests };
	}

	it('refuses to wait for it: it would only end at the timeout', async () => {
		const { context, requests } = listingContext('requires_action');
		await expect(freeThread(startTurn(context, 'thread_1', 3600), 'wait')).rejects.toThrow(/waiting for tool outputs/);
		expect(requests.map((r) => r.url)).toEqual(['/threads/thread_1/runs']);
	});

	it('cancels it when asked to', async () => {
		const { context, requests } = listingContext('requires_action');
		await freeThread(startTurn(context, 'thread_1', 60), 'cancel');
		expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /threads/thread_1/runs', 'POST /threads/thread_1/runs/run_1/cancel']);
	});
});
