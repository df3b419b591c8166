import type { Clock } from '../../nodes/OpenAiPlatform/shared/pacer';

/** Lets every pending promise callback run (a real macrotask turn; no time is measured). */
export const settled = async () => await new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock that moves only when told: `advance` wakes the timers that fall due, in order, each at
 * its own time, and lets the promise callbacks they cause run before the next one.
 */
export class FakeClock implements Clock {
	time = 0;

	private timers: Array<{ at: number; seq: number; wake: () => void }> = [];

	private seq = 0;

	now(): number {
		return this.time;
	}

	after(ms: number, wake: () => void): () => void {
		const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, wake };
		this.timers.push(timer);
		return () => {
			this.timers = this.timers.filter((t) => t !== timer);
		};
	}

	async sleep(ms: number): Promise<void> {
		await new Promise<void>((resolve) => this.after(ms, resolve));
	}

	async advance(ms: number): Promise<void> {
		await this.advanceTo(this.time + ms);
	}

	async advanceTo(end: number): Promise<void> {
		for (;;) {
			await settled();
			const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
			if (!due) break;
			this.timers = this.timers.filter((t) => t !== due);
			this.time = Math.max(this.time, due.at);
			due.wake();
		}
		this.time = end;
		await settled();
	}

	/** Runs until no timer is left (or `limit` of fake time has passed). */
	async runAll(limit = 24 * 3_600_000): Promise<void> {
		const end = this.time + limit;
		for (;;) {
			await settled();
			const next = this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
			if (!next || next.at > end) return;
			await this.advanceTo(next.at);
		}
	}
}
