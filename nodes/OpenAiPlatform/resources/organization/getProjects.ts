import { collectionField } from '../../shared/fields';
import { organizationOperation } from './shared';

export const { operation: getProjectsOperation, fields: getProjectsFields } = organizationOperation({
	value: 'getProjects',
	name: 'Get Projects',
	action: "Get the organization's projects",
	description: 'List the projects of the organization: one item per project (needs an admin key)',
	method: 'GET',
	path: '/organization/projects',
	list: {},
	trailingFields: [
		collectionField([
			{
				displayName: 'Include Archived',
				name: 'includeArchived',
				type: 'boolean',
				default: false,
				description: 'Whether to list archived projects too',
				routing: { send: { type: 'query', property: 'include_archived' } },
			},
		]),
	],
});
