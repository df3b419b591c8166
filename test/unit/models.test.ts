import { ConcurrencyLimiter } from '../../nodes/OpenAiPlatform/shared/limiter';
import { modelFits } from '../../nodes/OpenAiPlatform/shared/models';

describe('modelFits', () => {
	it.each([
		['gpt-4.1-mini', 'chat', true],
		['gpt-5', 'chat', true],
		['o4-mini', 'chat', true],
		['ft:gpt-4.1-mini-2025-04-14:acme::x1', 'chat', true],
		['text-embedding-3-small', 'chat', false],
		['gpt-4o-mini-tts', 'chat', false],
		['gpt-4o-transcribe', 'transcription', true],
		['whisper-1', 'transcription', true],
		['gpt-4o-mini-tts', 'speech', true],
		['tts-1-hd', 'speech', true],
		['dall-e-3', 'image', true],
		['gpt-image-1', 'image', true],
		['gpt-image-1', 'chat', false],
		['text-embedding-3-large', 'embedding', true],
		['omni-moderation-latest', 'moderation', true],
		['gpt-3.5-turbo-instruct', 'completion', true],
		['gpt-3.5-turbo-instruct', 'chat', false],
		['gpt-4.1-mini-2025-04-14', 'fineTunable', true],
		['gpt-4.1-mini', 'fineTunable', false],
		['ft:gpt-4.1-mini-2025-04-14:acme::x1', 'fineTuned', true],
		['gpt-4.1', 'fineTuned', false],
		['o3-pro', 'response', true],
		['o3-pro', 'chat', false],
		['sora-2-pro', 'video', true],
		['gpt-image-1', 'video', false],
		['gpt-realtime', 'realtime', true],
		['gpt-4o-mini-realtime-preview', 'realtime', true],
		['gpt-realtime', 'response', false],
	] as const)('%s fits %s: %s', (id, capability, fits) => expect(modelFits(id, capability)).toBe(fits));
});

describe('ConcurrencyLimiter', () => {
	it('never runs more than max tasks at once and runs them all', async () => {
		let idle = 0;
		const limiter = new ConcurrencyLimiter(3, () => idle++);
		let running = 0;
		let peak = 0;
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				limiter.run(async () => {
					running++;
					peak = Math.max(peak, running);
					await new Promise((resolve) => setImmediate(resolve));
					running--;
					return i;
				}),
			),
		);
		expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(peak).toBe(3);
		expect(limiter.inFlight).toBe(0);
		expect(idle).toBe(1);
	});

	it('frees the slot when a task fails', async () => {
		const limiter = new ConcurrencyLimiter(1);
		await expect(limiter.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
		await expect(limiter.run(async () => 'next')).resolves.toBe('next');
	});
});

describe('ConcurrencyLimiter.pauseUntil', () => {
	it('holds every lane until the pause ends', async () => {
		const limiter = new ConcurrencyLimiter(4);
		const resumeAt = Date.now() + 80;
		limiter.pauseUntil(resumeAt);
		limiter.pauseUntil(resumeAt - 50);
		const startedAt = await Promise.all(Array.from({ length: 4 }, () => limiter.run(async () => Date.now())));
		for (const time of startedAt) expect(time).toBeGreaterThanOrEqual(resumeAt - 5);
	});
});
