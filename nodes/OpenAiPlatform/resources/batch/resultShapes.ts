/**
 * Batch > Get Results for a batch the node made itself ("Send Through Batch API", recorded in the batch's metadata):
 * each result in the simplified shape of the operation that built the request. The request line is the only input
 * the result still has, so each shape is made from the request body and the reply, with the same simplifiers the
 * direct operation uses. (While "Send Through Batch API" waits, the operation's own hooks shape the results, with
 * every parameter of the item at hand; see sendThrough.ts.)
 */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { simplifyChatCompletion } from '../chat/reply';
import { flaggedCategories } from '../moderation/create';
import { simplifyResponse } from '../response/shared';
import { isPlainObject } from '../../shared/validation';

type Shape = (context: IExecuteSingleFunctions, request: IDataObject, reply: IDataObject) => IDataObject[];

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

const chatText: Shape = (context, request, reply) => [simplifyChatCompletion(context, reply, { request, sanitize: false })];

const extractedData: Shape = (context, request, reply) => {
	const rest = simplifyChatCompletion(context, reply, { request, sanitize: false });
	delete rest.text;
	return [rest];
};

/** The entry itself is not in the batch: the translated texts come keyed by their path in the entry. */
const translatedTexts: Shape = (context, request, reply) => {
	const { data, finishReason, usage } = simplifyChatCompletion(context, reply, { request, sanitize: false });
	const texts = isPlainObject(data) ? data : {};
	return [{ translatedTexts: texts, finishReason: finishReason ?? null, usage: usage ?? null }];
};

const embeddings: Shape = (_context, request, reply) => {
	const texts = asList(request.input);
	const data = asList(reply.data).filter(isPlainObject);
	return data
		.map((entry, position) => {
			const index = typeof entry.index === 'number' ? entry.index : position;
			return { index, text: typeof texts[index] === 'string' ? texts[index] : null, embedding: entry.embedding ?? null, model: reply.model, usage: reply.usage };
		})
		.sort((a, b) => a.index - b.index) as IDataObject[];
};

const moderations: Shape = (_context, request, reply) => {
	const inputs = asList(request.input);
	const textsOnly = inputs.every((input) => typeof input === 'string');
	const results = asList(reply.results).filter(isPlainObject);
	return results.map((result, index) => {
		const categories = flaggedCategories(result as IDataObject);
		return {
			...(textsOnly && results.length === inputs.length ? { input: inputs[index] } : {}),
			flagged: typeof result.flagged === 'boolean' ? result.flagged : categories.length > 0,
			flaggedCategories: categories,
		} as IDataObject;
	});
};

const SHAPES: Record<string, Shape> = {
	'chat.complete': chatText,
	'chat.prompt': chatText,
	'chat.extractData': extractedData,
	'chat.translate': translatedTexts,
	'response.create': (context, _request, reply) => [simplifyResponse(context, reply, { strictJson: false })],
	'embedding.create': embeddings,
	'moderation.create': moderations,
};

/** The operation a batch was made by, from its metadata; undefined for batches made otherwise. */
export function madeByOperation(batch: IDataObject): string | undefined {
	const operation = isPlainObject(batch.metadata) ? batch.metadata.n8n_operation : undefined;
	return typeof operation === 'string' && operation in SHAPES ? operation : undefined;
}

/** A successful result in the operation's simplified shape, one object per output item. */
export function shapeLikeOperation(context: IExecuteSingleFunctions, operation: string, request: IDataObject, reply: IDataObject): IDataObject[] {
	return SHAPES[operation](context, request, reply);
}
