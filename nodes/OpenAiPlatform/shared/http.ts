import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asFailure } from './errors';

/**
 * The node's HTTP policy, applied to every request that carries the credential (the credential's
 * `authenticate` calls `credentialRequestPolicy`, so RoutingNode's requests, the node's raw
 * requests, list searches and the credential test all get it):
 * - redirects are never followed: the key, organization and project go to the Base URL's origin
 *   only. OpenAI's API does not redirect API calls, so a redirect means a wrong Base URL (http
 *   instead of https, a missing /v1) or a server that should not get the key. The 3xx reply comes
 *   back to the node, which refuses it with an error naming the target (`redirectError`);
 * - Timeout is a deadline for the whole attempt (connect, headers and body): `withinDeadline`
 *   aborts the attempt when it passes. n8n's own `timeout` option only bounds idle time, so a
 *   server that sends a byte now and then would hold an attempt for as long as it likes.
 */

/** RoutingNode's default when the node's Settings set no Timeout. */
export const DEFAULT_TIMEOUT_MS = 300_000;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirect(statusCode: number): boolean {
	return REDIRECT_STATUSES.has(statusCode);
}

/** Where a redirect reply points, resolved against the request's URL when it is relative. */
export function redirectTarget(response: Pick<IN8nHttpFullResponse, 'headers'>, requestUrl?: string): string {
	const location = (response.headers as IDataObject | undefined)?.location;
	const raw = Array.isArray(location) ? String(location[0] ?? '') : String(location ?? '');
	if (!raw) return '';
	try {
		return new URL(raw, requestUrl).href;
	} catch {
		return raw;
	}
}

/** The refusal of a redirect reply, naming where it pointed. */
export function redirectError(
	node: INode,
	response: Pick<IN8nHttpFullResponse, 'headers' | 'statusCode'>,
	options: { itemIndex?: number; requestUrl?: string; redact: (text: string) => string },
): NodeApiError {
	const target = options.redact(redirectTarget(response, options.requestUrl));
	const error = new NodeApiError(
		node,
		{ status: response.statusCode, location: target },
		{
			message: `The server answered with a redirect (HTTP ${response.statusCode})${target ? ` to ${target}` : ''}, which this node does not follow`,
			description:
				"The API key is only ever sent to the credential's Base URL, never through a redirect. If you trust the address it points to, set the credential's Base URL to it (check https and /v1).",
			httpCode: String(response.statusCode),
			itemIndex: options.itemIndex,
		},
	);
	// Not retried: the same request gets the same redirect.
	return asFailure(error, { status: response.statusCode, shouldRetryHeader: false });
}

const ATTEMPT_SIGNAL = Symbol.for('n8n-nodes-openai-platform.attemptSignal');

type WithAttemptSignal = IHttpRequestOptions & { [ATTEMPT_SIGNAL]?: AbortSignal };

/**
 * What the credential adds to every request it authenticates: no redirects, and the attempt's
 * deadline. n8n's request helper sets `abortSignal` itself (to the execution's cancel signal, or
 * to nothing) after the node hands the request over, so the node's deadline travels on a symbol
 * key and joins that signal here, the last step before the request is sent.
 */
export function credentialRequestPolicy(requestOptions: IHttpRequestOptions): Pick<IHttpRequestOptions, 'disableFollowRedirect' | 'abortSignal'> {
	const deadline = (requestOptions as WithAttemptSignal)[ATTEMPT_SIGNAL];
	const given = requestOptions.abortSignal;
	const signals = [given, deadline].filter((signal): signal is AbortSignal => signal !== undefined);
	return {
		disableFollowRedirect: true,
		...(signals.length ? { abortSignal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) } : {}),
	};
}

/** The attempt's deadline in ms: the request's Timeout (the node's Settings, or API Call's own option). */
export function deadlineOf(options: Pick<IHttpRequestOptions, 'timeout'>): number {
	const timeout = Number(options.timeout);
	return Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS;
}

function isAbort(error: unknown): boolean {
	const seen = new Set<unknown>();
	for (let current = error; current && typeof current === 'object' && !seen.has(current); ) {
		seen.add(current);
		const record = current as { code?: unknown; name?: unknown; cause?: unknown; errorResponse?: unknown };
		if (record.code === 'ERR_CANCELED' || record.name === 'AbortError' || record.name === 'CanceledError' || record.name === 'TimeoutError') return true;
		current = record.cause ?? record.errorResponse;
	}
	return false;
}

/** A failed attempt that ran out of time; the retry policy treats it like any timeout (ETIMEDOUT). */
export function deadlineError(ms: number): Error {
	return Object.assign(new Error(`No complete reply within the Timeout of ${ms} ms (connecting, headers and body)`), { code: 'ETIMEDOUT' });
}

/**
 * Runs one attempt of `options` under its deadline: when the Timeout passes before the reply has
 * fully arrived, the request is aborted (its socket closed) and the attempt fails as a timeout.
 */
export async function withinDeadline<T>(options: Pick<IHttpRequestOptions, 'timeout'>, send: () => Promise<T>): Promise<T> {
	const ms = deadlineOf(options);
	const signal = AbortSignal.timeout(ms);
	(options as Partial<WithAttemptSignal>)[ATTEMPT_SIGNAL] = signal;
	try {
		// Only an abort by the deadline is replaced; any other failure goes on as it is.
		return await send().catch(async (error: unknown) => await Promise.reject(signal.aborted && isAbort(error) ? deadlineError(ms) : error));
	} finally {
		delete (options as Partial<WithAttemptSignal>)[ATTEMPT_SIGNAL];
	}
}

/** The Accept header for a request that did not name one: what the reply is read as. */
export function acceptFor(encoding: IHttpRequestOptions['encoding']): string {
	if (encoding === 'arraybuffer' || encoding === 'blob' || encoding === 'stream') return '*/*';
	if (encoding === 'text') return 'text/plain, */*;q=0.8';
	return 'application/json';
}

/** Sets Accept from the encoding unless the request already names one. */
export function withAccept(options: IHttpRequestOptions): IHttpRequestOptions {
	const headers = (options.headers ?? {}) as IDataObject;
	if (Object.keys(headers).some((name) => name.toLowerCase() === 'accept')) return options;
	return { ...options, headers: { ...headers, Accept: acceptFor(options.encoding) } };
}
