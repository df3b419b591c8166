import { sleep } from 'n8n-workflow';

import type { RateLimitReport } from './pacer';

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** First backoff step; doubles each retry when `exponential`. */
	baseDelayMs: number;
	maxDelayMs: number;
	exponential: boolean;
	/** Retry any failure, not only the transient ones (apiCall's "Retry on All Errors"). */
	retryAllErrors: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 2,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
	exponential: true,
	retryAllErrors: false,
};

/** How long one item may wait out 429s in all, by default (Settings > Max Rate-Limit Wait). */
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MINUTES = 10;

/** What a failed attempt tells the retry loop. */
export interface AttemptFailure {
	status?: number;
	/** Node's network error code, e.g. ECONNRESET. */
	networkCode?: string;
	/** From retry-after-ms or retry-after. */
	retryAfterMs?: number;
	/** The server's x-should-retry header, which overrides the status rules (as OpenAI's SDK does). */
	shouldRetryHeader?: boolean;
	/** 429 insufficient_quota: retrying cannot help. */
	quotaExhausted?: boolean;
	/** The reply's x-ratelimit-* headers. */
	rateLimit?: RateLimitReport;
}

export const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

/** The statuses OpenAI's SDKs retry: timeout, lock conflict, rate limit and server errors. */
export function isTransientStatus(status: number): boolean {
	return status === 408 || status === 409 || status === 429 || status >= 500;
}

export function isRetryable(failure: AttemptFailure, policy: RetryPolicy): boolean {
	if (failure.quotaExhausted) return false;
	if (failure.shouldRetryHeader !== undefined) return failure.shouldRetryHeader;
	if (policy.retryAllErrors) return true;
	if (failure.status !== undefined) return isTransientStatus(failure.status);
	return failure.networkCode !== undefined && TRANSIENT_NETWORK_CODES.has(failure.networkCode);
}

/** Reads retry-after-ms, then retry-after (seconds or an HTTP date). */
export function parseRetryAfter(
	headers: Record<string, unknown> | undefined,
	now = Date.now(),
): number | undefined {
	if (!headers) return undefined;
	const ms = Number(headers['retry-after-ms']);
	if (headers['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
	const raw = headers['retry-after'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(String(raw));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The server's wait when it gave a sane one (under a minute), else backoff with up to 25 % jitter. */
export function backoffDelayMs(
	retryNumber: number,
	policy: RetryPolicy,
	retryAfterMs?: number,
	random: () => number = Math.random,
): number {
	if (retryAfterMs !== undefined && retryAfterMs >= 0 && retryAfterMs <= 60_000) return retryAfterMs;
	const step = policy.exponential ? policy.baseDelayMs * 2 ** retryNumber : policy.baseDelayMs;
	const capped = Math.min(step, policy.maxDelayMs);
	return Math.round(capped * (1 - 0.25 * random()));
}

/** Waits, but wakes at once when the execution is cancelled. */
export async function waitOrAbort(ms: number, signal?: AbortSignal): Promise<void> {
	if (ms <= 0 || signal?.aborted) return;
	if (!signal) return await sleep(ms);
	let onAbort: () => void = () => {};
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
