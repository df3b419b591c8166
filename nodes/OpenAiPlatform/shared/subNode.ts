import type { IExecuteSingleFunctions, ISupplyDataFunctions } from 'n8n-workflow';

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
		getNodeParameter: (name: string, fallback?: unknown) => context.getNodeParameter(name, itemIndex, fallback),
		getCredentials: async (type: string) => await context.getCredentials(type, itemIndex),
		// A sub-node's failure is the agent's to report: there is no error output to continue on.
		continueOnFail: () => false,
	});
	return view as unknown as IExecuteSingleFunctions;
}
