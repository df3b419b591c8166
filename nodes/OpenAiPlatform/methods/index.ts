import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ASSISTANTS_BETA } from '../resources/assistant/shared';
import { modelSearches, objectSearch } from './listSearch';

export const listSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {
	...modelSearches,
	searchAssistants: objectSearch('/assistants', (assistant) => String(assistant.name || assistant.id), ASSISTANTS_BETA),
};
