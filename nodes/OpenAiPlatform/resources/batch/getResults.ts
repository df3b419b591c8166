import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { toNodeError } from '../../shared/errors';
import { collectionField, forOperation, simplifyField } from '../../shared/fields';
import { idOf } from '../../shared/ids';
import { checkRange, fail, isPlainObject } from '../../shared/validation';
import { waitOrAbort } from '../../shared/retry';
import type { PaginationFunction } from '../../shared/transport';
import { cancelSignalOf, settle } from '../../shared/transport';
import { madeByOperation, shapeLikeOperation } from './resultShapes';
import { FINISHED_STATUSES, batchIdField, downloadFileText, parseJsonl, retrieveBatch } from './shared';

interface ResultOptions {
	waitUntilComplete?: boolean;
	pollInterval?: number;
	timeout?: number;
	inputOrder?: boolean;
}

const DEFAULT_POLL_SECONDS = 30;
const DEFAULT_TIMEOUT_SECONDS = 3600;
const MAX_TIMEOUT_SECONDS = 86_400;

function checkedOptions(context: IExecuteSingleFunctions): Required<ResultOptions> {
	const options = context.getNodeParameter('options', {}) as ResultOptions;
	const pollInterval = options.pollInterval ?? DEFAULT_POLL_SECONDS;
	const timeout = options.timeout ?? DEFAULT_TIMEOUT_SECONDS;
	checkRange(context, 'Poll Interval', pollInterval, 1, 3600);
	checkRange(context, 'Timeout', timeout, 1, MAX_TIMEOUT_SECONDS);
	return { waitUntilComplete: options.waitUntilComplete ?? false, pollInterval, timeout, inputOrder: options.inputOrder ?? true };
}

export function progressOf(batch: IDataObject): string {
	const counts = isPlainObject(batch.request_counts) ? batch.request_counts : {};
	const done = Number(counts.completed ?? 0);
	const failed = Number(counts.failed ?? 0);
	const total = Number(counts.total ?? 0);
	return total ? `${done + failed} of ${total} requests done (${failed} failed)` : 'No requests done yet';
}

/** Polls the batch until it is finished or the timeout passes; wakes at once when the execution is cancelled. */
async function waitUntilFinished(
	context: IExecuteSingleFunctions,
	batchId: string,
	first: IDataObject,
	options: Required<ResultOptions>,
): Promise<IDataObject> {
	const deadline = Date.now() + options.timeout * 1000;
	const signal = cancelSignalOf(context);
	let batch = first;
	while (!FINISHED_STATUSES.has(String(batch.status ?? ''))) {
		const left = deadline - Date.now();
		if (left <= 0) {
			fail(
				context,
				`Batch ${batchId} is still ${String(batch.status ?? 'running')} after ${options.timeout} seconds`,
				`${progressOf(batch)}. Raise "Timeout" or get the results later.`,
			);
		}
		await waitOrAbort(Math.min(options.pollInterval * 1000, left), signal);
		if (signal?.aborted) fail(context, `The execution was cancelled while waiting for batch ${batchId}`);
		batch = await retrieveBatch(context, batchId);
	}
	return batch;
}

function failureDescription(batch: IDataObject): string {
	const errors = isPlainObject(batch.errors) && Array.isArray(batch.errors.data) ? batch.errors.data : [];
	const lines = errors.filter(isPlainObject).map((error) =>
		[error.line !== undefined && error.line !== null ? `line ${String(error.line)}` : '', error.code, error.message].filter(Boolean).join(': '),
	);
	return lines.length ? `OpenAI rejected the input file. ${lines.slice(0, 10).join('; ')}` : 'OpenAI gave no reason.';
}

/** The result lines of the output or error file; none when the batch has no such file. */
export async function resultLines(context: IExecuteSingleFunctions, fileId: unknown, which: 'output' | 'error'): Promise<IDataObject[]> {
	if (typeof fileId !== 'string' || !fileId) return [];
	const what = `Batch ${which} file`;
	return parseJsonl(context, await downloadFileText(context, fileId), what).map(({ value, line }) => {
		if (!isPlainObject(value) || typeof value.custom_id !== 'string') fail(context, `${what}: line ${line} is not a batch result with a custom_id`);
		return value as IDataObject;
	});
}

