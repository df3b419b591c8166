import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ASSISTANTS_BETA } from '../resources/assistant/shared';
import { describeBatch } from '../resources/batch/shared';
import { modelSearches, objectSearch, searchFiles, searchFineTuningJobs } from './listSearch';

export const listSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {
	...modelSearches,
	searchAssistants: objectSearch('/assistants', (assistant) => String(assistant.name || assistant.id), ASSISTANTS_BETA),
	searchBatches: objectSearch('/batches', describeBatch),
	searchContainers: objectSearch('/containers', (container) => String(container.name || container.id)),
	searchFiles,
	searchFineTuningJobs,
	searchVectorStores: objectSearch('/vector_stores', (store) => String(store.name || store.id)),
	searchVideos: objectSearch('/videos', (video) => [video.prompt ? String(video.prompt).slice(0, 60) : '', `[${String(video.status ?? '')}]`, video.id].filter(Boolean).map(String).join(' ')),
	searchEvals: objectSearch('/evals', (evaluation) => String(evaluation.name || evaluation.id)),
	searchSkills: objectSearch('/skills', (skill) => String(skill.name || skill.id)),
	searchVoiceConsents: objectSearch('/audio/voice_consents', (consent) => `${String(consent.name || consent.id)}${consent.language ? ` (${String(consent.language)})` : ''}`),
};
