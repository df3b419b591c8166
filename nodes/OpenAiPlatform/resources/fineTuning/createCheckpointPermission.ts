import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { dataItems } from '../../shared/operation';
import { fail, idList } from '../../shared/validation';
import { CHECKPOINT_IDS, checkpointField, fineTuningOperation } from './checkpoint';

/** preSend: the project IDs, at least one. */
async function buildPermissionBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const projectIds = idList(this.getNodeParameter('projectIds', ''));
	if (projectIds.length === 0) fail(this, 'Project IDs: give at least one project ID');
	return { ...requestOptions, body: { project_ids: projectIds } };
}

export const { operation: createCheckpointPermissionOperation, fields: createCheckpointPermissionFields } = fineTuningOperation({
	value: 'createCheckpointPermission',
	name: 'Create Checkpoint Permission',
	action: 'Create a permission for a fine-tuned checkpoint',
	description: 'Let other projects of the organization use a fine-tuned model checkpoint: one item per permission created',
	method: 'POST',
	path: '/fine_tuning/checkpoints/{checkpoint}/permissions',
	ids: CHECKPOINT_IDS,
	preSend: [buildPermissionBody],
	postReceive: [dataItems],
	fields: [
		checkpointField,
		{
			displayName: 'Project IDs',
			name: 'projectIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. proj_abc123, proj_def456',
			description: 'The projects to share the checkpoint with, separated by commas or new lines, or an array from an expression',
		},
	],
});
