import type { IExecuteSingleFunctions, IHttpRequestOptions, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/fields';
import { checkedChoice, fail } from '../../shared/validation';
import { bucketWidthOption, endTimeOption, groupByOption, optionalIds, organizationOperation, paginateBuckets, projectIdsOption, startTimeField, withBucketQuery } from './shared';

/** What each usage endpoint can group by (from OpenAI's spec). */
const GROUP_BY: Record<string, string[]> = {
	completions: ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'],
	embeddings: ['project_id', 'user_id', 'api_key_id', 'model'],
	images: ['project_id', 'user_id', 'api_key_id', 'model', 'size', 'source'],
	moderations: ['project_id', 'user_id', 'api_key_id', 'model'],
	audio_speeches: ['project_id', 'user_id', 'api_key_id', 'model'],
	audio_transcriptions: ['project_id', 'user_id', 'api_key_id', 'model'],
	vector_stores: ['project_id'],
	code_interpreter_sessions: ['project_id'],
	file_search_calls: ['project_id', 'user_id', 'api_key_id', 'vector_store_id'],
	web_search_calls: ['project_id', 'user_id', 'api_key_id', 'model', 'context_level'],
};
const USAGE_TYPES = Object.keys(GROUP_BY);
/** The most buckets one page may hold, by bucket width. */
const BUCKETS_PER_PAGE: Record<string, number> = { '1m': 1440, '1h': 168, '1d': 31 };

const USAGE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Audio Speeches', value: 'audio_speeches' },
	{ name: 'Audio Transcriptions', value: 'audio_transcriptions' },
	{ name: 'Code Interpreter Sessions', value: 'code_interpreter_sessions' },
	{ name: 'Completions', value: 'completions' },
	{ name: 'Embeddings', value: 'embeddings' },
	{ name: 'File Search Calls', value: 'file_search_calls' },
	{ name: 'Images', value: 'images' },
	{ name: 'Moderations', value: 'moderations' },
	{ name: 'Vector Stores', value: 'vector_stores' },
	{ name: 'Web Search Calls', value: 'web_search_calls' },
];

interface UsageOptions {
	bucketWidth?: string;
	endTime?: string;
	groupBy?: string[];
	projectIds?: string;
	models?: string;
}

/** preSend: the usage type's path, the time range, grouping and filters, checked against what that type knows. */
async function buildUsageRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const usageType = checkedChoice(this, 'Usage Type', this.getNodeParameter('usageType', 'completions'), USAGE_TYPES);
	const options = this.getNodeParameter('options', {}) as UsageOptions;
	const width = checkedChoice(this, 'Bucket Width', options.bucketWidth ?? '1d', Object.keys(BUCKETS_PER_PAGE));
	const allowed = GROUP_BY[usageType];
	for (const field of options.groupBy ?? []) {
		if (!allowed.includes(field)) fail(this, `Group By: ${usageType} usage cannot be grouped by "${field}"`, `It can be grouped by: ${allowed.join(', ')}`);
	}
	const projectIds = optionalIds(options.projectIds);
	const models = optionalIds(options.models);
	if (models && !allowed.includes('model')) fail(this, `Models: ${usageType} usage has no models to filter by`);
	return withBucketQuery(this, { ...requestOptions, url: `/organization/usage/${usageType}` }, {
		width,
		bucketsPerPage: BUCKETS_PER_PAGE[width],
		endTime: options.endTime,
		lists: { group_by: options.groupBy, project_ids: projectIds, models },
	});
}

export const { operation: getUsageOperation, fields: getUsageFields } = organizationOperation({
	value: 'getUsage',
	name: 'Get Usage',
	action: "Get the organization's usage",
	description: 'Tokens, requests, images, seconds or sessions used, per time bucket: one item per bucket (needs an admin key)',
	method: 'GET',
	path: '/organization/usage',
	preSend: [buildUsageRequest],
	pagination: paginateBuckets,
	fields: [
		{
			displayName: 'Usage Type',
			name: 'usageType',
			type: 'options',
			required: true,
			default: 'completions',
			description: 'Which API usage to report',
			options: USAGE_OPTIONS,
		},
		startTimeField,
		collectionField([
			bucketWidthOption('The length of each time bucket', [
				{ name: '1 Day', value: '1d' },
				{ name: '1 Hour', value: '1h' },
				{ name: '1 Minute', value: '1m' },
			]),
			endTimeOption,
			groupByOption('Split each bucket by these fields (not every usage type has all of them)', [
				{ name: 'API Key', value: 'api_key_id' },
				{ name: 'Batch', value: 'batch' },
				{ name: 'Context Level', value: 'context_level' },
				{ name: 'Model', value: 'model' },
				{ name: 'Project', value: 'project_id' },
				{ name: 'Service Tier', value: 'service_tier' },
				{ name: 'Size', value: 'size' },
				{ name: 'Source', value: 'source' },
				{ name: 'User', value: 'user_id' },
				{ name: 'Vector Store', value: 'vector_store_id' },
			]),
			{ displayName: 'Models', name: 'models', type: 'string', default: '', placeholder: 'e.g. gpt-4.1-mini, gpt-4o', description: 'Only these models, separated by commas' },
			projectIdsOption,
		]),
	],
});
