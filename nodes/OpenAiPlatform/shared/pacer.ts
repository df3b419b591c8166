import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { isPlainObject } from './validation';

/** Time, injectable so that unit tests run the pacer on a fake clock. */
export interface Clock {
	now(): number;
	/** Calls `wake` after `ms`; the function returned cancels it. */
	after(ms: number, wake: () => void): () => void;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	after(ms, wake) {
		let cancelled = false;
		void sleep(Math.max(0, ms)).then(() => {
			if (!cancelled) wake();
		});
		return () => {
			cancelled = true;
		};
	},
};

export const DEFAULT_MAX_CONCURRENCY = 10;

/** One of the server's limits as its x-ratelimit-* headers state it. */
export interface LimitReport {
	limit: number;
	remaining: number;
	/** Time until the limit is back to `limit`. */
	resetMs: number;
}

export interface RateLimitReport {
	requests?: LimitReport;
	tokens?: LimitReport;
}

const DURATION_UNITS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000_001 };

/** Reads OpenAI's durations ("1s", "6m0s", "120ms", "1h2m3.5s"); a bare number is seconds. */
export function parseDuration(text: unknown): number | undefined {
	if (text === undefined || text === null) return undefined;
	const raw = String(text).trim();
	if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw) * 1000;
	let total = 0;
	let matched = 0;
	for (const part of raw.matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/g)) {
		total += Number(part[1]) * DURATION_UNITS[part[2]];
		matched += part[0].length;
	}
	return matched > 0 && matched === raw.length ? total : undefined;
}

function limitReport(headers: IDataObject, kind: 'requests' | 'tokens'): LimitReport | undefined {
	const limit = Number(headers[`x-ratelimit-limit-${kind}`]);
	const remaining = Number(headers[`x-ratelimit-remaining-${kind}`]);
	const resetMs = parseDuration(headers[`x-ratelimit-reset-${kind}`]);
	if (!(limit > 0) || !Number.isFinite(remaining) || resetMs === undefined) return undefined;
	return { limit, remaining: Math.max(0, Math.min(limit, remaining)), resetMs };
}

/** OpenAI's x-ratelimit-{limit,remaining,reset}-{requests,tokens} headers, when a reply has them. */
export function rateLimitReportOf(headers: unknown): RateLimitReport | undefined {
	if (!isPlainObject(headers)) return undefined;
	const requests = limitReport(headers as IDataObject, 'requests');
	const tokens = limitReport(headers as IDataObject, 'tokens');
	return requests || tokens ? { requests, tokens } : undefined;
}

const MAX_OUTPUT_FIELDS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens'];

/**
 * A request's tokens before it is sent, as the server's tokens-per-minute limit counts them: its JSON
 * body at 4 characters a token, plus the output it may ask for. Uploads and bytes count 0.
 */
export function estimateTokens(body: unknown): number {
	if (!isPlainObject(body) || Object.getPrototypeOf(body) !== Object.prototype) return 0;
	const fields = body as IDataObject;
	const maxOutput = MAX_OUTPUT_FIELDS.map((field) => Number(fields[field])).find((n) => Number.isFinite(n) && n > 0) ?? 0;
	return Math.ceil(JSON.stringify(body).length / 4) + maxOutput;
}

/** The tokens a reply says its request used (`usage` of chat, responses and embeddings). */
export function usedTokensOf(body: unknown): number | undefined {
	const usage = isPlainObject(body) ? (body as IDataObject).usage : undefined;
	if (!isPlainObject(usage)) return undefined;
	const { total_tokens, input_tokens, output_tokens, prompt_tokens, completion_tokens } = usage as Record<string, unknown>;
	const total = Number(total_tokens ?? Number(input_tokens ?? prompt_tokens ?? 0) + Number(output_tokens ?? completion_tokens ?? 0));
	return Number.isFinite(total) && total > 0 ? total : undefined;
}

