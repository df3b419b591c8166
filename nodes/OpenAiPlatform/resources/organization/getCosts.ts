import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/fields';
import { endTimeOption, optionalIds, organizationOperation, paginateBuckets, projectIdsOption, startTimeField, timeRange, withListQuery } from './shared';

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
	const qs: IDataObject = {
		...timeRange(this, options.endTime),
		bucket_width: options.bucketWidth ?? '1d',
		limit: BUCKETS_PER_PAGE,
	};
	const lists = { group_by: options.groupBy, project_ids: projectIds };
	return withListQuery({ ...requestOptions, qs: { ...(requestOptions.qs as IDataObject), ...qs } }, lists);
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
			{
				displayName: 'Bucket Width',
				name: 'bucketWidth',
				type: 'options',
				default: '1d',
				description: 'The length of each bucket; costs come in days only',
				options: [{ name: '1 Day', value: '1d' }],
			},
			endTimeOption,
			{
				displayName: 'Group By',
				name: 'groupBy',
				type: 'multiOptions',
				default: [],
				description: 'Split each day by these fields',
				options: [
					{ name: 'API Key', value: 'api_key_id' },
					{ name: 'Line Item', value: 'line_item' },
					{ name: 'Project', value: 'project_id' },
				],
			},
			projectIdsOption,
		]),
	],
});
