import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation } from '../../shared/fields';
import { checkRange, idList, requiredText } from '../../shared/validation';
import { RESOURCE } from './shared';

interface CreateOptions {
	fileIds?: unknown;
	expiresAfterMinutes?: number;
	memoryLimit?: '1g' | '4g' | '16g' | '64g';
}

/** preSend: name, files to copy in, idle expiry and memory. */
async function buildContainer(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('options', {}) as CreateOptions;
	const body: IDataObject = { name: requiredText(this, 'containerName', 'Name') };
	const fileIds = idList(options.fileIds);
	if (fileIds.length) body.file_ids = fileIds;
	const minutes = checkRange(this, 'Expires After', options.expiresAfterMinutes, 1, 1440, true);
	if (minutes !== undefined) body.expires_after = { anchor: 'last_active_at', minutes };
	if (options.memoryLimit) body.memory_limit = options.memoryLimit;
	return { ...requestOptions, body };
}

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a container',
	description: 'Create a code interpreter container, optionally with files copied in',
	routing: {
		request: { method: 'POST', url: '/containers' },
		send: { preSend: [buildContainer] },
	},
};

export const createFields: INodeProperties[] = forOperation(RESOURCE, 'create', [
	{ displayName: 'Name', name: 'containerName', type: 'string', required: true, default: '', placeholder: 'e.g. Sales analysis', description: 'A name for the container' },
	collectionField([
		{
			displayName: 'Expires After',
			name: 'expiresAfterMinutes',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1440 },
			default: 20,
			description: 'Delete the container after this many minutes without use',
		},
		{ displayName: 'File IDs', name: 'fileIds', type: 'string', default: '', placeholder: 'e.g. file-abc123, file-def456', description: 'Uploaded files to copy into the container, separated by commas' },
		{
			displayName: 'Memory Limit',
			name: 'memoryLimit',
			type: 'options',
			default: '1g',
			description: 'How much memory the code in the container can use',
			options: [
				{ name: '1 GB', value: '1g' },
				{ name: '4 GB', value: '4g' },
				{ name: '16 GB', value: '16g' },
				{ name: '64 GB', value: '64g' },
			],
		},
	]),
]);
