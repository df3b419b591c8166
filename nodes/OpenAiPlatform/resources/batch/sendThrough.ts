/**
 * "Send Through Batch API": chat, response, embedding and moderation items go out as one Batch API job (half the
 * price), built from the very bodies the direct call would send, and come back shaped like the direct call's output.
 *
 * How the node's items meet although RoutingNode sends them one at a time: see shared/gathering.ts. Each item's
 * pagination hook joins its node run's gathering and waits; when the last item has joined, one run writes the JSONL,
 * uploads it, creates the batch(es), polls them and hands every item its own result, which the item's own postReceive
 * hooks then shape exactly as they shape a direct reply. Errors stay per item, under the node's On Error setting.
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asMultipart, multipartForm } from '../../shared/binary';
import type { GatheredItem } from '../../shared/gathering';
import { join, leave, markItem } from '../../shared/gathering';
import { waitOrAbort } from '../../shared/retry';
import type { PaginationFunction, RoutingRequest } from '../../shared/transport';
import { cancelSignalOf, openAiRequest, sendRequest, settle, stoppedError } from '../../shared/transport';
import { fail, isPlainObject } from '../../shared/validation';
import { parsedBody, progressOf, resultLines } from './getResults';
import { JsonlFile, splitIntoFiles } from './jsonl';
import { BATCHABLE_OPERATIONS, DEFAULT_WAIT_MINUTES, MAX_WAIT_MINUTES } from './sendThroughFields';
import type { BatchLine } from './shared';
import { BATCH_ENDPOINTS, FINISHED_STATUSES, objectReply, retrieveBatch } from './shared';

type DeadlineOutcome = 'fail' | 'returnBatchId' | 'finishDirectly';

/** Polls start soon (small batches finish in minutes) and back off to one a minute. */
const FIRST_POLL_MS = 5_000;
const MAX_POLL_MS = 60_000;
/** OpenAI takes up to 10 minutes to cancel a batch; its finished requests come back then. */
const CANCEL_WAIT_MS = 10 * 60_000;

/** Whether this item's node run goes through the Batch API (options read without evaluating an expression). */
function throughBatch(context: IExecuteSingleFunctions): boolean {
	const operation = `${String(context.getNodeParameter('resource', ''))}.${String(context.getNodeParameter('operation', ''))}`;
	return BATCHABLE_OPERATIONS.has(operation) && context.getNodeParameter('sendThroughBatch', false) === true;
}

/** The direct send path of each gathered item, for "Finish the Rest Directly". */
const directPaths = new WeakMap<RoutingRequest, PaginationFunction>();

/**
 * preSend, first of every operation's hooks (it sits on the send path property): counts the item into its node run's
 * gathering, synchronously, while RoutingNode is still preparing the items.
 */
export async function countBatchItem(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (throughBatch(this)) markItem(this, runThroughBatch);
	return requestOptions;
}

/** A pagination hook that sends the item directly, or hands it to its node run's batch. */
export function directOrThroughBatch(direct: PaginationFunction): PaginationFunction {
	return async function (this, requestData) {
		if (!throughBatch(this)) return await direct.call(this, requestData);
		directPaths.set(requestData, direct);
		return await settle(this, async () => await join(this, requestData));
	};
}

/** The node's send path: the shared one, or the batch when the option is on. */
export const sendDirectlyOrThroughBatch: PaginationFunction = directOrThroughBatch(sendRequest);

/** For an item that turns out to need no request (e.g. an entry without text to translate): the batch need not wait for it. */
export function skipBatch(context: IExecuteSingleFunctions): void {
	if (throughBatch(context)) leave(context);
}

interface Settings {
	waitMs: number;
	atDeadline: DeadlineOutcome;
	operation: string;
	simplify: boolean;
}

function settingsOf(context: IExecuteSingleFunctions): Settings {
	const minutes = Number(context.getNodeParameter('batchWaitMinutes', DEFAULT_WAIT_MINUTES));
	if (!Number.isFinite(minutes) || minutes < 0 || minutes > MAX_WAIT_MINUTES) {
		fail(context, `Wait Up To: ${String(minutes)} is not a number from 0 to ${MAX_WAIT_MINUTES}`);
	}
	const atDeadline = context.getNodeParameter('batchDeadline', 'returnBatchId') as DeadlineOutcome;
	if (!['fail', 'returnBatchId', 'finishDirectly'].includes(atDeadline)) fail(context, `At the Deadline: "${String(atDeadline)}" is not one of the options`);
	return {
		waitMs: minutes * 60_000,
		atDeadline,
		operation: `${String(context.getNodeParameter('resource', ''))}.${String(context.getNodeParameter('operation', ''))}`,
		simplify: context.getNodeParameter('simplify', true) !== false,
	};
}

