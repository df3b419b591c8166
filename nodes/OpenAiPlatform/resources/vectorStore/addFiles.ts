import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { TIMEOUT_LABEL } from '../../shared/concepts';
import { collectionField } from '../../shared/fields';
import { idOf } from '../../shared/ids';
import { backoffDelayMs, waitOrAbort } from '../../shared/retry';
import type { PaginationFunction } from '../../shared/transport';
import { addIdempotencyKey, cancelSignalOf, openAiRequest, settle, withRetries } from '../../shared/transport';
import { checkRange, fail, idList, isPlainObject } from '../../shared/validation';
import type { AddFileOptions } from './addFile';
import { STORE_IDS, attributesFrom, attributesOption, chunkingOptions, chunkingStrategyFrom, storeOperation, vectorStoreIdField } from './shared';

const MAX_FILES = 2000;
const DEFAULT_TIMEOUT_SECONDS = 600;
const MAX_TIMEOUT_SECONDS = 86_400;
/** Status checks start after a second and back off to one every 10 seconds. */
const POLL_POLICY = { maxRetries: 0, baseDelayMs: 1000, maxDelayMs: 10_000, exponential: true, retryAllErrors: false };

interface AddFilesOptions extends AddFileOptions {
	waitUntilProcessed?: boolean;
	timeout?: number;
}

/** preSend: the file IDs (1 to 2000), their shared attributes and chunking strategy, checked. */
async function buildAddFilesBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const fileIds = idList(this.getNodeParameter('fileIds', ''));
	if (fileIds.length === 0) fail(this, 'File IDs: give at least one file ID');
	if (fileIds.length > MAX_FILES) fail(this, `File IDs: ${fileIds.length} given, at most ${MAX_FILES} are allowed`);
	const options = this.getNodeParameter('options', {}) as AddFilesOptions;
	checkRange(this, 'Timeout', options.timeout, 1, MAX_TIMEOUT_SECONDS, true);
	const attributes = attributesFrom(this, options.attributes);
	const chunking = chunkingStrategyFrom(this, options);
	const body: IDataObject = {
		file_ids: fileIds,
		...(attributes ? { attributes } : {}),
		...(chunking ? { chunking_strategy: chunking as unknown as IDataObject } : {}),
	};
	return { ...requestOptions, body };
}

/** Polls the batch until it is no longer in progress, or fails the item at the timeout; wakes at once when the execution is stopped. */
async function waitUntilProcessed(context: IExecuteSingleFunctions, batch: IDataObject, timeoutSeconds: number): Promise<IDataObject> {
	const batchId = typeof batch.id === 'string' ? batch.id : '';
	if (!batchId) fail(context, "The server's reply to Add Files has no batch ID to wait for");
	const path = `/vector_stores/${encodeURIComponent(idOf(context, 'vectorStoreId', 'Vector Store'))}/file_batches/${encodeURIComponent(batchId)}`;
	const signal = cancelSignalOf(context);
	const deadline = Date.now() + timeoutSeconds * 1000;
	let current = batch;
	for (let poll = 0; current.status === 'in_progress'; poll++) {
		const left = deadline - Date.now();
		if (left <= 0) {
			const counts = isPlainObject(current.file_counts) ? ` (${JSON.stringify(current.file_counts)})` : '';
			fail(context, `File batch ${batchId} is still in_progress after ${timeoutSeconds} seconds${counts}`, 'Raise "Timeout", or check it later with Get File Batch.');
		}
		await waitOrAbort(Math.min(backoffDelayMs(poll, POLL_POLICY), left), signal);
		if (signal?.aborted) fail(context, `The execution was stopped while waiting for file batch ${batchId}`);
		const reply = await openAiRequest<unknown>(context, { method: 'GET', url: path });
		if (!isPlainObject(reply)) fail(context, `The server sent no file batch object for ${batchId}`);
		current = reply as IDataObject;
	}
	return current;
}

/** Sends the batch through the shared path, then, with "Wait Until Processed", follows it to its end. */
const addFilesAndWait: PaginationFunction = async function (this, requestData) {
	addIdempotencyKey(requestData.options);
	return await settle(this, async () => {
		const [reply] = await withRetries(this, async () => await this.makeRoutingRequest(requestData));
		const batch = (reply?.json ?? {}) as IDataObject;
		const options = this.getNodeParameter('options', {}) as AddFilesOptions;
		if (!options.waitUntilProcessed) return [{ json: batch }];
		return [{ json: await waitUntilProcessed(this, batch, options.timeout ?? DEFAULT_TIMEOUT_SECONDS) }];
	});
};

const waitOptions: INodeProperties[] = [
	{
		displayName: TIMEOUT_LABEL,
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
		default: DEFAULT_TIMEOUT_SECONDS,
		description: 'With "Wait Until Processed": how many seconds to wait at most before the item fails',
	},
	{
		displayName: 'Wait Until Processed',
		name: 'waitUntilProcessed',
		type: 'boolean',
		default: false,
		description: 'Whether to wait until every file is processed (or failed, or the batch cancelled) and return the finished batch',
	},
];

export const { operation: addFilesOperation, fields: addFilesFields } = storeOperation({
	value: 'addFiles',
	name: 'Add Files',
	action: 'Add files to a vector store in a batch',
	description: 'Add up to 2000 uploaded files at once, with attributes and chunking; optionally wait until they are processed',
	method: 'POST',
	path: '/vector_stores/{vectorStoreId}/file_batches',
	ids: STORE_IDS,
	preSend: [buildAddFilesBody],
	pagination: addFilesAndWait,
	fields: [
		vectorStoreIdField('The vector store to add the files to'),
		{
			displayName: 'File IDs',
			name: 'fileIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. file-abc123, file-def456',
			description: 'Uploaded files (purpose "assistants" or "user_data"), separated by commas or new lines, or an array from an expression',
		},
		collectionField([attributesOption('Up to 16 key-value pairs stored with every file of the batch; searches can filter by them'), ...chunkingOptions, ...waitOptions]),
	],
});
