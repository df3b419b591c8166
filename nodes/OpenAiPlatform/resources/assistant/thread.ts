import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Message } from 'openai/resources/beta/threads/messages';
import type { Run, RunStatus } from 'openai/resources/beta/threads/runs/runs';

import { toNodeError } from '../../shared/errors';
import type { RetryPolicy } from '../../shared/retry';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, waitOrAbort } from '../../shared/retry';
import { cancelSignalOf, openAiRequest } from '../../shared/transport';
import { fail } from '../../shared/validation';
import { ASSISTANTS_BETA } from './shared';
import type { ToolOutput } from './toolOutputs';

/** What an active run on the thread gets: waited for, or cancelled. */
export type ActiveRunPolicy = 'wait' | 'cancel';

/** One "message" turn on one thread, with the deadline every wait of it shares. */
export interface Turn {
	context: IExecuteSingleFunctions;
	threadId: string;
	timeoutSeconds: number;
	deadline: number;
	signal?: AbortSignal;
}

/** Runs are polled with a growing pause: 0.4 s, 0.8 s, 1.6 s ... up to 5 s, less up to 25 % jitter. */
const POLL_POLICY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 400, maxDelayMs: 5_000, exponential: true };

/** A run in one of these blocks the thread: no message can be added and no other run started. */
const ACTIVE: ReadonlySet<string> = new Set<RunStatus>(['queued', 'in_progress', 'requires_action', 'cancelling']);

/** Where our own run stops being polled: it finished, or it waits for the workflow's tool outputs. */
export const SETTLED: ReadonlySet<string> = new Set<RunStatus>(['completed', 'incomplete', 'failed', 'cancelled', 'expired', 'requires_action']);

/** Where someone else's run no longer blocks the thread. */
const FREED: ReadonlySet<string> = new Set<RunStatus>(['completed', 'incomplete', 'failed', 'cancelled', 'expired']);

/** Where waiting for someone else's run ends: it freed the thread, or it waits for tool outputs, which never come by themselves. */
const WAIT_ENDS: ReadonlySet<string> = new Set<string>([...FREED, 'requires_action']);

export function startTurn(context: IExecuteSingleFunctions, threadId: string, timeoutSeconds: number): Turn {
	const signal = cancelSignalOf(context);
	return { context, threadId, timeoutSeconds, deadline: Date.now() + timeoutSeconds * 1000, signal };
}

export async function threadsRequest<T = IDataObject>(
	turn: Pick<Turn, 'context'>,
	method: IHttpRequestOptions['method'],
	url: string,
	extra: Pick<IHttpRequestOptions, 'body' | 'qs'> = {},
): Promise<T> {
	const reply = await openAiRequest<T>(turn.context, { method, url, headers: { ...ASSISTANTS_BETA }, ...extra });
	return (reply ?? {}) as T;
}

const runUrl = (turn: Turn, runId: string) => `/threads/${encodeURIComponent(turn.threadId)}/runs/${encodeURIComponent(runId)}`;

function checkNotCancelled(turn: Turn): void {
	if (turn.signal?.aborted) {
		throw new NodeOperationError(turn.context.getNode(), 'The execution was cancelled while waiting for the run', {
			itemIndex: turn.context.getItemIndex(),
		});
	}
}

/**
 * The error for a run that gave no reply. Its IDs are fields of the Continue On Fail item
 * (`context.errorItem`, see shared/transport.ts), so the next message can reuse the thread, and
 * they lead the description for a reader of a failed execution.
 */
export function runError(turn: Turn, runId: string, message: string, advice?: string): never {
	const error = new NodeOperationError(turn.context.getNode(), message, {
		itemIndex: turn.context.getItemIndex(),
		description: [`Thread ID: ${turn.threadId}; Run ID: ${runId}.`, advice].filter(Boolean).join(' '),
	});
	error.context.errorItem = { threadId: turn.threadId, runId };
	throw error;
}

/** The run's ID; a reply without one cannot be followed. */
export function runIdOf(turn: Turn, run: Partial<Run> | undefined, what: string): string {
	const id = typeof run?.id === 'string' ? run.id : '';
	if (!id) fail(turn.context, `The server's reply to ${what} has no run ID`, `Thread ID: ${turn.threadId}`);
	return id;
}