interface BatchRequest {
	item: GatheredItem;
	line: BatchLine;
}

/** The batch line of an item: the body and endpoint its direct request would have. */
function lineOf(item: GatheredItem): BatchLine {
	const { url, body, method } = item.requestData.options;
	const endpoint = `/v1${String(url ?? '')}`;
	if (String(method ?? 'POST').toUpperCase() !== 'POST' || !BATCH_ENDPOINTS.some((option) => option.value === endpoint)) {
		fail(item.context, `Send Through Batch API: the Batch API does not run ${String(url)}`);
	}
	if (!isPlainObject(body)) fail(item.context, 'Send Through Batch API: the request has no JSON body to put in the batch');
	if ((body as IDataObject).background === true || (body as IDataObject).stream === true) {
		fail(item.context, 'Send Through Batch API: Background and streaming are not available in a batch', 'Turn Background off, or send the items directly.');
	}
	return { custom_id: `item-${item.itemIndex}`, method: 'POST', url: endpoint, body: body as IDataObject };
}

interface RunningBatch {
	batch: IDataObject;
	requests: BatchRequest[];
}

/** Uploads one batch file (streamed as it is written) and creates its batch. */
async function startBatch(lead: IExecuteSingleFunctions, requests: BatchRequest[], metadata: IDataObject): Promise<RunningBatch> {
	const file = new JsonlFile(requests.map((request) => request.line));
	const form = multipartForm({ purpose: 'batch' }, [
		{ name: 'file', file: { blob: file, fileName: 'n8n-batch-input.jsonl', mimeType: file.type, size: file.size } },
	]);
	const uploaded = objectReply(lead, await openAiRequest<unknown>(lead, asMultipart({ method: 'POST', url: '/files' }, form)), 'file');
	if (typeof uploaded.id !== 'string' || !uploaded.id) fail(lead, 'Send Through Batch API: the server stored the batch file but sent no file ID');
	const created = await openAiRequest<unknown>(lead, {
		method: 'POST',
		url: '/batches',
		body: { input_file_id: uploaded.id, endpoint: requests[0].line.url, completion_window: '24h', metadata },
	});
	const batch = objectReply(lead, created, 'batch');
	if (typeof batch.id !== 'string' || !batch.id) fail(lead, 'Send Through Batch API: the server created the batch but sent no batch ID');
	return { batch, requests };
}

const isFinished = (batch: IDataObject) => FINISHED_STATUSES.has(String(batch.status ?? ''));

/** Polls the unfinished batches (at once, then backing off) until all are finished or the deadline passes; a stop ends the wait. */
async function waitForBatches(lead: IExecuteSingleFunctions, batches: RunningBatch[], deadline: number): Promise<void> {
	const signal = cancelSignalOf(lead);
	for (let delay = FIRST_POLL_MS; ; delay = Math.min(Math.round(delay * 1.5), MAX_POLL_MS)) {
		if (signal?.aborted) throw stoppedError(lead, `while waiting for batch ${batches.map(({ batch }) => String(batch.id)).join(', ')}`);
		const waiting = batches.filter((running) => !isFinished(running.batch));
		for (const running of waiting) running.batch = await retrieveBatch(lead, String(running.batch.id));
		const unfinished = waiting.filter((running) => !isFinished(running.batch));
		if (!unfinished.length) return;
		for (const { batch } of unfinished) lead.logger.info(`OpenAI Platform: batch ${String(batch.id)} is ${String(batch.status)}: ${progressOf(batch)}`);
		const left = deadline - Date.now();
		if (left <= 0) return;
		await waitOrAbort(Math.min(delay, left), signal);
	}
}

/** The result lines of a finished batch by custom_id (output file first, then error file). */
async function resultsOf(lead: IExecuteSingleFunctions, batch: IDataObject): Promise<Map<string, IDataObject>> {
	const lines = [...(await resultLines(lead, batch.output_file_id, 'output')), ...(await resultLines(lead, batch.error_file_id, 'error'))];
	return new Map(lines.map((line) => [String(line.custom_id), line]));
}

/**
 * A result line as the reply the direct call would have had, run through the item's own postReceive hooks (the
 * send path's status check first, then the operation's shaping), so an item comes out exactly as a direct one.
 */
