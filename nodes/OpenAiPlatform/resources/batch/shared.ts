import type { BatchCreateParams } from 'openai/resources/batches';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { idLocatorField } from '../../shared/fields';
import { fail, isPlainObject } from '../../shared/validation';
import { openAiRequest } from '../../shared/transport';

export type BatchEndpoint = BatchCreateParams['endpoint'];

/** The endpoints the Batch API runs, as the endpoint field offers them. */
export const BATCH_ENDPOINTS: Array<{ name: string; value: BatchEndpoint }> = [
	{ name: 'Chat Completions', value: '/v1/chat/completions' },
	{ name: 'Completions (Legacy)', value: '/v1/completions' },
	{ name: 'Embeddings', value: '/v1/embeddings' },
	{ name: 'Image Edits', value: '/v1/images/edits' },
	{ name: 'Image Generations', value: '/v1/images/generations' },
	{ name: 'Moderations', value: '/v1/moderations' },
	{ name: 'Responses', value: '/v1/responses' },
	{ name: 'Videos', value: '/v1/videos' },
];

/** OpenAI's limit on requests per batch input file. */
export const MAX_BATCH_REQUESTS = 50_000;

/** Statuses after which a batch changes no more. */
export const FINISHED_STATUSES = new Set(['completed', 'failed', 'expired', 'cancelled']);

export function batchIdField(description = 'The batch'): INodeProperties {
	return idLocatorField({
		name: 'batchId',
		displayName: 'Batch',
		searchListMethod: 'searchBatches',
		placeholder: 'e.g. batch_abc123',
		description,
	});
}

/** How the batch picker names a batch: its ID, status and endpoint. */
export function describeBatch(batch: IDataObject): string {
	const details = [batch.status, batch.endpoint].filter((part) => typeof part === 'string' && part).join(', ');
	return details ? `${String(batch.id)} (${details})` : String(batch.id);
}

/** One line of a batch input file. */
export interface BatchLine {
	custom_id: string;
	method: 'POST';
	url: string;
	body: IDataObject;
}

/**
 * Checks the lines of a batch input before anything is uploaded: each has a custom_id (unique), the
 * method POST, the batch's endpoint as url and an object body, and all use one model, as OpenAI
 * requires. Returns the problem with the line's label, or undefined.
 */
export function batchLinesProblem(lines: unknown[], endpoint: string, labelOf: (index: number) => string): string | undefined {
	if (lines.length === 0) return 'there are no requests';
	if (lines.length > MAX_BATCH_REQUESTS) return `${lines.length} requests, a batch takes at most ${MAX_BATCH_REQUESTS}`;
	const seen = new Map<string, number>();
	let model: { name: string; index: number } | undefined;
	for (const [index, line] of lines.entries()) {
		const label = labelOf(index);
		if (!isPlainObject(line)) return `${label} is not a JSON object`;
		const customId = line.custom_id;
		if (typeof customId !== 'string' || customId.trim() === '') return `${label} has no custom_id`;
		const earlier = seen.get(customId);
		if (earlier !== undefined) return `${label} repeats custom_id "${customId}" of ${labelOf(earlier)}`;
		seen.set(customId, index);
		if (String(line.method ?? '').toUpperCase() !== 'POST') {
			return `${label} has method "${String(line.method ?? '')}", the Batch API only runs POST requests`;
		}
		if (line.url !== endpoint) return `${label} has url "${String(line.url ?? '')}", but the batch endpoint is "${endpoint}"`;
		if (!isPlainObject(line.body)) return `${label} has no body object`;
		if (typeof line.body.model === 'string' && line.body.model) {
			if (model && model.name !== line.body.model) {
				return `${label} uses model "${line.body.model}", but ${labelOf(model.index)} uses "${model.name}"; a batch may use one model only`;
			}
			model ??= { name: line.body.model, index };
		}
	}
	return undefined;
}

/** Parses JSONL text; `what` names the source in errors (e.g. 'Input Binary Field'). Blank lines are skipped. */
export function parseJsonl(
	context: IExecuteSingleFunctions,
	text: string,
	what: string,
): Array<{ value: unknown; line: number }> {
	const parsed: Array<{ value: unknown; line: number }> = [];
	for (const [index, raw] of text.replace(/^\uFEFF/, '').split(/\r?\n/).entries()) {
		if (!raw.trim()) continue;
		try {
			parsed.push({ value: JSON.parse(raw) as unknown, line: index + 1 });
		} catch (error) {
			fail(context, `${what}: line ${index + 1} is not valid JSON`, (error as Error).message);
		}
	}
	return parsed;
}

/** A reply that must be a JSON object; anything else (an HTML page, a bare string) is a clear error. */
export function objectReply(context: IExecuteSingleFunctions, reply: unknown, what: string): IDataObject {
	if (isPlainObject(reply)) return reply as IDataObject;
	return fail(context, `The server sent no ${what} object`, `Received: ${JSON.stringify(reply)?.slice(0, 200) ?? String(reply)}`);
}

export async function retrieveBatch(context: IExecuteSingleFunctions, batchId: string): Promise<IDataObject> {
	const reply = await openAiRequest<unknown>(context, { method: 'GET', url: `/batches/${encodeURIComponent(batchId)}` });
	return objectReply(context, reply, 'batch');
}

/** A file's content as text (GET /files/{id}/content), whatever the server calls its type. */
export async function downloadFileText(context: IExecuteSingleFunctions, fileId: string): Promise<string> {
	const body = await openAiRequest<unknown>(context, {
		method: 'GET',
		url: `/files/${encodeURIComponent(fileId)}/content`,
		encoding: 'arraybuffer',
		json: false,
	});
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (typeof body === 'string') return body;
	return body === undefined || body === null ? '' : JSON.stringify(body);
}
