import { collectionField } from '../../shared/fields';
import { CHECKPOINT_IDS, checkpointField, fineTuningOperation } from './checkpoint';

export const { operation: getAllCheckpointPermissionsOperation, fields: getAllCheckpointPermissionsFields } = fineTuningOperation({
	value: 'getAllCheckpointPermissions',
	name: 'Get Many Checkpoint Permissions',
	action: 'Get many permissions of a fine-tuned checkpoint',
	description: 'List the projects a fine-tuned model checkpoint is shared with: one item per permission',
	method: 'GET',
	path: '/fine_tuning/checkpoints/{checkpoint}/permissions',
	ids: CHECKPOINT_IDS,
	list: {},
	fields: [checkpointField],
	trailingFields: [
		collectionField([
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				default: 'descending',
				description: 'Sort by creation time',
				options: [
					{ name: 'Newest First', value: 'descending' },
					{ name: 'Oldest First', value: 'ascending' },
				],
				routing: { send: { type: 'query', property: 'order' } },
			},
			{
				displayName: 'Project ID',
				name: 'projectId',
				type: 'string',
				default: '',
				placeholder: 'e.g. proj_abc123',
				description: 'Only the permission of this project',
				routing: { send: { type: 'query', property: 'project_id' } },
			},
		]),
	],
});
