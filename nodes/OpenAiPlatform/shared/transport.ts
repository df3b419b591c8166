import { randomUUID } from 'crypto';
import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiErrorFromException, apiErrorFromResponse, failureOf, malformedReplyError, redact, redactJson, toNodeError } from './errors';
import { normalizeBaseUrl } from './baseUrl';
import { isRedirect, redirectError, withAccept, withinDeadline } from './http';
import type { Ticket } from './pacer';
import { DEFAULT_MAX_CONCURRENCY, WaitEnded, estimateTokens, noteReply, pacerFor } from './pacer';
import type { RetryPolicy } from './retry';
import { DEFAULT_MAX_RATE_LIMIT_WAIT_MINUTES, DEFAULT_RETRY_POLICY, backoffDelayMs, isRetryable } from './retry';
import { isPlainObject } from './validation';

export const CREDENTIAL_TYPE = 'openAiPlatformApi';

export type RoutingRequest = DeclarativeRestApiSettings.ResultOptions;
export type PaginationFunction = (
	this: IExecutePaginationFunctions,
	requestData: RoutingRequest,
) => Promise<INodeExecutionData[]>;

/** The node settings every operation shares (Settings tab, "Request Options"). */
export function retryPolicyOf(context: IExecuteSingleFunctions): RetryPolicy {
	const maxRetries = Number(
		context.getNodeParameter('requestOptions.maxRetries', DEFAULT_RETRY_POLICY.maxRetries),
	);
	return { ...DEFAULT_RETRY_POLICY, maxRetries: Number.isFinite(maxRetries) ? Math.max(0, maxRetries) : 2 };
}

function maxConcurrencyOf(context: IExecuteSingleFunctions): number {
	const max = Number(context.getNodeParameter('requestOptions.maxConcurrency', DEFAULT_MAX_CONCURRENCY));
	return Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_MAX_CONCURRENCY;
}

/** The credential's fields whose values are secret: key, organization, project, and any other key or token (e.g. an admin key). */
const SECRET_FIELDS = ['apiKey', 'organizationId', 'projectId'];
const isSecretField = (name: string) => SECRET_FIELDS.includes(name) || /key|secret|token|password/i.test(name);

/** The secret values of a credential: the one list every redaction reads. */
export function secretValuesOf(credentials: ICredentialDataDecryptedObject): string[] {
	return Object.entries(credentials)
		.filter(([name, value]) => isSecretField(name) && typeof value === 'string' && value.length > 0)
		.map(([, value]) => String(value));
}

async function loadSecrets(context: IExecuteSingleFunctions): Promise<string[]> {
	try {
		return secretValuesOf(await context.getCredentials(CREDENTIAL_TYPE));
	} catch {
		return [];
	}
}

/** One lookup per execution and node (n8n reads credentials from its database), dropped when the execution ends. */
const secretsByRun = new Map<string, Promise<string[]>>();

/**
 * Values that must never reach an output item, an error or a log line: the one list every
 * redaction reads (errors, echoed replies and headers, debug output).
 */
export async function secretsOf(context: IExecuteSingleFunctions): Promise<string[]> {
	if (typeof context.onExecutionFinish !== 'function') return await loadSecrets(context);
	const node = context.getNode();
	const key = `${context.getExecutionId() ?? ''}\u0000${node.id ?? node.name}`;
	let secrets = secretsByRun.get(key);
	if (!secrets) {
		secrets = loadSecrets(context);
		secretsByRun.set(key, secrets);
		context.onExecutionFinish(() => secretsByRun.delete(key));
	}
	return await secrets;
}

const ownSignals = new WeakMap<object, AbortSignal | undefined>();

/**
 * The signal that says the execution was stopped. n8n 2.41 gives this node none through
 * getExecutionCancelSignal(): a declarative node with `methods` (ours has list searches) runs in a
 * context built without it. So, failing that, the node makes its own, aborted by the execution's
 * end hook (onExecutionFinish), which n8n also runs the moment an execution is stopped.
 */
export function cancelSignalOf(context: IExecuteSingleFunctions): AbortSignal | undefined {
	const given = context.getExecutionCancelSignal?.();
	if (given) return given;
	if (ownSignals.has(context)) return ownSignals.get(context);
	let signal: AbortSignal | undefined;
	if (typeof context.onExecutionFinish === 'function') {
		const controller = new AbortController();
		context.onExecutionFinish(() => controller.abort());
		signal = controller.signal;
	}
	ownSignals.set(context, signal);
	return signal;
}

/** The error for an item whose execution was stopped before it was done. */
export function stoppedError(context: IExecuteSingleFunctions, what: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `The execution was stopped ${what}`, { itemIndex: context.getItemIndex() });
}

