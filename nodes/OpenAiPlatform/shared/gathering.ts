import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { RoutingRequest } from './transport';

/** One item of a node run that goes out together with the others (e.g. in one batch). */
export interface GatheredItem {
	itemIndex: number;
	/** The item's own pagination context: its parameters, its makeRoutingRequest, its continueOnFail. */
	context: IExecuteSingleFunctions;
	requestData: RoutingRequest;
	/** Ends the item's wait with its output items, or with its error. */
	resolve: (items: INodeExecutionData[]) => void;
	reject: (error: unknown) => void;
}

/** Sends the gathered items of one node run; it must settle every item it is given. */
export type GatheredRun = (items: GatheredItem[]) => Promise<void>;

/**
 * The items of one node run, gathered so that they can be sent as one request (e.g. one Batch API batch), although
 * RoutingNode hands the node one item at a time.
 *
 * Why the count is exact: RoutingNode prepares every item in one synchronous loop and calls each item's first
 * preSend hook inside that loop. That first hook (`markItem`) counts the item; the count is closed by a timer, which
 * can only fire after the loop has ended. An item that fails while RoutingNode prepares it never calls a hook and is
 * not counted; one whose later preSend hook fails still reaches the pagination hook (preSend failures are deferred
 * to it), which `leave`s the gathering. So every counted item arrives exactly once, and the run starts when the last
 * one does. Gatherings live in memory only for the moment it takes the items to arrive: the entry is removed before
 * the run starts, so nothing outlives the node run.
 */
class Gathering {
	private counted = 0;

	private expected: number | undefined;

	private readonly arrived: Array<GatheredItem | undefined> = [];

	constructor(
		private readonly key: string,
		private readonly run: GatheredRun,
	) {}

	count(): void {
		this.counted++;
	}

	close(): void {
		this.expected = this.counted;
		this.startWhenComplete();
	}

	arrive(item: GatheredItem | undefined): void {
		this.arrived.push(item);
		this.startWhenComplete();
	}

	private startWhenComplete(): void {
		if (this.expected === undefined || this.arrived.length < this.expected) return;
		gatherings.delete(this.key);
		const items = this.arrived.filter((item): item is GatheredItem => item !== undefined).sort((a, b) => a.itemIndex - b.itemIndex);
		if (!items.length) return;
		this.run(items).catch((error: unknown) => {
			for (const item of items) item.reject(error);
		});
	}
}

const gatherings = new Map<string, Gathering>();

function keyOf(context: IExecuteSingleFunctions): string {
	const node = context.getNode();
	return `${context.getExecutionId() ?? ''}\u0000${node.id ?? node.name}`;
}

/**
 * Counts the item into its node run's gathering. Call it from the first preSend hook, synchronously (before any
 * await), so that RoutingNode's preparing loop has counted every item before the gathering closes.
 */
export function markItem(context: IExecuteSingleFunctions, run: GatheredRun): void {
	const key = keyOf(context);
	let gathering = gatherings.get(key);
	if (!gathering) {
		const created = new Gathering(key, run);
		gatherings.set(key, created);
		// A timer fires after the synchronous loop that is counting the items right now.
		void sleep(0).then(() => created.close());
		gathering = created;
	}
	gathering.count();
}

/** Hands a counted item to its gathering and waits for its outputs (or its error). */
export async function join(context: IExecuteSingleFunctions, requestData: RoutingRequest): Promise<INodeExecutionData[]> {
	const gathering = gatherings.get(keyOf(context));
	if (!gathering) throw new Error('The item was not counted into a gathering before it was sent; this is a bug in the node');
	return await new Promise<INodeExecutionData[]>((resolve, reject) => {
		gathering.arrive({ itemIndex: context.getItemIndex(), context, requestData, resolve, reject });
	});
}

/** A counted item that will not be sent (its preparation failed): the others need not wait for it. */
export function leave(context: IExecuteSingleFunctions): void {
	gatherings.get(keyOf(context))?.arrive(undefined);
}
