import { randomUUID } from 'crypto';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiErrorFromException, apiErrorFromResponse, failureOf, malformedReplyError, toNodeError } from './errors';
import { DEFAULT_MAX_CONCURRENCY, limiterFor } from './limiter';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, isRetryable, waitOrAbort } from './retry';
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

/** Values that must never reach an output item, an error or a log line. */
export async function secretsOf(context: IExecuteSingleFunctions): Promise<string[]> {
	try {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		return [credentials.apiKey, credentials.organizationId, credentials.projectId, credentials.adminApiKey]
			.filter((value) => typeof value === 'string' && value.length > 0)
			.map(String);
	} catch {
		return [];
	}
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

/**
 * Runs one request, possibly several times: each attempt waits for a slot under the node's
 * concurrency bound, and a transient failure (408, 409, 429, 5xx, reset, timeout) is retried with
 * backoff after the slot is given back, so waiting items do not hold sockets. A stopped execution
 * ends a wait at once and sends no further attempt.
 */
export async function withRetries<T>(
	context: IExecuteSingleFunctions,
	attempt: () => Promise<T>,
	policy: RetryPolicy = retryPolicyOf(context),
): Promise<T> {
	const limiter = limiterFor(context, maxConcurrencyOf(context));
	const signal = cancelSignalOf(context);
	const itemIndex = context.getItemIndex();
	// A stopped execution sends nothing more, also from items still waiting for a slot.
	const unlessStopped = async () => {
		if (signal?.aborted) throw stoppedError(context, 'before the request was sent');
		return await attempt();
	};
	for (let retry = 0; ; retry++) {
		try {
			return await limiter.run(unlessStopped, signal);
		} catch (error) {
			// A bug is not an API failure: it surfaces as what it is, unretried.
			if (error instanceof TypeError || error instanceof ReferenceError) {
				throw new NodeOperationError(context.getNode(), error, { itemIndex });
			}
			if (error instanceof NodeOperationError) {
				if (!policy.retryAllErrors || retry >= policy.maxRetries || signal?.aborted) {
					throw new NodeOperationError(context.getNode(), error);
				}
				await waitOrAbort(backoffDelayMs(retry, policy), signal);
				continue;
			}
			const apiError = apiErrorFromException(context.getNode(), error, {
				itemIndex,
				secrets: await secretsOf(context),
			});
			const failure = failureOf(apiError) ?? {};
			if (retry >= policy.maxRetries || signal?.aborted || !isRetryable(failure, policy)) {
				if (retry > 0) apiError.description = `${apiError.description ?? ''} (after ${retry + 1} attempts)`.trim();
				throw apiError;
			}
			const delay = backoffDelayMs(retry, policy, failure.retryAfterMs);
			if (failure.status === 429) limiter.pauseUntil(Date.now() + delay);
			await waitOrAbort(delay, signal);
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
		if (context.continueOnFail()) return [{ json: errorItemJson(error), pairedItem: { item } }];
		throw toNodeError(context.getNode(), error, item);
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
			const items = await withRetries(this, async () => await this.makeRoutingRequest(requestData), policyOf(this));
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
				const [first] = await withRetries(this, async () => await this.makeRoutingRequest(requestData));
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

/**
 * A raw request outside RoutingNode's flow (list searches, multi-step operations), with the same
 * retries, errors and per-attempt timeout as the operation's own request.
 */
export async function openAiRequest<T = IDataObject>(
	context: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<T> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const timeout = nodeTimeoutOf(context);
	const request: IHttpRequestOptions = {
		baseURL: String(credentials.baseUrl ?? ''),
		json: true,
		...(timeout ? { timeout } : {}),
		...options,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	addIdempotencyKey(request);
	const response = await withRetries(context, async () => {
		const reply = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			request,
		)) as IN8nHttpFullResponse;
		if (reply.statusCode >= 400) {
			throw apiErrorFromResponse(context.getNode(), reply, {
				itemIndex: context.getItemIndex(),
				secrets: await secretsOf(context),
				path: options.url,
			});
		}
		const malformed = malformedReplyError(context.getNode(), reply, {
			itemIndex: context.getItemIndex(),
			secrets: await secretsOf(context),
			textAllowed: request.encoding === 'text',
			emptyAllowed: true,
		});
		if (malformed) throw malformed;
		return reply;
	});
	return response.body as T;
}
