import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/fields';
import { bucketWidthOption, endTimeOption, groupByOption, optionalIds, organizationOperation, paginateBuckets, projectIdsOption, startTimeField, withBucketQuery } from './shared';

/** Daily buckets are the only width the costs endpoint knows; 180 of them fit in one page. */
const BUCKETS_PER_PAGE = 180;

interface CostsOptions {
	bucketWidth?: string;
	endTime?: string;
	groupBy?: string[];
	projectIds?: string;
}

/** preSend: the time range, grouping and project filter as the query. */
async function buildCostsQuery(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('options', {}) as CostsOptions;
	const projectIds = optionalIds(options.projectIds);
	return withBucketQuery(this, requestOptions, {
		width: options.bucketWidth ?? '1d',
		bucketsPerPage: BUCKETS_PER_PAGE,
		endTime: options.endTime,
		lists: { group_by: options.groupBy, project_ids: projectIds },
	});
}

export const { operation: getCostsOperation, fields: getCostsFields } = organizationOperation({
	value: 'getCosts',
	name: 'Get Costs',
	action: "Get the organization's costs",
	description: 'What the organization spent, per day and optionally per project or line item: one item per day (needs an admin key)',
	method: 'GET',
	path: '/organization/costs',
	preSend: [buildCostsQuery],
	pagination: paginateBuckets,
	fields: [
		startTimeField,
		collectionField([
			bucketWidthOption('The length of each bucket; costs come in days only', [{ name: '1 Day', value: '1d' }]),
			endTimeOption,
			groupByOption('Split each day by these fields', [
				{ name: 'API Key', value: 'api_key_id' },
				{ name: 'Line Item', value: 'line_item' },
				{ name: 'Project', value: 'project_id' },
			]),
			projectIdsOption,
		]),
	],
});