function maxRateLimitWaitMsOf(context: IExecuteSingleFunctions): number {
	const minutes = Number(context.getNodeParameter('requestOptions.maxRateLimitWait', DEFAULT_MAX_RATE_LIMIT_WAIT_MINUTES));
	return (Number.isFinite(minutes) && minutes >= 0 ? minutes : DEFAULT_MAX_RATE_LIMIT_WAIT_MINUTES) * 60_000;
}

/** A full HTTP reply (openAiRequest's attempts return one; RoutingNode's return items). */
function isHttpReply(value: unknown): value is IN8nHttpFullResponse {
	return isPlainObject(value) && typeof (value as IDataObject).statusCode === 'number' && 'headers' in (value as IDataObject);
}

const formatWait = (ms: number) => (ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`);

/** The error of an item that was rate-limited for longer than its Max Rate-Limit Wait. */
function rateLimitWaitError(
	error: NodeApiError,
	wait: { itemIndex: number; rateLimits: number; since: number; now: number; startAt: number; maxWaitMs: number; lastMessage: string },
): NodeApiError {
	const held = Number.isFinite(wait.startAt) ? `; the server's limits would have held it ${formatWait(wait.startAt - wait.since)} in all` : '';
	error.message = `Item ${wait.itemIndex} was still rate-limited after its Max Rate-Limit Wait (${formatWait(wait.maxWaitMs)})`;
	error.description = `The server answered 429 to ${wait.rateLimits} of its requests over ${formatWait(wait.now - wait.since)}${held}. Last reply: ${wait.lastMessage}. Raise "Max Rate-Limit Wait", lower "Max Concurrent Requests", or spread the work over time.`;
	return error;
}

/**
 * Runs one request, possibly several times. Every attempt waits for the node execution's pacer
 * (shared/pacer.ts): a lane under Max Concurrent Requests, the end of any 429 pause, and room in
 * the server's limits. A 429 is waited out for as long as the item's Max Rate-Limit Wait allows,
 * without counting against Max Retries; other transient failures (408, 409, 5xx, reset, timeout)
 * are retried Max Retries times with backoff, outside the lanes, so waiting items hold no sockets.
 * Max Retries 0 retries nothing. A stopped execution ends every wait at once and sends nothing more.
 * `body`: the request's body, for the tokens-per-minute estimate.
 */
export async function withRetries<T>(
	context: IExecuteSingleFunctions,
	attempt: () => Promise<T>,
	policy: RetryPolicy = retryPolicyOf(context),
	body?: unknown,
): Promise<T> {
	const pacer = pacerFor(context, maxConcurrencyOf(context));
	const signal = cancelSignalOf(context);
	const itemIndex = context.getItemIndex();
	const tokens = estimateTokens(body);
	const maxWaitMs = maxRateLimitWaitMsOf(context);
	let rateLimitedSince: number | undefined;
	let rateLimits = 0;
	let lastRateLimit: { error: NodeApiError; message: string } | undefined;
	for (let retry = 0; ; ) {
		let ticket: Ticket;
		try {
			ticket = await pacer.acquire(itemIndex, tokens, signal, rateLimitedSince === undefined ? Infinity : rateLimitedSince + maxWaitMs);
		} catch (ended) {
			if (ended instanceof WaitEnded && ended.reason === 'deadline' && lastRateLimit && rateLimitedSince !== undefined) {
				throw rateLimitWaitError(lastRateLimit.error, {
					itemIndex,
					rateLimits,
					since: rateLimitedSince,
					now: pacer.clock.now(),
					startAt: ended.startAt,
					maxWaitMs,
					lastMessage: lastRateLimit.message,
				});
			}
			throw stoppedError(context, 'before the request was sent');
		}
		try {
			const result = await attempt();
			if (isHttpReply(result)) noteReply(context, result);
			pacer.finish(ticket, 'succeeded');
			return result;
		} catch (error) {
			// A bug is not an API failure: it surfaces as what it is, unretried.
			if (error instanceof TypeError || error instanceof ReferenceError) {
				pacer.finish(ticket, 'failed');
				throw new NodeOperationError(context.getNode(), error, { itemIndex });
			}
			if (error instanceof NodeOperationError) {
				pacer.finish(ticket, 'failed');
				if (!policy.retryAllErrors || retry >= policy.maxRetries || signal?.aborted) {
					throw new NodeOperationError(context.getNode(), error);
				}
				await pacer.sleep(backoffDelayMs(retry++, policy), signal);
				continue;
			}
			const apiError = apiErrorFromException(context.getNode(), error, {
				itemIndex,
				secrets: await secretsOf(context),
			});
			const failure = failureOf(apiError) ?? {};
			pacer.observe(ticket, failure.rateLimit);
			const retryable = policy.maxRetries > 0 && !signal?.aborted && isRetryable(failure, policy);
			if (failure.status === 429 && retryable) {
				pacer.finish(ticket, { rateLimitedFor: failure.retryAfterMs ?? backoffDelayMs(rateLimits, policy) });
				rateLimitedSince ??= pacer.clock.now();
				rateLimits++;
				lastRateLimit = { error: apiError, message: apiError.message };
				continue;
			}
			pacer.finish(ticket, 'failed');
			const attempts = retry + rateLimits + 1;
			if (!retryable || retry >= policy.maxRetries) {
				if (attempts > 1) apiError.description = `${apiError.description ?? ''} (after ${attempts} attempts)`.trim();
				throw apiError;
			}
			await pacer.sleep(backoffDelayMs(retry++, policy, failure.retryAfterMs), signal);
		}
	}
}

