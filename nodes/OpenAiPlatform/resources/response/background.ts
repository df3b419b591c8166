/**
 * response.create's reply handling: a failed response fails the item, a background response is
 * polled (GET /responses/{id}, growing waits) until it settles or the timeout passes.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { waitOrAbort } from '../../shared/retry';
import type { PaginationFunction } from '../../shared/transport';
import { cancelSignalOf, openAiRequest, sendRequest, settle } from '../../shared/transport';
import { fail } from '../../shared/validation';
import { createOptionsOf } from './createBody';
import { generatedImagesOf } from './imageTool';
import { withoutMcpSecrets } from './mcp';
import { isPending, simplifyResponse } from './shared';

const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 5_000;
const DEFAULT_TIMEOUT_SECONDS = 600;

/**
 * A settled reply of create: an error when the response failed, else simplified or raw, with its
 * generated images as binary data and the MCP secrets it echoes hidden.
 */
async function finishCreate(context: IExecuteSingleFunctions, reply: IDataObject): Promise<INodeExecutionData> {
	if (reply.status === 'failed') {
		const error = (reply.error ?? {}) as { code?: string; message?: string };
		throw new NodeOperationError(context.getNode(), `The response failed: ${error.message ?? 'no reason given'}`, {
			itemIndex: context.getItemIndex(),
			description: `Response ${String(reply.id ?? '')}${error.code ? `, error code ${error.code}` : ''}`,
		});
	}
	const { reply: json, binary } = await generatedImagesOf(context, withoutMcpSecrets(reply));
	const simplify = context.getNodeParameter('simplify', true) as boolean;
	return { json: simplify ? simplifyResponse(context, json, { strictJson: true }) : json, ...(binary ? { binary } : {}) };
}

/** postReceive of create. */
export async function finishCreateReply(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await Promise.all(items.map(async (item) => ({ ...item, ...(await finishCreate(this, item.json)) })));
}

async function cancelQuietly(context: IExecuteSingleFunctions, path: string, timeout?: number): Promise<string> {
	try {
		await openAiRequest(context, { method: 'POST', url: `${path}/cancel`, ...(timeout ? { timeout } : {}) });
		return 'It was cancelled.';
	} catch (error) {
		return `Cancelling it failed too: ${(error as Error).message}`;
	}
}

async function waitForResponse(context: IExecuteSingleFunctions, firstItem: INodeExecutionData, timeout?: number): Promise<INodeExecutionData> {
	const first = firstItem.json;
	if (!isPending(first.status)) return firstItem;
	const id = typeof first.id === 'string' ? first.id : '';
	if (!id) fail(context, 'Background: the server sent no response ID to poll');
	const options = createOptionsOf(context);
	const timeoutSeconds = options.backgroundTimeout ?? DEFAULT_TIMEOUT_SECONDS;
	const path = `/responses/${encodeURIComponent(id)}`;
	const signal = cancelSignalOf(context);
	const deadline = Date.now() + timeoutSeconds * 1000;
	let status = first.status;
	for (let delay = FIRST_POLL_MS; ; delay = Math.min(Math.round(delay * 1.5), MAX_POLL_MS)) {
		const left = deadline - Date.now();
		if (left <= 0) break;
		await waitOrAbort(Math.min(delay, left), signal);
		if (signal?.aborted) fail(context, `Background: the execution was stopped while response ${id} was ${String(status)}`);
		const reply = await openAiRequest<IDataObject>(context, {
			method: 'GET',
			url: path,
			...(timeout ? { timeout } : {}),
		});
		if (!isPending(reply.status)) return finishCreate(context, reply);
		status = reply.status;
	}
	const outcome = options.cancelOnTimeout
		? await cancelQuietly(context, path, timeout)
		: 'It keeps running: fetch it later with the Get operation, or turn on Cancel on Timeout.';
	return fail(
		context,
		`Background Timeout: response ${id} was still ${String(status)} after ${timeoutSeconds} s`,
		outcome,
	);
}

/**
 * The operation's pagination hook: sends the create request through the shared path, then, in
 * background mode, polls until the response settles. Polls use the node's Request Options >
 * Timeout like the first request.
 */
export const createResponse: PaginationFunction = async function (requestData) {
	const items = await sendRequest.call(this, requestData);
	if (!createOptionsOf(this).background) return items;
	const first = items[0]?.json ?? {};
	// Continue On Fail already turned a failed request into an error item.
	if (items.length !== 1 || typeof first.error === 'string') return items;
	return await settle(this, async () => [await waitForResponse(this, items[0], requestData.options.timeout)]);
};