/** The request lines of the input file in order; undefined when the file is gone (batch files expire). */
async function inputLines(context: IExecuteSingleFunctions, fileId: unknown): Promise<IDataObject[] | undefined> {
	if (typeof fileId !== 'string' || !fileId) return undefined;
	let text: string;
	try {
		text = await downloadFileText(context, fileId);
	} catch (error) {
		if ((error as { httpCode?: string }).httpCode === '404') return undefined;
		throw toNodeError(context.getNode(), error, context.getItemIndex());
	}
	return parseJsonl(context, text, 'Batch input file')
		.map(({ value }) => value)
		.filter((value): value is IDataObject => isPlainObject(value) && typeof value.custom_id === 'string');
}

export function parsedBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

/** The generated text of a chat completion, legacy completion or response body. */
function replyText(body: unknown): string | undefined {
	if (!isPlainObject(body)) return undefined;
	const choices = Array.isArray(body.choices) ? body.choices.filter(isPlainObject) : [];
	if (body.object === 'chat.completion') {
		const message = isPlainObject(choices[0]?.message) ? choices[0].message : {};
		return typeof message.content === 'string' ? message.content : undefined;
	}
	if (body.object === 'text_completion') return typeof choices[0]?.text === 'string' ? choices[0].text : undefined;
	if (body.object === 'response') {
		if (typeof body.output_text === 'string') return body.output_text;
		const output = Array.isArray(body.output) ? body.output.filter(isPlainObject) : [];
		const texts = output
			.flatMap((entry) => (Array.isArray(entry.content) ? entry.content.filter(isPlainObject) : []))
			.filter((part) => part.type === 'output_text' && typeof part.text === 'string')
			.map((part) => part.text as string);
		return texts.length ? texts.join('') : undefined;
	}
	return undefined;
}

/** One result line as custom_id, status code, the parsed body and its text, or the error. */
function simplifiedResult(line: IDataObject, batchId: string): IDataObject {
	const response = isPlainObject(line.response) ? line.response : {};
	const statusCode = typeof response.status_code === 'number' ? response.status_code : undefined;
	const body = parsedBody(response.body);
	const bodyError = isPlainObject(body) && isPlainObject(body.error) ? body.error : undefined;
	const error =
		(isPlainObject(line.error) ? line.error : undefined) ??
		bodyError ??
		(statusCode !== undefined && statusCode >= 400 ? { message: `The request failed with HTTP ${statusCode}` } : undefined);
	const text = error ? undefined : replyText(body);
	return {
		custom_id: line.custom_id,
		batch_id: batchId,
		...(statusCode !== undefined ? { status_code: statusCode } : {}),
		...(typeof response.request_id === 'string' ? { request_id: response.request_id } : {}),
		...(error ? { error } : { body: body as IDataObject, ...(text !== undefined ? { text } : {}) }),
	};
}

function missingResult(customId: string, batch: IDataObject, batchId: string): IDataObject {
	return {
		custom_id: customId,
		batch_id: batchId,
		error: {
			code: 'no_result',
			message: `The batch ended (${String(batch.status ?? 'unknown')}) without a result for this request`,
		},
	};
}

/** Output lines first, then error lines; in the input's order when it is known, with an error item for each request that got no result. */
function orderedResults(lines: IDataObject[], inputIds: string[] | undefined): Array<IDataObject | string> {
	if (!inputIds) return lines;
	const byId = new Map<string, IDataObject[]>();
	for (const line of lines) byId.set(line.custom_id as string, [...(byId.get(line.custom_id as string) ?? []), line]);
	const ordered: Array<IDataObject | string> = [];
	for (const id of inputIds) {
		const found = byId.get(id);
		ordered.push(...(found ?? [id]));
		byId.delete(id);
	}
	for (const rest of byId.values()) ordered.push(...rest);
	return ordered;
}

export interface BatchResultOptions {
	/** custom_id, status code, body and text (or the error) instead of the raw result lines. */
	simplify: boolean;
	/** Read the input file too: results in request order, an error item for each request without a result. */
	inputOrder: boolean;
}

