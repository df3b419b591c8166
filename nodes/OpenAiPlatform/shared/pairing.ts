import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import type { PaginationFunction } from './transport';
import { settle } from './transport';

type PreSend = (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/**
 * Why this exists: n8n 2.41's RoutingNode runs an item's preSend hooks before its pagination hook
 * (our send path), and when a preSend throws it builds the error item itself, `{ json: {}, error }`,
 * with no pairedItem, so n8n cannot link it to its input on the error output.
 *
 * So every preSend of the description is wrapped: a failure is recorded against the item's request
 * options (RoutingNode keeps the object a preSend returns as `requestData.options`), the item's later
 * preSends are skipped, and every pagination hook first raises the recorded failure inside `settle`,
 * which pairs it like any other failure. Nothing is sent for that item.
 */
const preSendFailures = new WeakMap<object, unknown>();
const wrapped = new WeakSet<object>();

function recordingFailure(preSend: PreSend): PreSend {
	if (wrapped.has(preSend)) return preSend;
	const recording: PreSend = async function (requestOptions) {
		if (preSendFailures.has(requestOptions)) return requestOptions;
		try {
			return await preSend.call(this, requestOptions);
		} catch (error) {
			preSendFailures.set(requestOptions, error);
			return requestOptions;
		}
	};
	wrapped.add(recording);
	return recording;
}

/** A pagination hook that first settles the item's recorded preSend failure, if any. */
export function raisingPreSendFailure(pagination: PaginationFunction): PaginationFunction {
	if (wrapped.has(pagination)) return pagination;
	const raising: PaginationFunction = async function (requestData) {
		if (preSendFailures.has(requestData.options)) {
			const failure = preSendFailures.get(requestData.options);
			return await settle(this, async () => {
				throw failure;
			});
		}
		return await pagination.call(this, requestData);
	};
	wrapped.add(raising);
	return raising;
}

type Routed = { routing?: INodeProperties['routing']; options?: unknown[]; values?: unknown[] };

function deferIn(entry: Routed, cache: Map<PreSend, PreSend>): void {
	const send = entry.routing?.send;
	if (send?.preSend) {
		send.preSend = send.preSend.map((preSend) => {
			const hook = preSend as PreSend;
			if (!cache.has(hook)) cache.set(hook, recordingFailure(hook));
			return cache.get(hook)!;
		});
	}
	const operations = entry.routing?.operations;
	if (typeof operations?.pagination === 'function') operations.pagination = raisingPreSendFailure(operations.pagination as PaginationFunction);
	// Options of an options field, fields of a collection, value groups of a fixed collection.
	for (const child of [...(entry.options ?? []), ...(entry.values ?? [])]) {
		if (child && typeof child === 'object') deferIn(child as Routed, cache);
	}
}

/** Applies the above to every preSend and pagination hook in the node's properties, once, at load. */
export function deferPreSendFailures(properties: INodeProperties[]): INodeProperties[] {
	const cache = new Map<PreSend, PreSend>();
	for (const property of properties) deferIn(property as Routed, cache);
	return properties;
}