/**
 * Polls the run with backoff (never busy-waiting: n8n's sleep, woken by the execution's cancel
 * signal when there is one) until its status is in `until` or the turn's deadline passes.
 * Returns the last state seen; the caller tells a timeout from `until`.
 */
async function pollRun(turn: Turn, run: Partial<Run>, until: ReadonlySet<string>): Promise<Partial<Run>> {
	const runId = runIdOf(turn, run, 'the run request');
	let current = run;
	for (let poll = 0; !until.has(String(current.status)); poll++) {
		const remaining = turn.deadline - Date.now();
		if (remaining <= 0) break;
		await waitOrAbort(Math.min(backoffDelayMs(poll, POLL_POLICY), remaining), turn.signal);
		checkNotCancelled(turn);
		current = { id: runId, ...(await threadsRequest<Partial<Run>>(turn, 'GET', runUrl(turn, runId))) };
	}
	return current;
}

/** Asks the server to cancel a run; a run that ended meanwhile (the server refuses then) is simply read again. */
async function cancelRun(turn: Turn, runId: string): Promise<Partial<Run>> {
	try {
		return { id: runId, ...(await threadsRequest<Partial<Run>>(turn, 'POST', `${runUrl(turn, runId)}/cancel`)) };
	} catch (error) {
		const status = Number((error as { httpCode?: string }).httpCode);
		if (status !== 400 && status !== 409) throw toNodeError(turn.context.getNode(), error, turn.context.getItemIndex());
		return { id: runId, ...(await threadsRequest<Partial<Run>>(turn, 'GET', runUrl(turn, runId))) };
	}
}

/** The thread's newest run (runs are listed newest first), or undefined when it has none. */
async function newestRun(turn: Turn): Promise<Partial<Run> | undefined> {
	const list = await threadsRequest(turn, 'GET', `/threads/${encodeURIComponent(turn.threadId)}/runs`, { qs: { limit: 1, order: 'desc' } });
	const newest = (Array.isArray(list.data) ? (list.data as Array<Partial<Run>>) : [])[0];
	return newest && typeof newest === 'object' ? newest : undefined;
}

/** Waiting for a run that requires action would only end at the timeout: the run waits for us. */
function waitingForOutputs(turn: Turn, runId: string): never {
	return runError(
		turn,
		runId,
		`Thread ${turn.threadId} has run ${runId} waiting for tool outputs ("requires_action"); it does not finish by itself`,
		'Submit its tool outputs (set "Send" to "Tool Outputs"), or set "If Thread Has an Active Run" to "Cancel It" to drop them and send the message.',
	);
}

/**
 * Makes sure no run blocks the thread: the newest run, if still active, is waited for or
 * cancelled (and then waited for until the cancellation took), all within the turn's timeout.
 * A run that requires action is not waited for: it fails the item at once.
 */
export async function freeThread(turn: Turn, policy: ActiveRunPolicy): Promise<void> {
	const newest = await newestRun(turn);
	if (!newest || !ACTIVE.has(String(newest.status))) return;
	const runId = runIdOf(turn, newest, 'listing the runs');
	let state = policy === 'cancel' && newest.status !== 'cancelling' ? await cancelRun(turn, runId) : newest;
	state = await pollRun(turn, state, policy === 'wait' ? WAIT_ENDS : FREED);
	if (policy === 'wait' && state.status === 'requires_action') waitingForOutputs(turn, runId);
	if (!FREED.has(String(state.status))) {
		runError(
			turn,
			runId,
			`Timeout: thread ${turn.threadId} was still busy with run ${runId} ("${String(state.status)}") after ${turn.timeoutSeconds} seconds`,
			policy === 'wait'
				? 'Set "If Thread Has an Active Run" to "Cancel It" to stop the other run instead of waiting for it, or raise "Timeout".'
				: 'The server did not finish cancelling the run in time. Raise "Timeout" or try again later.',
		);
	}
}

/**
 * The run "Tool Outputs" answers when no "Run ID" is given: the thread's newest run, which must
 * be waiting for them (an older run cannot be: a thread has one active run at most).
 */
