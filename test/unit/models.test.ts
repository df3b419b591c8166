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
