import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/fields';
import { fail } from '../../shared/validation';
import { optionalIds, organizationOperation, projectIdsOption, unixSeconds, withListQuery } from './shared';

interface AuditLogFilters {
	actorEmails?: string;
	effectiveAfter?: string;
	effectiveBefore?: string;
	eventTypes?: string;
	projectIds?: string;
}

/** preSend: the filters as the query the endpoint names them (`event_types[]`, `effective_at[gte]`, ...). */
async function buildAuditLogQuery(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const filters = this.getNodeParameter('filters', {}) as AuditLogFilters;
	const after = unixSeconds(this, 'Effective After', filters.effectiveAfter);
	const before = unixSeconds(this, 'Effective Before', filters.effectiveBefore);
	if (after !== undefined && before !== undefined && before <= after) fail(this, 'Effective Before: must be after "Effective After"');
	const lists = {
		'event_types[]': optionalIds(filters.eventTypes),
		'project_ids[]': optionalIds(filters.projectIds),
		'actor_emails[]': optionalIds(filters.actorEmails),
	};
	const qs: IDataObject = {
		...(after !== undefined ? { 'effective_at[gte]': after } : {}),
		...(before !== undefined ? { 'effective_at[lte]': before } : {}),
	};
	return withListQuery({ ...requestOptions, qs: { ...(requestOptions.qs as IDataObject), ...qs } }, lists);
}

export const { operation: getAuditLogsOperation, fields: getAuditLogsFields } = organizationOperation({
	value: 'getAuditLogs',
	name: 'Get Audit Logs',
	action: "Get the organization's audit logs",
	description: 'Who did what in the organization (keys, members, projects, logins): one item per entry (needs an admin key and audit logging turned on)',
	method: 'GET',
	path: '/organization/audit_logs',
	preSend: [buildAuditLogQuery],
	list: {},
	trailingFields: [
		collectionField(
			[
				{ displayName: 'Actor Emails', name: 'actorEmails', type: 'string', default: '', placeholder: 'e.g. ada@example.com', description: 'Only what these users did, separated by commas' },
				{ displayName: 'Effective After', name: 'effectiveAfter', type: 'dateTime', default: '', description: 'Only entries from this time on' },
				{ displayName: 'Effective Before', name: 'effectiveBefore', type: 'dateTime', default: '', description: 'Only entries up to this time' },
				{ displayName: 'Event Types', name: 'eventTypes', type: 'string', default: '', placeholder: 'e.g. api_key.created, project.archived', description: 'Only these event types, separated by commas' },
				projectIdsOption,
			],
			{ name: 'filters', displayName: 'Filters', placeholder: 'Add Filter' },
		),
	],
});