async function shapeResult(item: GatheredItem, line: IDataObject): Promise<INodeExecutionData[]> {
	const response = isPlainObject(line.response) ? line.response : undefined;
	if (!response) {
		const error = isPlainObject(line.error) ? line.error : {};
		throw new NodeOperationError(item.context.getNode(), `The Batch API could not run this item's request: ${String(error.message ?? 'no reason given')}`, {
			itemIndex: item.itemIndex,
			description: error.code ? `Error code ${String(error.code)}` : undefined,
		});
	}
	const reply: IN8nHttpFullResponse = {
		statusCode: typeof response.status_code === 'number' ? response.status_code : 200,
		headers: typeof response.request_id === 'string' ? { 'x-request-id': response.request_id } : {},
		body: parsedBody(response.body) as IDataObject,
	};
	// RoutingNode runs postReceive hooks with the item's own context; the pagination context is made from it with
	// Object.create, and hooks that remember what their preSend sent key it by that own context.
	const context = Object.hasOwn(item.context, 'makeRoutingRequest') ? (Object.getPrototypeOf(item.context) as IExecuteSingleFunctions) : item.context;
	let items: INodeExecutionData[] = [{ json: reply.body as IDataObject }];
	for (const { actions } of item.requestData.postReceive) {
		for (const action of actions) {
			if (typeof action !== 'function') throw new Error(`A declarative postReceive (${action.type}) cannot shape a batch result; this is a bug in the node`);
			items = await action.call(context, items, reply);
		}
	}
	return items;
}

/** Hands each item of a finished batch its result, or the reason it has none. */
async function deliver(item: GatheredItem, line: IDataObject | undefined, batch: IDataObject): Promise<void> {
	try {
		if (!line) {
			fail(item.context, `Batch ${String(batch.id)} ended (${String(batch.status)}) without a result for this item`, progressOf(batch));
		}
		item.resolve(await shapeResult(item, line));
	} catch (error) {
		item.reject(error);
	}
}

async function cancelBatch(lead: IExecuteSingleFunctions, running: RunningBatch): Promise<void> {
	running.batch = objectReply(lead, await openAiRequest<unknown>(lead, { method: 'POST', url: `/batches/${encodeURIComponent(String(running.batch.id))}/cancel` }), 'batch');
}

/** What happens to the items of a batch that has not finished by the deadline. */
async function settleUnfinished(lead: IExecuteSingleFunctions, running: RunningBatch, settings: Settings): Promise<void> {
	const { batch, requests } = running;
	if (settings.atDeadline === 'returnBatchId') {
		for (const { item, line } of requests) {
			item.resolve([{ json: { batchId: batch.id, customId: line.custom_id, status: batch.status, inputFileId: batch.input_file_id } }]);
		}
		return;
	}
	if (settings.atDeadline === 'fail') {
		const message = `Batch ${String(batch.id)} is still ${String(batch.status)} after ${settings.waitMs / 60_000} minutes`;
		const description = `${progressOf(batch)}. It keeps running: get its results later with Batch > Get Results (custom IDs item-0, item-1, …), or raise 'Wait Up To'.`;
		for (const { item } of requests) item.reject(new NodeOperationError(item.context.getNode(), message, { itemIndex: item.itemIndex, description }));
		return;
	}
	await cancelBatch(lead, running);
	await waitForBatches(lead, [running], Date.now() + CANCEL_WAIT_MS);
	const results = isFinished(running.batch) ? await resultsOf(lead, running.batch) : new Map<string, IDataObject>();
	await Promise.all(
		requests.map(async ({ item, line }) => {
			const result = results.get(line.custom_id);
			if (result) return await deliver(item, result, running.batch);
			const direct = directPaths.get(item.requestData);
			if (!direct) return item.reject(new Error('The item has no direct send path; this is a bug in the node'));
			try {
				item.resolve(await direct.call(item.context as never, item.requestData));
			} catch (error) {
				item.reject(error);
			}
		}),
	);
}

/** Sends a node run's items through the Batch API and settles each of them. */
async function runThroughBatch(items: GatheredItem[]): Promise<void> {
	const lead = items[0].context;
	const settings = settingsOf(lead);
	const requests: BatchRequest[] = [];
	for (const item of items) {
		try {
			requests.push({ item, line: lineOf(item) });
		} catch (error) {
			item.reject(error);
		}
	}
	if (!requests.length) return;
	const files = splitIntoFiles(requests);
	const running: RunningBatch[] = [];
	for (const [index, file] of files.entries()) {
		const metadata = {
			n8n_operation: settings.operation,
			n8n_simplify: String(settings.simplify),
			...(files.length > 1 ? { n8n_part: `${index + 1} of ${files.length}` } : {}),
		};
		running.push(await startBatch(lead, file, metadata));
	}
	lead.logger.info(`OpenAI Platform: ${requests.length} items sent as batch ${running.map(({ batch }) => String(batch.id)).join(', ')}`);
	await waitForBatches(lead, running, Date.now() + settings.waitMs);
	for (const batch of running) {
		if (!isFinished(batch.batch)) {
			await settleUnfinished(lead, batch, settings);
			continue;
		}
		const results = await resultsOf(lead, batch.batch);
		await Promise.all(batch.requests.map(async ({ item, line }) => await deliver(item, results.get(line.custom_id), batch.batch)));
	}
}
