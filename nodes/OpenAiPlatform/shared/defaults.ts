import type { IDisplayOptions } from 'n8n-workflow';

/**
 * The node's versions. 1.1 changed defaults (resource, preselected models) and the simplified output's
 * vocabulary; n8n stores only the values that differ from a default, so a version-1 node keeps the old ones.
 */
export const NODE_VERSIONS = [1, 1.1];
export const DEFAULT_VERSION = 1.1;

/** Display conditions for fields that differ between versions. */
export const ONLY_VERSION_1: IDisplayOptions['show'] = { '@version': [1] };
export const FROM_VERSION_1_1: IDisplayOptions['show'] = { '@version': [{ _cnd: { gte: 1.1 } }] };

/**
 * The model preselected in each operation that needs one: current and inexpensive. Chat, response, completion,
 * embedding and moderation preselect theirs from version 1.1 on; image and audio always did.
 */
export const DEFAULT_MODELS = {
	chat: 'gpt-4.1-mini',
	response: 'gpt-4.1-mini',
	completion: 'gpt-3.5-turbo-instruct',
	embedding: 'text-embedding-3-small',
	moderation: 'omni-moderation-latest',
	imageGeneration: 'gpt-image-1',
	imageEdit: 'gpt-image-1',
	imageVariation: 'dall-e-2',
	speech: 'gpt-4o-mini-tts',
	transcription: 'whisper-1',
} as const;
