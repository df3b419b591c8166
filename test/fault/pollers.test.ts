/**
 * The operations that wait (response.create in background mode, assistant.message, batch.getResults
 * with "Wait Until Complete", video.generate with "Wait for Video") against a server whose work never finishes: each must stop at its
 * timeout with a clear error, and stop polling as soon as the execution is stopped.
 *
 * n8n 2.41 hands this node no cancel signal (getExecutionCancelSignal() is undefined: n8n runs a
 * declarative node that has `methods` through a context built without one), so the node takes the
 * stop from the execution's end hook, which n8n runs the moment an execution is stopped. The
 * harness stops executions the way n8n does, through the PCancelable the execution returns.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { ok, startFaultServer } from '../support/faultServer';

function fixtureParameters(name: string): IDataObject {
	return (JSON.parse(readFileSync(path.join(__dirname, '..', 'contract', 'fixtures', `${name}.json`), 'utf8')) as { parameters: IDataObject }).parameters;
}

interface Poller {
	name: string;
	/** The operation's parameters with its timeout (seconds) set. */
	parameters: (timeoutSeconds: number) => IDataObject;
	/** The server's answers: the work is accepted, then never finishes. */
	plan: (request: ReceivedRequest) => FaultAction;
	isPoll: (request: ReceivedRequest) => boolean;
	timeoutError: RegExp;
	/** What the node does with the work at the timeout, if anything. */
	cancelsAtTimeout: (request: ReceivedRequest) => boolean;
}

const run = (status: string) => ({ id: 'run_1', object: 'thread.run', thread_id: 'thread_1', assistant_id: 'asst_abc123', status, created_at: 1 });

const POLLERS: Poller[] = [
	{
		name: 'response.create (background)',
		parameters: (timeout) => {
			const parameters = fixtureParameters('response.create.background');
			(parameters.options as IDataObject).backgroundTimeout = timeout;
			return parameters;
		},
		plan: (r) =>
			r.path.endsWith('/cancel')
				? ok({ id: 'resp_1', object: 'response', status: 'cancelled', output: [] })
				: ok({ id: 'resp_1', object: 'response', created_at: 1, model: 'gpt-4.1-mini', status: r.method === 'POST' ? 'queued' : 'in_progress', output: [] }),
		isPoll: (r) => r.method === 'GET' && r.path === '/v1/responses/resp_1',
		timeoutError: /^Background Timeout: response resp_1 was still in_progress after 1 s$/,
		cancelsAtTimeout: (r) => r.method === 'POST' && r.path === '/v1/responses/resp_1/cancel',
	},
	{
		name: 'assistant.message',
		parameters: (timeout) => {
			const parameters = fixtureParameters('assistant.message.newThread');
			(parameters.options as IDataObject).timeout = timeout;
			return parameters;
		},
		plan: (r) => {
			if (r.method === 'POST' && r.path === '/v1/threads') return ok({ id: 'thread_1', object: 'thread', created_at: 1, metadata: {} });
			if (r.path.endsWith('/cancel')) return ok(run('cancelling'));
			return ok(run(r.method === 'POST' ? 'queued' : 'in_progress'));
		},
		isPoll: (r) => r.method === 'GET' && r.path === '/v1/threads/thread_1/runs/run_1',
		timeoutError: /^Timeout: the run did not finish within 1 seconds$/,
		cancelsAtTimeout: (r) => r.method === 'POST' && r.path === '/v1/threads/thread_1/runs/run_1/cancel',
	},
	{
		name: 'batch.getResults (wait)',
		parameters: (timeout) => {
			const parameters = fixtureParameters('batch.getResults.wait');
			(parameters.options as IDataObject).timeout = timeout;
			return parameters;
		},
		plan: () =>
			ok({ id: 'batch_abc123', object: 'batch', endpoint: '/v1/chat/completions', input_file_id: 'file-1', completion_window: '24h', status: 'in_progress', created_at: 1, request_counts: { total: 10, completed: 3, failed: 0 } }),
		isPoll: (r) => r.method === 'GET' && r.path === '/v1/batches/batch_abc123',
		timeoutError: /^Batch batch_abc123 is still in_progress after 1 seconds$/,
		cancelsAtTimeout: () => false,
	},
	{
		name: 'vectorStore.addFiles (wait until processed)',
		parameters: (timeout) => {
			const parameters = fixtureParameters('vectorStore.addFiles');
			Object.assign(parameters.options as IDataObject, { waitUntilProcessed: true, timeout });
			return parameters;
		},
		plan: () => ok({ id: 'vsfb_1', object: 'vector_store.files_batch', created_at: 1, vector_store_id: 'vs_abc123', status: 'in_progress', file_counts: { in_progress: 2, completed: 0, failed: 0, cancelled: 0, total: 2 } }),
		isPoll: (r) => r.method === 'GET' && r.path === '/v1/vector_stores/vs_abc123/file_batches/vsfb_1',
		timeoutError: /^File batch vsfb_1 is still in_progress after 1 seconds/,
		cancelsAtTimeout: () => false,
	},
	{
		name: 'video.generate (wait)',
		parameters: (timeout) => {
			const parameters = fixtureParameters('video.generate.wait');
			(parameters.options as IDataObject).waitTimeout = timeout;
			return parameters;
		},
		plan: (r) => ok({ id: 'video_1', object: 'video', model: 'sora-2', status: r.method === 'POST' ? 'queued' : 'in_progress', progress: 10, created_at: 1 }),
		isPoll: (r) => r.method === 'GET' && r.path === '/v1/videos/video_1',
		timeoutError: /^Wait Timeout: video video_1 was still in_progress after 1 s$/,
		cancelsAtTimeout: () => false,
	},
];

