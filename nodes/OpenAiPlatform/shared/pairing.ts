import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { leave } from './gathering';
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
/** Each wrapper's hook, so tests can compare a wrapped description with the one it came from. */
const originals = new WeakMap<object, object>();

/** The hook a wrapper made by this module stands for (any other value as it is). */
export function hookOrigin<T>(value: T): T {
	return (typeof value === 'function' ? (originals.get(value) ?? value) : value) as T;
}

function recordingFailure(preSend: PreSend): PreSend {
	const recording: PreSend = async function (requestOptions) {
		if (preSendFailures.has(requestOptions)) return requestOptions;
		try {
			return await preSend.call(this, requestOptions);
		} catch (error) {
			preSendFailures.set(requestOptions, error);
			return requestOptions;
		}
	};
	originals.set(recording, preSend);
	return recording;
}

/**
 * A pagination hook that first settles the item's recorded preSend failure, if any, else runs
 * `lastCheck` (checks that read the whole description; the operation's own, more specific
 * messages come first) before anything is sent.
 */
function raisingPreSendFailure(pagination: PaginationFunction, lastCheck?: PreSend): PaginationFunction {
	const raising: PaginationFunction = async function (requestData) {
		let failed = preSendFailures.has(requestData.options);
		let failure = preSendFailures.get(requestData.options);
		if (!failed && lastCheck) {
			try {
				await lastCheck.call(this, requestData.options as IHttpRequestOptions);
			} catch (error) {
				[failed, failure] = [true, error];
			}
		}
		if (failed) {
			// An item counted into a batch (Send Through Batch API) that will not be sent: the others need not wait for it.
			leave(this);
			return await settle(this, async () => {
				throw failure;
			});
		}
		return await pagination.call(this, requestData);
	};
	originals.set(raising, pagination);
	return raising;
}

type Routed = { routing?: INodeProperties['routing']; options?: unknown[]; values?: unknown[] };

class Wrapper {
	private readonly preSends = new Map<PreSend, PreSend>();
	private readonly paginations = new Map<PaginationFunction, PaginationFunction>();

	constructor(private readonly lastCheck?: PreSend) {}

	pagination(hook: PaginationFunction): PaginationFunction {
		if (!this.paginations.has(hook)) this.paginations.set(hook, raisingPreSendFailure(hook, this.lastCheck));
		return this.paginations.get(hook)!;
	}

	private preSend(hook: PreSend): PreSend {
		if (!this.preSends.has(hook)) this.preSends.set(hook, recordingFailure(hook));
		return this.preSends.get(hook)!;
	}

	/** A copy of a field (or option, or value group) whose hooks, and those of everything inside it, are wrapped. */
	entry<T>(entry: T): T {
		if (!entry || typeof entry !== 'object') return entry;
		const { routing, options, values } = entry as Routed;
		if (!routing && !Array.isArray(options) && !Array.isArray(values)) return entry;
		const copy = { ...entry } as Routed;
		if (routing) {
			copy.routing = { ...routing };
			if (routing.send?.preSend) copy.routing.send = { ...routing.send, preSend: routing.send.preSend.map((hook) => this.preSend(hook as PreSend)) };
			if (typeof routing.operations?.pagination === 'function') {
				copy.routing.operations = { ...routing.operations, pagination: this.pagination(routing.operations.pagination as PaginationFunction) };
			}
		}
		// Options of an options field, fields of a collection, value groups of a fixed collection.
		if (Array.isArray(options)) copy.options = options.map((child) => this.entry(child));
		if (Array.isArray(values)) copy.values = values.map((child) => this.entry(child));
		return copy as T;
	}
}

/**
 * The node's properties and pagination hook with every preSend and pagination hook wrapped as
 * described above; `lastCheck` runs after an item's preSends, before its request.
 */
export function pairedPreSendFailures(
	properties: INodeProperties[],
	pagination: PaginationFunction,
	lastCheck?: PreSend,
): { properties: INodeProperties[]; pagination: PaginationFunction } {
	const wrapper = new Wrapper(lastCheck);
	return { properties: properties.map((property) => wrapper.entry(property)), pagination: wrapper.pagination(pagination) };
}
