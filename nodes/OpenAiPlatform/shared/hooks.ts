import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';

import { apiErrorFromResponse, malformedReplyError } from './errors';
import { countBatchItem } from '../resources/batch/sendThrough';
import { noteReply } from './pacer';
import { redactReply, refuseRedirect, secretsOf } from './transport';

/**
 * Runs first after every reply (requests are sent with status errors ignored, so OpenAI's error
 * body and headers reach us intact): turns an error status into a NodeApiError with OpenAI's
 * details, and a reply that is not what an API sends (truncated JSON, an HTML page, plain text,
 * nothing) into a clear error instead of an item with undefined fields. Every reply's rate-limit
 * headers and token usage go to the node's pacer first.
 */
export async function checkResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	noteReply(this, response);
	if (response.statusCode >= 400) {
		const resource = this.getNodeParameter('resource', '') as string;
		throw apiErrorFromResponse(this.getNode(), response, {
			itemIndex: this.getItemIndex(),
			secrets: await secretsOf(this),
			path: `/${resource}`,
		});
	}
	const { body } = response;
	if (response.statusCode === 204 || Buffer.isBuffer(body) || (typeof body === 'object' && body !== null)) return items;
	// API Call may ask for text; every other operation reads JSON, or bytes (sent as arraybuffer).
	const problem = malformedReplyError(this.getNode(), response, {
		itemIndex: this.getItemIndex(),
		secrets: await secretsOf(this),
		textAllowed: this.getNodeParameter('resource', '') === 'apiCall',
	});
	if (problem) throw problem;
	return items;
}

/**
 * Listed first among the node's properties: `paginate` hands every request to the description's
 * pagination hook (the shared send path); `countBatchItem` is every item's first preSend hook (it
 * must run while RoutingNode prepares the items, see shared/gathering.ts); and every reply is seen
 * before the operation's own hooks: a redirect is refused, echoed secrets are redacted, then
 * `checkResponse` runs.
 */
export const sendPathProperty: INodeProperties = {
	displayName: 'Send Path',
	name: 'sendPath',
	type: 'hidden',
	default: '',
	routing: {
		send: { paginate: true, preSend: [countBatchItem] },
		output: { postReceive: [refuseRedirect, redactReply, checkResponse] },
	},
};

/** postReceive: keep only the named top-level fields of a reply (used by "Simplify Output"). */
export function pickFields(fields: string[]): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
		return items.map((item) => ({
			...item,
			json: Object.fromEntries(fields.filter((f) => item.json[f] !== undefined).map((f) => [f, item.json[f]])),
		}));
	};
}
