/**
 * The limits of an OpenAI account, as a local server enforces them: a requests bucket and a tokens
 * bucket, each holding `burstSeconds` of its rate and refilled continuously (OpenAI enforces its
 * per-minute limits over shorter periods too). A request is admitted when both have room; else it
 * gets 429 with retry-after-ms. With `headers`, every reply carries OpenAI's
 * x-ratelimit-{limit,remaining,reset}-{requests,tokens}, describing these buckets.
 */
import type { FaultAction, ReceivedRequest } from './faultServer';
import { ok, openAiError } from './faultServer';

export interface AccountLimits {
	requestsPerSecond: number;
	/** 0: no tokens limit. */
	tokensPerSecond?: number;
	/** How much each bucket holds, in seconds of its rate (default 1). */
	burstSeconds?: number;
	headers?: boolean;
}

/** OpenAI's (Go) duration format: "120ms", "1.5s", "6m0s". */
export function formatDuration(ms: number): string {
	const rounded = Math.max(0, Math.ceil(ms));
	if (rounded < 1000) return `${rounded}ms`;
	if (rounded < 60_000) return `${Number((rounded / 1000).toFixed(3))}s`;
	return `${Math.floor(rounded / 60_000)}m${Number(((rounded % 60_000) / 1000).toFixed(3))}s`;
}

class Bucket {
	level: number;

	private at = Date.now();

	constructor(
		readonly perMs: number,
		readonly capacity: number,
	) {
		this.level = capacity;
	}

	refill(now: number): void {
		this.level = Math.min(this.capacity, this.level + (now - this.at) * this.perMs);
		this.at = now;
	}

	/** ms until `cost` fits, 0 when it does now. */
	shortBy(cost: number): number {
		const missing = Math.min(cost, this.capacity) - this.level;
		return missing > 0 ? Math.ceil(missing / this.perMs) : 0;
	}
}

export interface Admission {
	/** Undefined when admitted. */
	retryAfterMs?: number;
	headers: Record<string, string>;
}

export function accountLimiter(limits: AccountLimits) {
	const burst = limits.burstSeconds ?? 1;
	const requests = new Bucket(limits.requestsPerSecond / 1000, Math.max(1, Math.round(limits.requestsPerSecond * burst)));
	const tokens = limits.tokensPerSecond ? new Bucket(limits.tokensPerSecond / 1000, Math.round(limits.tokensPerSecond * burst)) : undefined;
	const stats = { admitted: 0, rejected: 0, tokens: 0 };
	const headersOf = (): Record<string, string> => {
		if (!limits.headers) return {};
		const out: Record<string, string> = {};
		for (const [kind, bucket] of [['requests', requests], ['tokens', tokens]] as const) {
			if (!bucket) continue;
			out[`x-ratelimit-limit-${kind}`] = String(bucket.capacity);
			out[`x-ratelimit-remaining-${kind}`] = String(Math.max(0, Math.floor(bucket.level)));
			out[`x-ratelimit-reset-${kind}`] = formatDuration((bucket.capacity - bucket.level) / bucket.perMs);
		}
		return out;
	};
	return {
		stats,
		/** Admits a request that costs `cost` tokens now, or says how long to wait. */
		admit(cost: number, now = Date.now()): Admission {
			requests.refill(now);
			tokens?.refill(now);
			const wait = Math.max(requests.shortBy(1), tokens?.shortBy(cost) ?? 0);
			if (wait > 0) {
				stats.rejected++;
				return { retryAfterMs: wait, headers: headersOf() };
			}
			requests.level -= 1;
			if (tokens) tokens.level -= cost;
			stats.admitted++;
			stats.tokens += cost;
			return { headers: headersOf() };
		},
	};
}

/** The text of a chat request's messages, and its max output tokens. */
function chatRequestOf(request: ReceivedRequest): { text: string; maxTokens?: number } {
	try {
		const body = JSON.parse(request.body.toString() || '{}') as { messages?: Array<{ content?: unknown }>; max_tokens?: number; max_completion_tokens?: number };
		const text = (body.messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? ''))).join('\n');
		return { text, maxTokens: body.max_completion_tokens ?? body.max_tokens };
	} catch {
		return { text: '' };
	}
}

/** What the server counts for a chat completion: its messages at 4 characters a token, plus 4 a message, and the answer. */
export function chatUsage(request: ReceivedRequest, answerTokens = 20) {
	const { text, maxTokens } = chatRequestOf(request);
	const prompt_tokens = Math.ceil(text.length / 4) + 4;
	const completion_tokens = Math.min(maxTokens ?? answerTokens, answerTokens);
	return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

/**
 * A chat completion server under `limits`: answers each request after `latencyMs` with a completion
 * naming its last message, or 429 (code rate_limit_exceeded) with retry-after-ms.
 */
export function rateLimitedChat(limits: AccountLimits, latencyMs = 0) {
	const limiter = accountLimiter(limits);
	const plan = (request: ReceivedRequest): FaultAction => {
		const usage = chatUsage(request);
		const admission = limiter.admit(usage.total_tokens);
		if (admission.retryAfterMs !== undefined) {
			return openAiError(429, 'Rate limit reached for requests', { code: 'rate_limit_exceeded', type: 'requests' }, { ...admission.headers, 'retry-after-ms': String(admission.retryAfterMs) });
		}
		const { text } = chatRequestOf(request);
		return {
			...(ok(
				{
					id: 'chatcmpl-limited',
					object: 'chat.completion',
					created: 1,
					model: 'gpt-4.1-mini',
					choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: `echo: ${text.split('\n').pop()?.slice(0, 40) ?? ''}`, refusal: null } }],
					usage,
				},
				admission.headers,
			) as object),
			delayMs: latencyMs,
		} as FaultAction;
	};
	return { plan, stats: limiter.stats };
}
