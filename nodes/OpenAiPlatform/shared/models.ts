/** What an operation needs a model to do. Each has its own "From list" search. */
export type ModelCapability =
	| 'chat'
	| 'response'
	| 'completion'
	| 'image'
	| 'speech'
	| 'transcription'
	| 'embedding'
	| 'moderation'
	| 'video'
	| 'realtime'
	| 'fineTunable'
	| 'fineTuned'
	| 'any';

/** The capabilities as they read in a sentence, and the listSearch method name of each. */
const CAPABILITIES: Record<ModelCapability, { label: string; method: string }> = {
	chat: { label: 'chat', method: 'searchChatModels' },
	response: { label: 'response', method: 'searchResponseModels' },
	completion: { label: 'completion (instruct)', method: 'searchCompletionModels' },
	image: { label: 'image', method: 'searchImageModels' },
	speech: { label: 'speech', method: 'searchSpeechModels' },
	transcription: { label: 'transcription', method: 'searchTranscriptionModels' },
	embedding: { label: 'embedding', method: 'searchEmbeddingModels' },
	moderation: { label: 'moderation', method: 'searchModerationModels' },
	video: { label: 'video', method: 'searchVideoModels' },
	realtime: { label: 'realtime', method: 'searchRealtimeModels' },
	fineTunable: { label: 'fine-tunable', method: 'searchFineTunableModels' },
	fineTuned: { label: 'fine-tuned', method: 'searchFineTunedModels' },
	any: { label: '', method: 'searchModels' },
};

export const MODEL_CAPABILITIES = Object.keys(CAPABILITIES) as ModelCapability[];

export const capabilityLabel = (capability: ModelCapability) => CAPABILITIES[capability].label;
export const searchMethodFor = (capability: ModelCapability) => CAPABILITIES[capability].method;

const NOT_TEXT = /(embedding|moderation|whisper|tts|transcribe|dall-e|gpt-image|image|realtime|instruct|babbage|davinci|sora|codex|computer-use)/;

/** OpenAI's naming, as of 2026. Fine-tuned models (`ft:base:org::id`) are judged by their base. */
const MATCHERS: Record<ModelCapability, (id: string) => boolean> = {
	chat: (id) => /^(gpt-|o\d|chatgpt-)/.test(id) && !NOT_TEXT.test(id) && !/-(pro|deep-research)\b/.test(id),
	response: (id) =>
		(/^(gpt-|o\d|chatgpt-|codex-|computer-use)/.test(id) && !/(embedding|moderation|whisper|tts|transcribe|dall-e|gpt-image|image|realtime|instruct|audio|search-preview)/.test(id)),
	completion: (id) => /(instruct|^babbage-002|^davinci-002)/.test(id),
	image: (id) => /^(dall-e|gpt-image|chatgpt-image)/.test(id),
	speech: (id) => /(^tts-|-tts)/.test(id),
	transcription: (id) => /(^whisper|transcribe)/.test(id),
	embedding: (id) => /embedding/.test(id),
	moderation: (id) => /moderation/.test(id),
	video: (id) => /^sora/.test(id),
	realtime: (id) => /realtime/.test(id),
	fineTunable: (id) =>
		/^(gpt-4\.1(-mini|-nano)?-2025|gpt-4o(-mini)?-2024|gpt-3\.5-turbo|babbage-002|davinci-002|o4-mini-2025)/.test(id),
	fineTuned: () => false,
	any: () => true,
};

export function baseModelOf(id: string): string {
	return id.startsWith('ft:') ? id.slice(3).split(':')[0] : id;
}

/** The model id as OpenAI names it: without a fine-tune wrapper or a router's provider prefix ("openai/gpt-5"). */
export function plainModelId(model: string): string {
	const id = baseModelOf(model.trim()).toLowerCase();
	return id.slice(id.lastIndexOf('/') + 1);
}

/** OpenAI's model families, as of 2026. An id outside them is one the capability filter does not know. */
const KNOWN_FAMILIES = /^(gpt-|o\d|chatgpt-|codex-|computer-use|dall-e|tts-|whisper|text-embedding|omni-moderation|text-moderation|babbage|davinci|sora)/;

/** Whether the capability filter recognises the id (on any server: routers prefix OpenAI's ids with "openai/"). */
export function isKnownModel(id: string): boolean {
	return KNOWN_FAMILIES.test(plainModelId(id));
}

export function modelFits(id: string, capability: ModelCapability): boolean {
	if ((capability === 'fineTunable' || capability === 'fineTuned') && id.startsWith('ft:')) return true;
	return MATCHERS[capability](plainModelId(id));
}

/** Whether a model belongs in a capability's list: it fits, or the filter does not know it (it may fit). */
export function listedFor(id: string, capability: ModelCapability): boolean {
	return capability === 'any' || modelFits(id, capability) || (capability !== 'fineTuned' && !isKnownModel(id));
}
