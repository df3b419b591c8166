import { idField } from '../../shared/ids';
import { checkpointField, fineTuningOperation } from './checkpoint';

export const { operation: deleteCheckpointPermissionOperation, fields: deleteCheckpointPermissionFields } = fineTuningOperation({
	value: 'deleteCheckpointPermission',
	name: 'Delete Checkpoint Permission',
	action: 'Delete a permission of a fine-tuned checkpoint',
	description: 'Delete one permission of a fine-tuned model checkpoint',
	method: 'DELETE',
	path: '/fine_tuning/checkpoints/{checkpoint}/permissions/{permissionId}',
	ids: { checkpoint: 'Fine-Tuned Model Checkpoint', permissionId: 'Permission ID' },
	fields: [checkpointField, idField({ name: 'permissionId', displayName: 'Permission ID', placeholder: 'e.g. cp_zc4Q7MP6XxulcVzj4MZdwsAB', description: 'The permission to delete' })],
});
