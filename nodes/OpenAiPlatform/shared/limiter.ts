import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { waitOrAbort } from './retry';

/**
 * A counting semaphore. RoutingNode starts every item's request at once, so without it 1000 items
 * would open 1000 sockets and meet OpenAI's rate limits head on.
 */
export class ConcurrencyLimiter {
	private active = 0;

	private readonly waiting: Array<() => void> = [];

	private resumeAt = 0;

	constructor(
		public max: number,
		private readonly onIdle: () => void = () => {},
	) {}

	get inFlight(): number {
		return this.active;
	}

	/**
	 * After a 429 every lane waits, not just the one that was told to: the others would only
	 * collect 429s of their own and use up their retries.
	 */
	pauseUntil(time: number): void {
		this.resumeAt = Math.max(this.resumeAt, time);
	}

	/** Runs `task` in a free slot, after any 429 pause; a cancelled execution stops waiting out the pause. */
	async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
		if (this.active >= this.max) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		} else {
			this.active++;
		}
		try {
			const pause = this.resumeAt - Date.now();
			if (pause > 0) await waitOrAbort(pause, signal);
			return await task();
		} finally {
			const next = this.waiting.shift();
			if (next) {
				// The slot passes straight to the next waiter, so `active` stays at most `max`.
				next();
			} else {
				this.active--;
				if (this.active === 0) this.onIdle();
			}
		}
	}
}

export const DEFAULT_MAX_CONCURRENCY = 10;

const limiters = new Map<string, ConcurrencyLimiter>();

/** One limiter per node per execution: items of the same run share it, other runs do not. */
export function limiterFor(context: IExecuteSingleFunctions, max: number): ConcurrencyLimiter {
	const key = `${context.getExecutionId() ?? ''}\u0000${context.getNode().id ?? context.getNode().name}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new ConcurrencyLimiter(max, () => limiters.delete(key));
		limiters.set(key, limiter);
	}
	return limiter;
}