let server: FaultServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

const figures: string[] = [];
afterAll(() => console.log(`pollers: ${POLLERS.length} pollers\n| poller | case | polls | after the stop | outcome |\n|---|---|---|---|---|\n${figures.join('\n')}`));

const quiet = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe.each(POLLERS)('$name', (poller) => {
	it('stops at its timeout with a clear error', async () => {
		server = await startFaultServer(poller.plan);
		const result = await runWorkflow(singleNodeWorkflow(poller.parameters(1)), credentialsFor(server.url));
		const polls = server.requests.filter(poller.isPoll).length;
		const cancels = server.requests.filter(poller.cancelsAtTimeout).length;
		figures.push(`| ${poller.name} | timeout 1 s | ${polls} | - | ${result.error?.message ?? 'no error'}${cancels ? ` (work cancelled: ${cancels} request)` : ''} |`);
		expect(result.error?.message).toMatch(poller.timeoutError);
		expect(result.error?.context?.itemIndex).toBe(0);
		// Polls back off (0.4 s or 0.5 s growing, or the poll interval): a handful per second, never a busy loop.
		expect(polls).toBeGreaterThanOrEqual(1);
		expect(polls).toBeLessThanOrEqual(5);
	});

	it('stops polling as soon as the execution is stopped', async () => {
		server = await startFaultServer(poller.plan);
		// A timeout far away: only the stop can end the wait.
		const result = await runWorkflow(singleNodeWorkflow(poller.parameters(600)), credentialsFor(server.url), { abortAfterMs: 300 });
		const atStop = server.requests.length;
		const pollsBefore = server.requests.filter(poller.isPoll).length;
		// Without the stop, 2.5 s more would see at least one more poll from each poller (their waits start at 0.4, 0.5 and 1 s).
		await quiet(2500);
		const after = server.requests.slice(atStop);
		figures.push(`| ${poller.name} | stopped after 300 ms, timeout 600 s | ${pollsBefore} | ${after.length} requests | run status ${result.run.status} |`);
		expect(result.run.status).toBe('canceled');
		expect(after.map((r) => `${r.method} ${r.path}`)).toEqual([]);
	});
});
