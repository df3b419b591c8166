import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationSpec } from '../../shared/operation';
import { defineOperation } from '../../shared/operation';
import type { PaginationFunction } from '../../shared/transport';
import { CREDENTIAL_TYPE, settle, withRetries } from '../../shared/transport';
import { fail, idList, isPlainObject } from '../../shared/validation';

/**
 * preSend of every operation here: the organization endpoints take only an admin key, which the credential's
 * "Admin API Key" holds (the credential sends it to /organization/* and nowhere else). Without one, nothing is sent.
 */
export async function requireAdminKey(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	if (typeof credentials.adminApiKey !== 'string' || !credentials.adminApiKey.trim()) {
		fail(
			this,
			'Admin API Key: the organization endpoints need an admin key, and the credential has none',
			'Create one at platform.openai.com/settings/organization/admin-keys and add it to the credential\'s "Admin API Key" field. It is sent only to /organization/ endpoints.',
		);
	}
	return requestOptions;
}

/** An operation of this resource: `defineOperation` scoped to organization, the admin key checked first. */
export const organizationOperation = (spec: OperationSpec) =>
	defineOperation('organization', { ...spec, preSend: [requireAdminKey, ...(spec.preSend ?? [])] });

/** A date field read as Unix seconds; `undefined` when empty. */
export function unixSeconds(context: IExecuteSingleFunctions, field: string, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const millis = typeof value === 'number' ? value * (value < 1e11 ? 1000 : 1) : Date.parse(String(value));
	if (!Number.isFinite(millis)) fail(context, `${field}: "${String(value)}" is not a date`);
	return Math.floor(millis / 1000);
}

/** The time range of a costs or usage query: the start is required, the end must come after it. */
export function timeRange(context: IExecuteSingleFunctions, end: unknown): IDataObject {
	const start = unixSeconds(context, 'Start Time', context.getNodeParameter('startTime', ''));
	if (start === undefined) fail(context, 'Start Time: is empty');
	const until = unixSeconds(context, 'End Time', end);
	if (until !== undefined && until <= start) fail(context, 'End Time: must be after the start time');
	return { start_time: start, ...(until !== undefined ? { end_time: until } : {}) };
}

export const startTimeField: INodeProperties = {
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	required: true,
	default: '',
	description: 'The first bucket starts here',
};

export const endTimeOption: INodeProperties = {
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	default: '',
	description: 'The last bucket ends before this time; empty means now',
};

export const projectIdsOption: INodeProperties = {
	displayName: 'Project IDs',
	name: 'projectIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. proj_abc123, proj_def456',
	description: 'Only these projects, separated by commas',
};

/** IDs from a comma-separated option, or undefined when none. */
export function optionalIds(raw: unknown): string[] | undefined {
	const ids = idList(raw);
	return ids.length ? ids : undefined;
}

const MAX_PAGES = 10_000;

/**
 * For costs and usage: follows the `next_page` cursor (sent back as `page`) until the range ends,
 * one item per time bucket. A cursor seen twice ends the walk (a server that loops is not followed).
 */
export const paginateBuckets: PaginationFunction = async function (this, requestData) {
	return await settle(this, async () => {
		const qs = (requestData.options.qs ??= {}) as IDataObject;
		const buckets: IDataObject[] = [];
		const seen = new Set<string>();
		for (let page = 0; page < MAX_PAGES; page++) {
			const [first] = await withRetries(this, async () => await this.makeRoutingRequest(requestData));
			const body = (first?.json ?? {}) as IDataObject;
			const data = Array.isArray(body.data) ? (body.data as unknown[]).filter(isPlainObject) : [];
			buckets.push(...(data as IDataObject[]));
			const next = typeof body.next_page === 'string' ? body.next_page : '';
			if (!body.has_more || !next || seen.has(next)) break;
			seen.add(next);
			qs.page = next;
		}
		return buckets.map((json) => ({ json }));
	});
};

/**
 * Puts list filters in the URL as the spec has them: each value repeated under its name (`group_by=a&group_by=b`,
 * `event_types[]=a&event_types[]=b`). n8n's own query serialiser would index them (`group_by[0]=a`).
 */
export function withListQuery(requestOptions: IHttpRequestOptions, lists: Record<string, string[] | undefined>): IHttpRequestOptions {
	const pairs = Object.entries(lists).flatMap(([name, values]) => (values ?? []).map((value) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`));
	if (pairs.length === 0) return requestOptions;
	const url = requestOptions.url ?? '';
	return { ...requestOptions, url: `${url}${url.includes('?') ? '&' : '?'}${pairs.join('&')}` };
}

/** What costs and usage queries share: the range, the bucket width, its page size, and the list filters. */
export interface BucketQuery {
	width: string;
	bucketsPerPage: number;
	endTime?: unknown;
	lists: Record<string, string[] | undefined>;
}

/** preSend body of costs and usage: the range and bucket width in the query, the list filters repeated in the URL. */
export function withBucketQuery(context: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions, query: BucketQuery): IHttpRequestOptions {
	const qs: IDataObject = { ...timeRange(context, query.endTime), bucket_width: query.width, limit: query.bucketsPerPage };
	return withListQuery({ ...requestOptions, qs: { ...(requestOptions.qs as IDataObject), ...qs } }, query.lists);
}

/** "Bucket Width" with the widths an endpoint knows. */
export function bucketWidthOption(description: string, options: INodePropertyOptions[]): INodeProperties {
	return { displayName: 'Bucket Width', name: 'bucketWidth', type: 'options', default: '1d', description, options };
}

/** "Group By" with the fields an endpoint can split its buckets by. */
export function groupByOption(description: string, options: INodePropertyOptions[]): INodeProperties {
	return { displayName: 'Group By', name: 'groupBy', type: 'multiOptions', default: [], description, options };
}
