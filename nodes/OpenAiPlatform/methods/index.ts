import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ASSISTANTS_BETA } from '../resources/assistant/shared';
import { describeBatch } from '../resources/batch/shared';
import { modelSearches, objectSearch } from './listSearch';

export const listSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {
	...modelSearches,
	searchAssistants: objectSearch('/assistants', (assistant) => String(assistant.name || assistant.id), ASSISTANTS_BETA),
	searchBatches: objectSearch('/batches', describeBatch),
	// Files for id pickers (batch input, vector store files). The file resource may bring its own; keep one.
	searchFiles: objectSearch('/files', (file) => (file.purpose ? `${String(file.filename || file.id)} (${String(file.purpose)})` : String(file.filename || file.id))),
	searchVectorStores: objectSearch('/vector_stores', (store) => String(store.name || store.id)),
};
