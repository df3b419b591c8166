/**
 * The capability filter against the model IDs OpenAI lists today (test/unit/fixtures/openai-models.json): every
 * id is known to the filter, each list holds what the operation can use, and nothing lands in a list it fails in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { ModelCapability } from '../../nodes/OpenAiPlatform/shared/models';
import { isKnownModel, listedFor } from '../../nodes/OpenAiPlatform/shared/models';

const reply = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'openai-models.json'), 'utf8')) as { data: Array<{ id: string }> };
const ids = reply.data.map((model) => model.id);
const listOf = (capability: ModelCapability) => ids.filter((id) => listedFor(id, capability));

describe("the capability filter over OpenAI's current model list", () => {
	it('knows every model family OpenAI lists', () => {
		expect(ids.filter((id) => !isKnownModel(id))).toEqual([]);
	});

	it.each([
		['chat', ['gpt-5', 'gpt-5-mini', 'gpt-5.1', 'gpt-5-chat-latest', 'gpt-4.1-mini', 'gpt-4o', 'o3', 'o4-mini', 'chatgpt-4o-latest', 'gpt-3.5-turbo'], ['gpt-5-codex', 'gpt-5.1-codex-mini', 'gpt-5-pro', 'o3-pro', 'o3-deep-research', 'gpt-image-1', 'gpt-realtime', 'gpt-4o-mini-tts', 'gpt-4o-transcribe', 'text-embedding-3-small', 'sora-2', 'dall-e-3', 'gpt-3.5-turbo-instruct', 'codex-mini-latest', 'computer-use-preview']],
		['response', ['gpt-5', 'gpt-5-pro', 'gpt-5-codex', 'gpt-5.1-codex', 'o3-pro', 'o3-deep-research', 'codex-mini-latest', 'computer-use-preview', 'gpt-4.1'], ['gpt-image-1', 'gpt-realtime', 'gpt-audio', 'gpt-4o-search-preview', 'sora-2', 'whisper-1', 'gpt-3.5-turbo-instruct']],
		['completion', ['gpt-3.5-turbo-instruct', 'babbage-002', 'davinci-002'], ['gpt-4o', 'gpt-5']],
		['image', ['gpt-image-1', 'gpt-image-1-mini', 'chatgpt-image-latest', 'dall-e-2', 'dall-e-3'], ['gpt-4o', 'sora-2']],
		['speech', ['gpt-4o-mini-tts', 'tts-1', 'tts-1-hd', 'tts-1-hd-1106'], ['gpt-4o-transcribe', 'gpt-audio']],
		['transcription', ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'gpt-4o-transcribe-diarize'], ['gpt-4o-mini-tts']],
		['embedding', ['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002'], ['gpt-4o']],
		['moderation', ['omni-moderation-latest', 'omni-moderation-2024-09-26'], ['gpt-4o']],
	] as Array<[ModelCapability, string[], string[]]>)('%s lists what it can use and nothing else', (capability, included, excluded) => {
		const list = listOf(capability);
		expect(included.filter((id) => !list.includes(id))).toEqual([]);
		expect(excluded.filter((id) => list.includes(id))).toEqual([]);
	});

	it('puts every id it knows in at least one list, except video and realtime models no operation takes', () => {
		const capabilities: ModelCapability[] = ['chat', 'response', 'completion', 'image', 'speech', 'transcription', 'embedding', 'moderation'];
		const nowhere = ids.filter((id) => !capabilities.some((capability) => listedFor(id, capability)));
		expect(nowhere.every((id) => /^(sora|gpt-realtime|gpt-4o(-mini)?-realtime|gpt-audio|gpt-4o(-mini)?-audio|gpt-4o(-mini)?-search|gpt-5-search)/.test(id))).toBe(true);
	});
});
