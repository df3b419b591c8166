/**
 * The pacer (shared/pacer.ts) on a fake clock: every start, pause and wait is decided by the
 * pacer's own clock, so these outcomes do not depend on the machine's speed.
 */
import type { Pacer, RateLimitReport, Ticket } from '../../nodes/OpenAiPlatform/shared/pacer';
import {
	Pacer as PacerClass,
	WaitEnded,
	estimateTokens,
	parseDuration,
	rateLimitReportOf,
	usedTokensOf,
} from '../../nodes/OpenAiPlatform/shared/pacer';
import { FakeClock, settled } from '../support/fakeClock';

describe('parseDuration', () => {
	it.each([
		['1s', 1000],
		['6m0s', 360_000],
		['120ms', 120],
		['1h2m3.5s', 3_723_500],
		['0.5s', 500],
		['17ms', 17],
		['2', 2000],
	])('%s is %i ms', (text, ms) => expect(parseDuration(text)).toBeCloseTo(ms));
	it.each(['', 'soon', '1x', '5 s'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('rateLimitReportOf', () => {
	it("reads OpenAI's six headers", () => {
		expect(
			rateLimitReportOf({
				'x-ratelimit-limit-requests': '5000',
				'x-ratelimit-remaining-requests': '4999',
				'x-ratelimit-reset-requests': '12ms',
				'x-ratelimit-limit-tokens': '160000',
				'x-ratelimit-remaining-tokens': '159000',
				'x-ratelimit-reset-tokens': '6m0s',
			}),
		).toEqual({ requests: { limit: 5000, remaining: 4999, resetMs: 12 }, tokens: { limit: 160_000, remaining: 159_000, resetMs: 360_000 } });
	});
	it('is undefined without them, and skips a kind with a missing part', () => {
		expect(rateLimitReportOf({ 'content-type': 'application/json' })).toBeUndefined();
		expect(rateLimitReportOf(undefined)).toBeUndefined();
		expect(rateLimitReportOf({ 'x-ratelimit-limit-tokens': '100', 'x-ratelimit-remaining-tokens': '5', 'x-ratelimit-reset-requests': '1s' })).toBeUndefined();
	});
});

describe('token estimate and usage', () => {
	it('counts the JSON body at 4 characters a token plus the maximum output', () => {
		const body = { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'x'.repeat(400) }], max_completion_tokens: 100 };
		expect(estimateTokens(body)).toBe(Math.ceil(JSON.stringify(body).length / 4) + 100);
		expect(estimateTokens(undefined)).toBe(0);
		expect(estimateTokens(new FormData())).toBe(0);
	});
	it('reads usage of chat, responses and embeddings', () => {
		expect(usedTokensOf({ usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } })).toBe(8);
		expect(usedTokensOf({ usage: { input_tokens: 5, output_tokens: 4 } })).toBe(9);
		expect(usedTokensOf({ usage: { prompt_tokens: 7 } })).toBe(7);
		expect(usedTokensOf({ id: 'x' })).toBeUndefined();
	});
});

/** A server with a requests bucket and a tokens bucket (capacity `burst`, refilled at `perSecond`). */
function bucketServer(options: { requestsPerSecond: number; requestBurst: number; tokensPerSecond?: number; tokenBurst?: number; headers: boolean }) {
	const buckets = [
		{ kind: 'requests', rate: options.requestsPerSecond / 1000, cap: options.requestBurst, level: options.requestBurst, at: 0 },
		...(options.tokensPerSecond ? [{ kind: 'tokens', rate: options.tokensPerSecond / 1000, cap: options.tokenBurst ?? options.tokensPerSecond, level: options.tokenBurst ?? options.tokensPerSecond, at: 0 }] : []),
	];
	const report = (): RateLimitReport | undefined => {
		if (!options.headers) return undefined;
		const out: RateLimitReport = {};
		for (const b of buckets) out[b.kind as 'requests' | 'tokens'] = { limit: b.cap, remaining: Math.floor(Math.max(0, b.level)), resetMs: Math.ceil((b.cap - b.level) / b.rate) };
		return out;
	};
	return {
		admit(now: number, tokens: number): { retryAfterMs?: number; report?: RateLimitReport } {
			const costs = [1, tokens];
			for (const b of buckets) {
				b.level = Math.min(b.cap, b.level + (now - b.at) * b.rate);
				b.at = now;
			}
			const short = buckets.map((b, i) => Math.ceil((Math.min(costs[i], b.cap) - b.level) / b.rate)).filter((ms) => ms > 0);
			if (short.length) return { retryAfterMs: Math.max(...short), report: report() };
			buckets.forEach((b, i) => (b.level -= costs[i]));
			return { report: report() };
		},
	};
}

interface Simulation {
	starts: number[];
	rateLimited: number;
	done: number;
	endTime: number;
	startsInsidePause: number;
	peakInFlight: number;
}

/** Items that each send until they succeed, against `server`, on the pacer's fake clock. */
async function simulate(
	pacer: Pacer,
	clock: FakeClock,
	server: ReturnType<typeof bucketServer>,
	{ items, latencyMs, rawTokens = 0, usedTokens = 0 }: { items: number; latencyMs: number; rawTokens?: number; usedTokens?: number },
): Promise<Simulation> {
	const sim: Simulation = { starts: [], rateLimited: 0, done: 0, endTime: 0, startsInsidePause: 0, peakInFlight: 0 };
	const pauses: Array<[number, number]> = [];
	const item = async (n: number) => {
		for (;;) {
			const ticket: Ticket = await pacer.acquire(n, rawTokens);
			const now = clock.now();
			sim.starts.push(now);
			sim.peakInFlight = Math.max(sim.peakInFlight, pacer.inFlight);
			// (a pause announced in the same fake millisecond may have come after this start)
			if (pauses.some(([from, to]) => now > from && now < to)) sim.startsInsidePause++;
			const reply = server.admit(now, usedTokens);
			await clock.sleep(latencyMs);
			pacer.observe(ticket, reply.report, reply.retryAfterMs === undefined ? usedTokens || undefined : undefined);
			if (reply.retryAfterMs === undefined) {
				pacer.finish(ticket, 'succeeded');
				sim.done++;
				sim.endTime = clock.now();
				return;
			}
			sim.rateLimited++;
			pauses.push([clock.now(), clock.now() + reply.retryAfterMs]);
			pacer.finish(ticket, { rateLimitedFor: reply.retryAfterMs });
		}
	};
	const all = Promise.all(Array.from({ length: items }, (_, n) => item(n)));
	await clock.runAll();
	await all;
	return sim;
}

describe('Pacer', () => {
	it('releases the lanes one by one after a 429, not all at the end of the pause', async () => {
		const clock = new FakeClock();
		const pacer = new PacerClass(8, clock);
		const first = await Promise.all(Array.from({ length: 8 }, (_, n) => pacer.acquire(n, 0)));
		await clock.advance(20);
		for (const ticket of first) pacer.finish(ticket, { rateLimitedFor: 1000 });
		const startedAt: number[] = [];
		const again = Array.from({ length: 8 }, (_, n) => pacer.acquire(n, 0).then((ticket) => (startedAt.push(clock.now()), ticket)));
		await clock.advanceTo(1019);
		expect(startedAt).toEqual([]);
		await clock.advanceTo(1020);
		expect(startedAt).toEqual([1020]); // the pause ends at 1020: one lane, then the next after a spacing
		await clock.advance(10_000);
		expect(startedAt).toHaveLength(4); // the lanes halved: 4 until one finishes
		expect(new Set(startedAt).size).toBe(4);
		for (const ticket of await Promise.all(again.slice(0, 4))) pacer.finish(ticket, 'succeeded');
		await clock.runAll();
		expect(startedAt).toHaveLength(8);
		expect(Math.min(...startedAt)).toBe(1020);
	});

	it('holds lanes that were already waiting when a later 429 extends the pause', async () => {
		const clock = new FakeClock();
		const pacer = new PacerClass(2, clock);
		const [a, b] = await Promise.all([pacer.acquire(0, 0), pacer.acquire(1, 0)]);
		const startedAt: number[] = [];
		const waiting = [2, 3, 4].map((n) => pacer.acquire(n, 0).then(() => startedAt.push(clock.now())));
		pacer.finish(a, { rateLimitedFor: 100 }); // pause until 100; items 2-4 wait for it
		await clock.advance(50);
		pacer.finish(b, { rateLimitedFor: 500 }); // a second 429 at 50: pause until 550
		await clock.advanceTo(549);
		expect(startedAt).toEqual([]);
		await clock.runAll();
		await Promise.all(waiting.slice(0, 1));
		expect(startedAt.length).toBeGreaterThan(0);
		expect(Math.min(...startedAt)).toBe(550);
	});

	it('starts no request inside a pause, and every item gets through (no rate-limit headers)', async () => {
		const clock = new FakeClock();
		const pacer = new PacerClass(10, clock);
		const server = bucketServer({ requestsPerSecond: 20, requestBurst: 5, headers: false });
		const sim = await simulate(pacer, clock, server, { items: 200, latencyMs: 20 });
		expect(sim.done).toBe(200);
		expect(sim.startsInsidePause).toBe(0);
		expect(sim.rateLimited).toBeGreaterThan(0);
		expect(sim.peakInFlight).toBeLessThanOrEqual(10);
	});

	it('slows down from the remaining/reset headers before any 429, at the limit\'s own pace', async () => {
		const clock = new FakeClock();
		const server = bucketServer({ requestsPerSecond: 20, requestBurst: 20, headers: true });
		const sim = await simulate(new PacerClass(10, clock), clock, server, { items: 400, latencyMs: 20 });
		expect(sim.done).toBe(400);
		expect(sim.rateLimited).toBeLessThanOrEqual(1); // at most the very first round, before any header was seen
		expect(sim.endTime).toBeLessThanOrEqual(1.1 * (400 / 20) * 1000); // fake time: N / R, within 10 %
	});

	it('paces by tokens when the tokens-per-minute limit binds, its estimate corrected by usage', async () => {
		const clock = new FakeClock();
		const server = bucketServer({ requestsPerSecond: 100, requestBurst: 100, tokensPerSecond: 2000, tokenBurst: 2000, headers: true });
		// estimated 300 tokens a request (body / 4 + max output); the server counts the 200 it reports in usage
		const sim = await simulate(new PacerClass(10, clock), clock, server, { items: 300, latencyMs: 20, rawTokens: 300, usedTokens: 200 });
		expect(sim.done).toBe(300);
		expect(sim.rateLimited / sim.starts.length).toBeLessThanOrEqual(0.05);
		expect(sim.endTime).toBeLessThanOrEqual(1.1 * ((300 * 200) / 2000) * 1000);
	});

	it('keeps one request in flight at a time with Max Concurrent Requests 1', async () => {
		const clock = new FakeClock();
		const server = bucketServer({ requestsPerSecond: 1000, requestBurst: 1000, headers: true });
		const sim = await simulate(new PacerClass(1, clock), clock, server, { items: 50, latencyMs: 10 });
		expect(sim.done).toBe(50);
		expect(sim.peakInFlight).toBe(1);
	});

	it("ends an item's wait at once when the pause would outlast its deadline", async () => {
		const clock = new FakeClock();
		const pacer = new PacerClass(2, clock);
		pacer.finish(await pacer.acquire(0, 0), { rateLimitedFor: 300_000 });
		const ended = await pacer.acquire(0, 0, undefined, 60_000).catch((error: unknown) => error);
		expect(ended).toBeInstanceOf(WaitEnded);
		expect(ended).toMatchObject({ reason: 'deadline', startAt: 300_000 });
	});

	it('ends a wait for a lane when its deadline passes', async () => {
		const clock = new FakeClock();
		const pacer = new PacerClass(1, clock);
		const busy = await pacer.acquire(0, 0);
		const late = pacer.acquire(1, 0, undefined, 1000).catch((error: unknown) => error);
		await clock.advance(1500);
		pacer.finish(busy, 'failed');
		expect(await late).toMatchObject({ reason: 'deadline' });
	});

	it('ends every wait at once when the execution is stopped', async () => {
		const clock = new FakeClock();
		const pacer = new PacerClass(2, clock);
		const controller = new AbortController();
		const [a, b] = await Promise.all([pacer.acquire(0, 0), pacer.acquire(1, 0)]);
		const waits = [2, 3, 4, 5].map((n) => pacer.acquire(n, 0, controller.signal).catch((error: unknown) => error));
		pacer.finish(a, { rateLimitedFor: 60_000 });
		let slept = false;
		const backoff = pacer.sleep(30_000, controller.signal).then(() => (slept = true));
		await settled();
		controller.abort();
		const ended = await Promise.all(waits);
		await backoff;
		expect(ended.map((e) => (e as WaitEnded).reason)).toEqual(['stopped', 'stopped', 'stopped', 'stopped']);
		expect(slept).toBe(true);
		expect(clock.now()).toBe(0); // no time passed: the stop ended the waits
		await expect(pacer.acquire(6, 0, controller.signal)).rejects.toMatchObject({ reason: 'stopped' });
		pacer.finish(b, 'succeeded');
	});
});