/**
 * What the client knows of one server limit: a bucket of `limit` that refills at `perMs`, synced
 * with every reply's headers. Unknown (never reported) means no limit.
 */
class Bucket {
	private limit = Infinity;

	private perMs = 0;

	private level = Infinity;

	private at = 0;

	/** All that was ever charged: a reply's report is older than what was charged since its request. */
	spent = 0;

	levelAt(now: number): number {
		return Math.min(this.limit, this.level + (now - this.at) * this.perMs);
	}

	charge(cost: number, now: number): void {
		this.level = this.levelAt(now) - cost;
		this.at = now;
		this.spent += cost;
	}

	/** How long until `cost` fits (a cost above the whole limit waits for a full bucket). */
	waitFor(cost: number, now: number): number {
		const missing = Math.min(cost, this.limit) - this.levelAt(now);
		return missing <= 0 ? 0 : missing / this.perMs;
	}

	/** The server's report, less what requests sent after the reported one were charged. */
	sync(report: LimitReport, chargedSince: number, now: number): void {
		this.limit = report.limit;
		const used = report.limit - report.remaining;
		// reset = time to refill what is used, read when a good part is used (a few units against rounded times mislead);
		// a limit never seen used is assumed to refill per minute, like OpenAI's.
		if (used >= report.limit / 4 && report.resetMs > 0) this.perMs = used / report.resetMs;
		else if (this.perMs === 0) this.perMs = report.limit / 60_000;
		this.level = (report.resetMs > 0 ? report.remaining : report.limit) - chargedSince;
		this.at = now;
	}
}

/** One request's place in the pacer: what it was charged, to match its reply with. */
export interface Ticket {
	readonly item: number;
	readonly startedAt: number;
	/** The raw token estimate, which the reply's `usage` corrects. */
	readonly rawTokens: number;
	/** The buckets' spend counters once this request was charged. */
	readonly requestsCharged: number;
	readonly tokensCharged: number;
}

/** Why a wait for a lane ended without one. */
export class WaitEnded extends Error {
	constructor(
		readonly reason: 'stopped' | 'deadline',
		/** For 'deadline': when the request could have started. */
		readonly startAt = Infinity,
	) {
		super(reason === 'stopped' ? 'The execution was stopped' : 'Max Rate-Limit Wait exceeded');
	}
}

interface Waiter {
	item: number;
	rawTokens: number;
	deadline: number;
	resolve(ticket: Ticket): void;
	reject(ended: WaitEnded): void;
}

/** Spacing between starts after a 429, at least, so that lanes come back one by one. */
const MIN_SPACING_AFTER_429_MS = 10;

/** The window over which the rate that just succeeded is measured when a 429 comes, and the shortest span that measures it. */
const RATE_WINDOW_MS = 1000;
const MIN_RATE_SPAN_MS = 100;

/**
 * Paces the requests of one node execution, shared by all its items. A request starts only when a
 * lane is free, no 429 pause is running, and the server's limits, as its x-ratelimit headers
 * report them, have room for it (so the node slows down as `remaining` runs low, before any 429).
 * Every start is decided here, at the moment it happens, so a pause extended by a later 429 also
 * holds the requests that were already waiting. After a 429 the lanes halve and come back one at a
 * time (additive increase, multiplicative decrease, never above `max`), and starts are spaced.
 */
export class Pacer {
	private active = 0;

	/** The lanes in use now, 1..max: fewer after a 429, one more per round of successes. */
	private lanes: number;

	private pausedUntil = 0;

	private nextStartAt = 0;

	/**
	 * Time between starts, learnt from 429s for servers that send no x-ratelimit headers: the rate
	 * that succeeded just before the 429 is what the server allows. Shrinks while requests succeed.
	 */
	private spacingMs = 0;

	/** When the latest successes finished (over the last RATE_WINDOW_MS). */
	private recentSuccesses: number[] = [];

	private lastDecreaseAt = -Infinity;

