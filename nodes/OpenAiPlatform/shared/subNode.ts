import type { IExecuteSingleFunctions, INodeProperties, ISupplyDataFunctions } from 'n8n-workflow';

import { requestOptionsProperty } from './fields';

/** RoutingNode's default for the action node's requests; an AI sub-node gets the same unless its settings say otherwise. */
const DEFAULT_TIMEOUT_MS = 300_000;

/**
 * Settings > Request Options of an AI sub-node: the action node's (Max Retries, Max Concurrent Requests), and the
 * Timeout n8n adds to the action node by itself but not to a sub-node.
 */
export const subNodeRequestOptionsProperty: INodeProperties = {
	...requestOptionsProperty,
	options: [
		...(requestOptionsProperty.options ?? []),
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_MS,
			description: 'How long to wait for each attempt\'s reply, in milliseconds, before it counts as failed (and is retried)',
		},
	],
};

/**
 * The send path (transport.ts: openAiRequest, withRetries) reads one item's context: its node parameters by name
 * (e.g. Settings > Request Options), its item index, the execution's cancel signal and limiter key. An AI sub-node
 * (chat model, memory) is handed an ISupplyDataFunctions instead, whose getNodeParameter takes the item index. This
 * view of it answers as the action node's item context does, so a sub-node's requests get the same retries, 429
 * pacing, errors and redaction, from the same code. All else (helpers, logger, getNode, ...) is the sub-node's own.
 */
export function itemContextOf(context: ISupplyDataFunctions, itemIndex: number): IExecuteSingleFunctions {
	const view = Object.create(context) as Record<string, unknown>;
	Object.assign(view, {
		getItemIndex: () => itemIndex,
		getNodeParameter: (name: string, fallback?: unknown) =>
			context.getNodeParameter(name, itemIndex, name === 'requestOptions.timeout' ? DEFAULT_TIMEOUT_MS : fallback),
		getCredentials: async (type: string) => await context.getCredentials(type, itemIndex),
		// A sub-node's failure is the agent's to report: there is no error output to continue on.
		continueOnFail: () => false,
	});
	return view as unknown as IExecuteSingleFunctions;
}