/**
 * An error item under Continue On Fail. An operation may name fields the next run needs in `context.errorItem`
 * (e.g. the thread ID of an assistant run that failed), so a workflow can carry on from the error item.
 */
function errorItemJson(error: unknown): IDataObject {
	const record = error as { message?: string; description?: string; httpCode?: string | null; context?: { errorItem?: unknown } };
	const extra = record.context?.errorItem;
	return {
		...(isPlainObject(extra) ? (extra as IDataObject) : {}),
		error: record.message ?? String(error),
		...(record.description ? { description: record.description } : {}),
		...(record.httpCode ? { httpCode: record.httpCode } : {}),
	};
}

/**
 * Pairs every output item with its input item, and under "Continue On Fail" turns a failure into
 * one error item for that input, so N items in always gives N results, none dropped or doubled.
 */
export async function settle(
	context: IExecuteSingleFunctions,
	run: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const item = context.getItemIndex();
	try {
		const items = await run();
		return items.map((entry) => ({ ...entry, pairedItem: { item } }));
	} catch (error) {
		if (!context.continueOnFail()) throw toNodeError(context.getNode(), error, item);
		// n8n moves an item to the error output when it carries `error` (its JSON alone would not
		// do: n8n only reads a JSON error whose item has no other keys than error, message, details).
		const toErrorOutput = context.getNode().onError === 'continueErrorOutput';
		return [{ json: errorItemJson(error), ...(toErrorOutput ? { error: toNodeError(context.getNode(), error, item) } : {}), pairedItem: { item } }];
	}
}

/**
 * Retries resend the same key, so a server that honours it (OpenAI does) creates one object even
 * when a reply was lost after the request arrived.
 */
export function addIdempotencyKey(options: Pick<IHttpRequestOptions, 'method' | 'headers'>): void {
	if ((options.method ?? 'GET').toUpperCase() !== 'POST') return;
	const headers = (options.headers ??= {}) as IDataObject;
	if (!Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key')) {
		headers['Idempotency-Key'] = `n8n-${randomUUID()}`;
	}
}

/**
 * One attempt of RoutingNode's request under the request's deadline (see `withinDeadline`): what
 * every pagination hook hands to `withRetries`.
 */
export async function routingAttempt(context: IExecutePaginationFunctions, requestData: RoutingRequest): Promise<INodeExecutionData[]> {
	return await withinDeadline(requestData.options, async () => await context.makeRoutingRequest(requestData));
}

/**
 * A pagination hook that sends the operation's one request through the shared path. `policyOf`
 * picks the retry policy; `finish` may add to the items (e.g. apiCall's debug output).
 */
export function sendWithPolicy(
	policyOf: (context: IExecuteSingleFunctions) => RetryPolicy,
	finish?: (context: IExecuteSingleFunctions, requestData: RoutingRequest, items: INodeExecutionData[]) => INodeExecutionData[],
): PaginationFunction {
	return async function (this, requestData) {
		addIdempotencyKey(requestData.options);
		return await settle(this, async () => {
			const items = await withRetries(this, async () => await routingAttempt(this, requestData), policyOf(this), requestData.options.body);
			return finish ? finish(this, requestData, items) : items;
		});
	};
}

/** The description's pagination hook: RoutingNode hands every request of every operation to it. */
export const sendRequest: PaginationFunction = sendWithPolicy(retryPolicyOf);

export interface CursorPagination {
	/** Page size to ask for; null for endpoints that take no `limit` (e.g. GET /models). */
	pageSize?: number | null;
	/** Where the list is in the page body. */
	dataProperty?: string;
}

const MAX_PAGES = 10_000;

