import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { modelSearches, searchFiles, searchFineTuningJobs } from './listSearch';

export const listSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {
	...modelSearches,
	searchFiles,
	searchFineTuningJobs,
};
