import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { oneFileMultipart } from '../../shared/binary';
import { binaryPropertyField, forOperation } from '../../shared/fields';
import { idOf } from '../../shared/ids';
import { fileLocator } from '../file/shared';
import { RESOURCE, containerLocator, containerPath } from './shared';

const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** preSend: the file, as a multipart upload of a binary property or as an uploaded file's ID. */
async function buildFile(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('source', 'binary') === 'fileId') return { ...requestOptions, body: { file_id: idOf(this, 'fileId', 'File') } };
	return await oneFileMultipart(this, requestOptions, { field: 'Input Binary Field', maxBytes: MAX_UPLOAD_BYTES });
}

export const addFileOperation: INodePropertyOptions = {
	name: 'Add File',
	value: 'addFile',
	action: 'Add a file to a container',
	description: 'Put a file into a container, from binary data or an uploaded file, for the code to read',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [containerPath('/files'), buildFile] },
	},
};

export const addFileFields: INodeProperties[] = forOperation(RESOURCE, 'addFile', [
	containerLocator,
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		default: 'binary',
		options: [
			{ name: 'Binary Data', value: 'binary', description: 'A file from a binary property of the input item' },
			{ name: 'Uploaded File', value: 'fileId', description: 'A file already uploaded with File > Upload' },
		],
	},
	{ ...binaryPropertyField({ description: 'Name of the binary property that holds the file (up to 512 MB)' }), displayOptions: { show: { source: ['binary'] } } },
	{ ...fileLocator({ description: 'The uploaded file to copy into the container' }), displayOptions: { show: { source: ['fileId'] } } },
]);
