import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { batchResultItems } from '../OpenAiPlatform/resources/batch/getResults';
import { objectReply, retrieveBatch } from '../OpenAiPlatform/resources/batch/shared';
import { openAiRequest } from '../OpenAiPlatform/shared/transport';
import { isPlainObject } from '../OpenAiPlatform/shared/validation';
import { objectPathOf } from './events';
import { asItemContext } from './requestContext';

export interface OpenAiEvent {
	id: string;
	type: string;
	created_at?: number;
	data: IDataObject;
}

export interface OutputOptions {
	fetchObject: boolean;
	resultsAsItems: boolean;
}

/** The event OpenAI sent, or undefined when the body is not one (JSON object with a type and an id). */
export function parseEvent(rawBody: Buffer): OpenAiEvent | undefined {
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
	if (!isPlainObject(body) || typeof body.type !== 'string' || typeof body.id !== 'string') return undefined;
	return {
		id: body.id,
		type: body.type,
		created_at: typeof body.created_at === 'number' ? body.created_at : undefined,
		data: isPlainObject(body.data) ? (body.data as IDataObject) : {},
	};
}

/** type, id, created time (ISO) and data: the fields every item of an event carries. */
export function eventJson(event: OpenAiEvent): IDataObject {
	return {
		type: event.type,
		id: event.id,
		createdAt: event.created_at === undefined ? null : new Date(event.created_at * 1000).toISOString(),
		data: event.data,
	};
}

/** An event is never dropped for a failed fetch: its item carries the error instead, for the workflow to handle. */
function withError(json: IDataObject, error: unknown): IDataObject {
	const { message, description } = error as { message?: string; description?: string };
	return { ...json, error: message ?? String(error), ...(description ? { errorDescription: description } : {}) };
}

/**
 * The items of one verified event: one item with the event (and, with "Fetch the Object", the object it
 * names), or for batch.completed with "Results as Items" one item per request of the batch, in the order
 * of its input file and matched by custom_id (the Get Results operation's code), each with the event.
 */
export async function eventItems(context: IWebhookFunctions, event: OpenAiEvent, options: OutputOptions): Promise<INodeExecutionData[]> {
	const json = eventJson(event);
	const wantsResults = options.resultsAsItems && event.type === 'batch.completed';
	const path = objectPathOf(event.type, event.data.id);
	if (!path || (!options.fetchObject && !wantsResults)) return [{ json }];
	const itemContext = asItemContext(context);
	try {
		if (wantsResults) {
			const batch = await retrieveBatch(itemContext, String(event.data.id));
			const results = await batchResultItems(itemContext, batch, { simplify: true, inputOrder: true });
			if (results.length) return results.map((result) => ({ json: { ...result.json, event: json } }));
			return [{ json: { ...json, object: batch } }];
		}
		const object = objectReply(itemContext, await openAiRequest<unknown>(itemContext, { method: 'GET', url: path }), event.type.split('.')[0]);
		return [{ json: { ...json, object } }];
	} catch (error) {
		return [{ json: withError(json, error) }];
	}
}