	private readonly requests = new Bucket();

	private readonly tokens = new Bucket();

	/** Tokens used / estimated, from the replies' `usage`. */
	private tokenFactor = 1;

	private readonly queue: Waiter[] = [];

	private readonly tickets = new Map<number, Ticket>();

	private cancelWake?: () => void;

	private wakeAt = Infinity;

	constructor(
		readonly max: number,
		readonly clock: Clock = systemClock,
	) {
		this.lanes = max;
	}

	get inFlight(): number {
		return this.active;
	}

	get laneCount(): number {
		return Math.max(1, Math.floor(this.lanes));
	}

	/** The request in flight for an item, to match a reply with. */
	ticketOf(item: number): Ticket | undefined {
		return this.tickets.get(item);
	}

	/**
	 * Waits until the request may start, then charges it. Rejects with WaitEnded when the execution
	 * is stopped, or when the start would come after `deadline` (the item's Max Rate-Limit Wait).
	 */
	async acquire(item: number, rawTokens: number, signal?: AbortSignal, deadline = Infinity): Promise<Ticket> {
		if (signal?.aborted) throw new WaitEnded('stopped');
		return await new Promise<Ticket>((resolve, reject) => {
			const onAbort = () => {
				this.drop(waiter, new WaitEnded('stopped'));
				this.pump();
			};
			const waiter: Waiter = {
				item,
				rawTokens,
				deadline,
				resolve: (ticket) => {
					signal?.removeEventListener('abort', onAbort);
					resolve(ticket);
				},
				reject: (ended) => {
					signal?.removeEventListener('abort', onAbort);
					reject(ended);
				},
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.queue.push(waiter);
			this.pump();
		});
	}

	/** What a reply said: the server's limits and the tokens its request used. */
	observe(ticket: Ticket | undefined, report?: RateLimitReport, usedTokens?: number): void {
		if (!ticket) return;
		const now = this.clock.now();
		if (report?.requests) this.requests.sync(report.requests, this.requests.spent - ticket.requestsCharged, now);
		if (report?.tokens) this.tokens.sync(report.tokens, this.tokens.spent - ticket.tokensCharged, now);
		if (usedTokens !== undefined && ticket.rawTokens > 0) {
			this.tokenFactor = 0.7 * this.tokenFactor + 0.3 * (usedTokens / ticket.rawTokens);
		}
		this.pump();
	}

	/**
	 * Gives the lane back. A request answered 429 (`rateLimitedFor`: the wait the server asked for)
	 * pauses every lane until then, and halves the lanes once per round: the 429s of requests already
	 * in flight when the first came say the same thing.
	 */
	finish(ticket: Ticket, outcome: 'succeeded' | 'failed' | { rateLimitedFor: number }): void {
		const now = this.clock.now();
		if (this.tickets.get(ticket.item) === ticket) this.tickets.delete(ticket.item);
		this.active--;
		this.recentSuccesses = this.recentSuccesses.filter((time) => time > now - RATE_WINDOW_MS);
		if (outcome === 'succeeded') {
			this.recentSuccesses.push(now);
			this.lanes = Math.min(this.max, this.lanes + 1 / this.lanes);
			this.spacingMs = this.spacingMs > 1 ? this.spacingMs * 0.98 : 0;
		} else if (outcome !== 'failed') {
			const { rateLimitedFor } = outcome;
			if (ticket.startedAt > this.lastDecreaseAt) {
				this.lastDecreaseAt = now;
				this.lanes = Math.max(1, this.lanes / 2);
				// The rate that succeeded since the last pause ended (a pause is no sign of what the server
				// allows), never slower than the server's own wait; too short a span to tell: the spacing stays.
				const since = Math.max(now - RATE_WINDOW_MS, Math.min(now, this.pausedUntil));
				const succeeded = this.recentSuccesses.filter((time) => time >= since).length;
				const allowed = now - since >= MIN_RATE_SPAN_MS ? (now - since) / Math.max(1, succeeded) : this.spacingMs;
				this.spacingMs = Math.max(MIN_SPACING_AFTER_429_MS, Math.min(allowed, rateLimitedFor));
			}
			this.pausedUntil = Math.max(this.pausedUntil, now + rateLimitedFor);
		}
		this.pump();
	}

	/** A wait on this pacer's clock that a stopped execution ends at once. */
	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		if (ms <= 0 || signal?.aborted) return;
		await new Promise<void>((resolve) => {
			const done = () => {
				cancel();
				signal?.removeEventListener('abort', done);
				resolve();
			};
			const cancel = this.clock.after(ms, done);
			signal?.addEventListener('abort', done, { once: true });
		});
	}