/**
 * For list operations: follows OpenAI's cursor (`has_more`, `last_id` / `after`) until the list or
 * the user's limit ends. Reads the operation's "Return All" and "Limit" fields.
 */
export function paginateCursor({ pageSize = 100, dataProperty = 'data' }: CursorPagination = {}): PaginationFunction {
	return async function (this, requestData) {
		return await settle(this, async () => {
			const returnAll = this.getNodeParameter('returnAll', false) as boolean;
			const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', 50)));
			const collected: INodeExecutionData[] = [];
			const qs = (requestData.options.qs ??= {}) as IDataObject;
			const seenCursors = new Set<string>();
			for (let page = 0; page < MAX_PAGES && collected.length < limit; page++) {
				if (pageSize !== null) qs.limit = Math.min(pageSize, limit - collected.length);
				const [first] = await withRetries(this, async () => await routingAttempt(this, requestData));
				const body = (first?.json ?? {}) as IDataObject;
				const data = Array.isArray(body[dataProperty]) ? (body[dataProperty] as IDataObject[]) : [];
				collected.push(...data.map((json) => ({ json })));
				const last = data[data.length - 1];
				const cursor = (body.last_id as string | undefined) ?? (last?.id as string | undefined);
				if (!body.has_more || !cursor || seenCursors.has(cursor) || data.length === 0) break;
				seenCursors.add(cursor);
				qs.after = cursor;
			}
			return collected.slice(0, limit === Infinity ? undefined : limit);
		});
	};
}

/** The node's Settings > Request Options > Timeout (n8n's own option), when the user set one. */
function nodeTimeoutOf(context: IExecuteSingleFunctions): number | undefined {
	const timeout = Number(context.getNodeParameter('requestOptions.timeout', 0));
	return Number.isFinite(timeout) && timeout > 0 ? timeout : undefined;
}

/** Where a request goes, for messages: the Base URL and the path. */
function urlOf(options: IHttpRequestOptions): string {
	return `${options.baseURL ?? ''}${options.url ?? ''}`;
}

/**
 * A raw request outside RoutingNode's flow (polls, downloads, multi-step operations), with the
 * same retries, errors, deadline and redirect refusal as the operation's own request. The reply is
 * returned with any echoed secret redacted.
 */
export async function openAiRequest<T = IDataObject>(
	context: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<T> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const timeout = nodeTimeoutOf(context);
	const request: IHttpRequestOptions = withAccept({
		baseURL: String(credentials.baseUrl ?? ''),
		json: true,
		...(timeout ? { timeout } : {}),
		...options,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	});
	addIdempotencyKey(request);
	const response = await withRetries(context, async () => {
		const reply = await withinDeadline(request, async () => (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, request)) as IN8nHttpFullResponse);
		const secrets = await secretsOf(context);
		if (isRedirect(reply.statusCode)) {
			throw redirectError(context.getNode(), reply, { itemIndex: context.getItemIndex(), requestUrl: urlOf(request), redact: (text) => redact(text, secrets) });
		}
		if (reply.statusCode >= 400) {
			throw apiErrorFromResponse(context.getNode(), reply, {
				itemIndex: context.getItemIndex(),
				secrets,
				path: options.url,
			});
		}
		const malformed = malformedReplyError(context.getNode(), reply, {
			itemIndex: context.getItemIndex(),
			secrets,
			textAllowed: request.encoding === 'text',
			emptyAllowed: true,
		});
		if (malformed) throw malformed;
		return reply;
	}, undefined, request.body);
	return redactJson(response.body, await secretsOf(context)) as T;
}

/** postReceive, first on every operation: a redirect reply becomes a clear error naming its target, never an item. */
export async function refuseRedirect(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!isRedirect(response.statusCode)) return items;
	const secrets = await secretsOf(this);
	// A relative Location is resolved against the Base URL (the request's own URL is not at hand here).
	const requestUrl = `${normalizeBaseUrl((await this.getCredentials(CREDENTIAL_TYPE)).baseUrl)}/`;
	throw redirectError(this.getNode(), response, { itemIndex: this.getItemIndex(), requestUrl, redact: (text) => redact(text, secrets) });
}

/**
 * postReceive, before the operation's own hooks: a secret the server echoed in its reply (body or
 * headers) is replaced where the reply is kept, so no item, debug output or later hook sees it.
 * Bytes (binary replies) stay as they are.
 */
export async function redactReply(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const secrets = await secretsOf(this);
	const body = redactJson(response.body, secrets);
	const headers = redactJson(response.headers, secrets);
	if (body === response.body && headers === response.headers) return items;
	response.body = body;
	response.headers = headers;
	return items.map((item) => ({ ...item, json: redactJson(item.json, secrets) }));
}