export async function runAwaitingOutputs(turn: Turn): Promise<Partial<Run>> {
	const newest = await newestRun(turn);
	if (!newest) fail(turn.context, `Tool Outputs: thread ${turn.threadId} has no run to submit them to`, 'Send a message first; its run asks for the tool outputs.');
	const runId = runIdOf(turn, newest, 'listing the runs');
	if (newest.status !== 'requires_action') {
		runError(
			turn,
			runId,
			`Tool Outputs: no run on thread ${turn.threadId} waits for tool outputs (its newest run is "${String(newest.status)}")`,
			newest.status === 'expired'
				? 'The run expired before the outputs came; send the message again.'
				: 'Only a run with status "requires_action" takes tool outputs.',
		);
	}
	return newest;
}

/** Hands the outputs to the waiting run, which then goes on (it is polled like a new run). */
export async function submitToolOutputs(turn: Turn, runId: string, outputs: ToolOutput[]): Promise<Partial<Run>> {
	const reply = await threadsRequest<Partial<Run>>(turn, 'POST', `${runUrl(turn, runId)}/submit_tool_outputs`, {
		body: { tool_outputs: outputs } as unknown as IDataObject,
	});
	// The run we submitted to is the run to follow, whatever ID the reply carries.
	return { ...reply, id: runId };
}

/** True for the 400 a server sends when a run became active on the thread after we looked. */
export function isActiveRunError(error: unknown): boolean {
	const record = error as { httpCode?: string; message?: string };
	return record?.httpCode === '400' && /\b(run|runs)\b.*\bactive\b|\bactive run\b/i.test(record.message ?? '');
}

/**
 * Runs one request that an active run on the thread would refuse. `checkFirst` looks for one
 * before the first attempt; when the server still refuses (a run started in between), the
 * thread is freed again and the request retried, at most twice.
 */
export async function whenThreadFree<T>(turn: Turn, policy: ActiveRunPolicy, checkFirst: boolean, send: () => Promise<T>): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		if (checkFirst || attempt > 0) await freeThread(turn, policy);
		try {
			return await send();
		} catch (error) {
			if (attempt >= 2 || !isActiveRunError(error)) throw toNodeError(turn.context.getNode(), error, turn.context.getItemIndex());
		}
	}
}

/**
 * Waits for our own run to settle. On timeout it is cancelled (unless the user keeps it running)
 * so the thread is free for the next message, and the error names the run and the thread.
 */
export async function awaitRun(turn: Turn, run: Partial<Run>, cancelOnTimeout: boolean): Promise<Partial<Run>> {
	const state = await pollRun(turn, run, SETTLED);
	if (SETTLED.has(String(state.status))) return state;
	const runId = runIdOf(turn, state, 'the run request');
	let cancelled = false;
	if (cancelOnTimeout) {
		try {
			await cancelRun(turn, runId);
			cancelled = true;
		} catch {
			// The timeout is the error to report; a failed cancel only changes the advice.
		}
	}
	return runError(
		turn,
		runId,
		`Timeout: the run did not finish within ${turn.timeoutSeconds} seconds`,
		`It was still "${String(state.status)}". ${
			cancelled ? 'It was cancelled.' : 'It may still be running; the next message on this thread waits for it or cancels it.'
		} Raise "Timeout" for long runs.`,
	);
}

const MAX_MESSAGE_PAGES = 10;

/** The messages the run wrote, oldest first. Servers that ignore `run_id` still only give us this run's messages. */
export async function runMessages(turn: Turn, runId: string): Promise<Array<Partial<Message>>> {
	const messages: Array<Partial<Message>> = [];
	const qs: IDataObject = { run_id: runId, order: 'asc', limit: 100 };
	for (let page = 0; page < MAX_MESSAGE_PAGES; page++) {
		const body = await threadsRequest(turn, 'GET', `/threads/${encodeURIComponent(turn.threadId)}/messages`, { qs });
		const data = Array.isArray(body.data) ? (body.data as Array<Partial<Message>>) : [];
		messages.push(...data.filter((message) => message && typeof message === 'object' && (!message.run_id || message.run_id === runId)));
		const cursor = (body.last_id as string | undefined) ?? data[data.length - 1]?.id;
		if (!body.has_more || !cursor || cursor === qs.after) break;
		qs.after = cursor;
	}
	return messages;
}