	/** Starts every waiter that may start now, in order; else sets a wake-up for when the first may. */
	private pump(): void {
		const now = this.clock.now();
		for (const waiter of this.queue.filter((w) => w.deadline < now)) this.drop(waiter, new WaitEnded('deadline'));
		while (this.queue.length > 0 && this.active < this.laneCount) {
			const head = this.queue[0];
			const tokens = Math.ceil(head.rawTokens * this.tokenFactor);
			const startAt = Math.max(
				now,
				this.pausedUntil,
				this.nextStartAt,
				now + this.requests.waitFor(1, now),
				now + this.tokens.waitFor(tokens, now),
			);
			if (startAt > head.deadline) {
				this.drop(head, new WaitEnded('deadline', startAt));
				continue;
			}
			if (startAt > now) {
				this.wakeUpAt(startAt);
				return;
			}
			this.queue.shift();
			head.resolve(this.start(head, tokens, now));
		}
	}

	private start(waiter: Waiter, tokens: number, now: number): Ticket {
		this.active++;
		this.nextStartAt = now + this.spacingMs;
		this.requests.charge(1, now);
		this.tokens.charge(tokens, now);
		const ticket: Ticket = {
			item: waiter.item,
			startedAt: now,
			rawTokens: waiter.rawTokens,
			requestsCharged: this.requests.spent,
			tokensCharged: this.tokens.spent,
		};
		this.tickets.set(waiter.item, ticket);
		return ticket;
	}

	private drop(waiter: Waiter, ended: WaitEnded): void {
		const index = this.queue.indexOf(waiter);
		if (index < 0) return;
		this.queue.splice(index, 1);
		waiter.reject(ended);
	}

	private wakeUpAt(time: number): void {
		if (this.cancelWake && this.wakeAt <= time) return;
		this.cancelWake?.();
		this.wakeAt = time;
		this.cancelWake = this.clock.after(time - this.clock.now(), () => {
			this.cancelWake = undefined;
			this.wakeAt = Infinity;
			this.pump();
		});
	}
}

const pacers = new WeakMap<object, Pacer>();

/**
 * The pacer of a node execution: RoutingNode gives all items of one run the same execute data, so
 * the items of a run share it and other runs and executions do not.
 */
function scopeOf(context: IExecuteSingleFunctions): object {
	return (context.getExecuteData?.() as object | undefined) ?? context.getNode();
}

/** The pacer of the context's node execution; the first caller's `max` and `clock` make it. */
export function pacerFor(context: IExecuteSingleFunctions, max: number, clock?: Clock): Pacer {
	const scope = scopeOf(context);
	let pacer = pacers.get(scope);
	if (!pacer) {
		pacer = new Pacer(max, clock);
		pacers.set(scope, pacer);
	}
	return pacer;
}

/** Tells the pacer what a reply to the item's request said (called for every reply the node gets). */
export function noteReply(context: IExecuteSingleFunctions, reply: { headers?: unknown; body?: unknown }): void {
	const pacer = pacers.get(scopeOf(context));
	pacer?.observe(pacer.ticketOf(context.getItemIndex()), rateLimitReportOf(reply.headers), usedTokensOf(reply.body));
}
