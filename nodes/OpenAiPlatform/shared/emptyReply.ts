import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';

import { malformedReplyError } from './errors';
import { secretsOf } from './transport';

/**
 * Request settings for endpoints the spec answers with 200 and no body (container deletes, the
 * realtime call actions): the reply is read as bytes, which the send path's reply check lets
 * through even when empty, and `jsonOrConfirmation` reads it.
 */
export const EMPTY_REPLY_REQUEST = { encoding: 'arraybuffer', headers: { Accept: 'application/json' } } as const;

/**
 * postReceive for `EMPTY_REPLY_REQUEST`: a JSON object reply as it is; no reply (or `{}`) as the item
 * `confirm` describes (e.g. `{ id, deleted: true }`); anything else (an HTML page, cut-off JSON)
 * a clear error.
 */
export function jsonOrConfirmation(confirm: (context: IExecuteSingleFunctions) => IDataObject): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
		const { body } = response;
		const text = Buffer.isBuffer(body) ? body.toString('utf8') : body instanceof ArrayBuffer ? Buffer.from(body).toString('utf8') : typeof body === 'string' ? body : '';
		const asItems = (reply: IDataObject) => [{ json: Object.keys(reply).length ? reply : confirm(this) }];
		if (!Buffer.isBuffer(body) && !(body instanceof ArrayBuffer) && typeof body === 'object' && body !== null) return asItems(body as IDataObject);
		if (!text.trim()) return [{ json: confirm(this) }];
		try {
			const parsed = JSON.parse(text) as unknown;
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return asItems(parsed as IDataObject);
		} catch {
			// Told apart below: HTML, cut-off JSON or text.
		}
		const options = { itemIndex: this.getItemIndex(), secrets: await secretsOf(this) };
		const error = malformedReplyError(this.getNode(), { ...response, body: text }, options);
		if (error) throw error;
		return [{ json: { reply: text } }];
	};
}