/**
 * One item per request of a finished batch, matched by custom_id: downloads its output and error files
 * (and, for `inputOrder`, its input file). A failed or unfinished batch is a clear error.
 * Also used by the OpenAI Platform Trigger's "Results as Items".
 */
export async function batchResultItems(
	context: IExecuteSingleFunctions,
	batch: IDataObject,
	{ simplify, inputOrder }: BatchResultOptions,
): Promise<INodeExecutionData[]> {
	const batchId = String(batch.id ?? '');
	const status = String(batch.status ?? '');
	if (status === 'failed') fail(context, `Batch ${batchId} failed`, failureDescription(batch));
	if (!FINISHED_STATUSES.has(status)) {
		fail(
			context,
			`Batch ${batchId} is ${status || 'in an unknown state'}, not finished`,
			`${progressOf(batch)}. Turn on "Wait Until Complete" in the options, or get the results later.`,
		);
	}
	const lines = [
		...(await resultLines(context, batch.output_file_id, 'output')),
		...(await resultLines(context, batch.error_file_id, 'error')),
	];
	const operation = simplify ? madeByOperation(batch) : undefined;
	const requests = inputOrder || operation ? await inputLines(context, batch.input_file_id) : undefined;
	const inputIds = inputOrder ? requests?.map((request) => request.custom_id as string) : undefined;
	const bodies = new Map(requests?.map((request) => [request.custom_id as string, isPlainObject(request.body) ? (request.body as IDataObject) : {}]));
	return orderedResults(lines, inputIds).flatMap((entry): INodeExecutionData[] => {
		if (typeof entry === 'string') return [{ json: missingResult(entry, batch, batchId) }];
		if (!simplify) return [{ json: entry }];
		const result = simplifiedResult(entry, batchId);
		const request = bodies.get(String(entry.custom_id));
		if (!operation || !request || result.error || !isPlainObject(result.body)) return [{ json: result }];
		// A batch this node made (Send Through Batch API): each result shaped like that operation's output.
		return shapeLikeOperation(context, operation, request, result.body as IDataObject).map((json) => ({ json: { custom_id: result.custom_id, batch_id: batchId, ...json } }));
	});
}

/** Finds (or waits for) the finished batch, downloads its files and returns one item per request. */
const collectResults: PaginationFunction = async function (this) {
	return await settle(this, async () => {
		const batchId = idOf(this, 'batchId', 'Batch');
		const options = checkedOptions(this);
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		let batch = await retrieveBatch(this, batchId);
		if (options.waitUntilComplete) batch = await waitUntilFinished(this, batchId, batch, options);
		return await batchResultItems(this, { ...batch, id: batchId }, { simplify, inputOrder: options.inputOrder });
	});
};

export const getResultsOperation: INodePropertyOptions = {
	name: 'Get Results',
	value: 'getResults',
	action: 'Get the results of a batch',
	description: 'Download the output and error files of a finished batch: one item per request, matched by custom_id',
	routing: {
		request: { method: 'GET' },
		operations: { pagination: collectResults },
	},
};

export const getResultsFields: INodeProperties[] = forOperation('batch', 'getResults', [
	batchIdField('The batch whose results to get'),
	simplifyField(
		'Whether to return custom_id, status code, the response body and its text (or the error) instead of the raw result lines. Results of a batch made with "Send Through Batch API" come shaped like that operation\'s output.',
	),
	collectionField([
		{
			displayName: 'Match Input Order',
			name: 'inputOrder',
			type: 'boolean',
			default: true,
			description:
				'Whether to also read the input file, to return the results in request order and an error item for each request without a result (e.g. after the batch expired or was cancelled)',
		},
		{
			displayName: 'Poll Interval',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 3600 },
			default: DEFAULT_POLL_SECONDS,
			description: 'With "Wait Until Complete": seconds to wait between status checks',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
			default: DEFAULT_TIMEOUT_SECONDS,
			description: 'With "Wait Until Complete": seconds to wait at most before failing',
		},
		{
			displayName: 'Wait Until Complete',
			name: 'waitUntilComplete',
			type: 'boolean',
			default: false,
			description: 'Whether to wait for an unfinished batch (checking its status now and then) instead of failing',
		},
	]),
]);
