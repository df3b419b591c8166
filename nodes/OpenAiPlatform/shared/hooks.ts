import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { countBatchItem } from '../resources/batch/sendThrough';
import { apiErrorFromResponse, malformedReplyError, redact } from './errors';
import { noteReply } from './pacer';
import { missingReplyFields } from './replyShapes';
import { redactReply, refuseRedirect, secretsOf } from './transport';
import { isPlainObject } from './validation';

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
	// Bytes (audio replies are read as bytes, then parsed by the operation) are checked where they are parsed.
	if (response.statusCode < 300 && !Buffer.isBuffer(body) && !(body instanceof ArrayBuffer)) await checkReplyShape(this, body);
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
 * A JSON reply without a field the spec requires there and the operation needs (see replyShapes.ts)
 * is an error naming what is missing, with what the reply did hold.
 */
export async function checkReplyShape(context: IExecuteSingleFunctions, body: unknown): Promise<void> {
	if (!isPlainObject(body)) return;
	const missing = missingReplyFields(context.getNodeParameter('resource', '') as string, context.getNodeParameter('operation', '') as string, body);
	if (missing.length) throw replyLacksError(context, missing, body, await secretsOf(context));
}

function replyLacksError(context: IExecuteSingleFunctions, missing: string[], body: Record<string, unknown>, secrets: string[]): NodeOperationError {
	const names = missing.map((field) => `"${field}"`).join(' and ');
	const held = Object.keys(body).slice(0, 12);
	return new NodeOperationError(context.getNode(), `The reply has no ${names}, which OpenAI's API always sends for this request`, {
		itemIndex: context.getItemIndex(),
		description: redact(`The reply ${held.length ? `held only: ${held.join(', ')}${Object.keys(body).length > held.length ? ', …' : ''}` : 'was an empty JSON object'}. Check that the credential's Base URL points at an OpenAI-compatible API that supports this operation.`, secrets),
	});
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
