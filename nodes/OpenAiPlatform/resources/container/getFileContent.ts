import type { IDataObject, IN8nHttpFullResponse, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { binaryFromResponse } from '../../shared/binary';
import { forOperation, outputBinaryField } from '../../shared/fields';
import { idOf } from '../../shared/ids';
import type { PaginationFunction } from '../../shared/transport';
import { openAiRequest, settle, withRetries } from '../../shared/transport';
import type { Download } from '../file/getContent';
import { checkDownload, keepDownload, mimeTypeFor } from '../file/getContent';
import { RESOURCE, containerFileIdField, containerLocator, containerPath } from './shared';

/** The file name in a container path, e.g. `/mnt/data/chart.png` -> `chart.png`. */
function fileNameOf(details: IDataObject, id: string): string {
	const path = typeof details.path === 'string' ? details.path.trim() : '';
	return path.split('/').filter(Boolean).pop() || id;
}

/**
 * Pagination hook: asks for the file's details first (its path, hence its name, and a clear 404
 * before any download), then downloads the content and stores it as binary data under that name.
 */
const downloadContainerFile: PaginationFunction = async function (this, requestData) {
	return await settle(this, async () => {
		const containerId = encodeURIComponent(idOf(this, 'containerId', 'Container'));
		const fileId = idOf(this, 'containerFileId', 'Container File ID');
		const file = await openAiRequest<IDataObject | string>(this, { method: 'GET', url: `/containers/${containerId}/files/${encodeURIComponent(fileId)}` });
		const details: IDataObject = file && typeof file === 'object' && !Buffer.isBuffer(file) ? file : { id: fileId };
		const [reply] = await withRetries(this, async () => await this.makeRoutingRequest(requestData));
		const { content, contentType } = (reply?.json ?? {}) as unknown as Download;
		const fileName = fileNameOf(details, fileId);
		checkDownload(this, details, fileName, content, contentType);
		const property = String(this.getNodeParameter('binaryPropertyOutput', 'data')).trim() || 'data';
		const response: IN8nHttpFullResponse = { body: content, headers: {}, statusCode: 200 };
		const binary = await binaryFromResponse(this, response, fileName, mimeTypeFor(fileName, contentType));
		return [{ json: details, binary: { [property]: binary } }];
	});
};

export const getFileContentOperation: INodePropertyOptions = {
	name: 'Get File Content',
	value: 'getFileContent',
	action: "Get a file's content from a container",
	description: "Download a container file (e.g. a chart or CSV the code made) as binary data, under the file's name",
	routing: {
		request: { method: 'GET', encoding: 'arraybuffer', headers: { Accept: '*/*' } },
		send: { preSend: [containerPath('/files/{containerFileId}/content')] },
		operations: { pagination: downloadContainerFile },
		output: { postReceive: [keepDownload] },
	},
};

export const getFileContentFields: INodeProperties[] = forOperation(RESOURCE, 'getFileContent', [
	containerLocator,
	containerFileIdField,
	outputBinaryField('Name of the binary property to store the file in'),
]);
