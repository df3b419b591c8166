import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiErrorFromResponse } from './errors';
import { secretsOf } from './transport';

function headerOf(response: IN8nHttpFullResponse, name: string): string {
	const value = (response.headers as IDataObject | undefined)?.[name];
	return value === undefined || value === null ? '' : String(value);
}

function isEmptyBody(body: unknown): boolean {
	return body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0);
}

/**
 * Runs first after every reply (requests are sent with status errors ignored, so OpenAI's error
 * body and headers reach us intact): turns an error status into a NodeApiError with OpenAI's
 * details, and a reply that is not what an API sends (truncated JSON, an HTML page, nothing) into a
 * clear error instead of an item with undefined fields.
 */
export async function checkResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400) {
		const resource = this.getNodeParameter('resource', '') as string;
		throw apiErrorFromResponse(this.getNode(), response, {
			itemIndex: this.getItemIndex(),
			secrets: await secretsOf(this),
			path: `/${resource}`,
		});
	}
	if (response.statusCode === 204 || Buffer.isBuffer(response.body) || typeof response.body === 'object') {
		return items;
	}
	// Only uploads leave redirects unfollowed (asMultipart), and their own refuseRedirect hook says where it pointed.
	if (response.statusCode >= 300 && response.statusCode < 400 && headerOf(response, 'location')) return items;
	const contentType = headerOf(response, 'content-type').toLowerCase();
	const problem = isEmptyBody(response.body)
		? contentType.startsWith('text/')
			? undefined
			: 'The server sent an empty reply'
		: contentType.includes('json')
			? 'The server sent malformed JSON (the reply may have been cut off)'
			: contentType.includes('html')
				? 'The server sent an HTML page instead of an API reply'
				: undefined;
	if (problem) {
		throw new NodeApiError(
			this.getNode(),
			{ status: response.statusCode, contentType },
			{
				message: problem,
				description: `HTTP ${response.statusCode}, content type "${contentType || 'none'}". Check the credential's Base URL points at an OpenAI-compatible API.`,
				itemIndex: this.getItemIndex(),
			},
		);
	}
	return items;
}

/**
 * Listed first among the node's properties: `paginate` hands every request to the description's
 * pagination hook (the shared send path), and `checkResponse` sees every reply before the
 * operation's own hooks.
 */
export const sendPathProperty: INodeProperties = {
	displayName: 'Send Path',
	name: 'sendPath',
	type: 'hidden',
	default: '',
	routing: {
		send: { paginate: true },
		output: { postReceive: [checkResponse] },
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
