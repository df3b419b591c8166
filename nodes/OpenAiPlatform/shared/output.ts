import type { IExecuteSingleFunctions, IExecutePaginationFunctions } from 'n8n-workflow';

/**
 * Whether a node keeps the simplified output of version 1. Version 1.1 speaks one vocabulary across operations:
 * the generated text under `text` (parsed JSON under `data`), camelCase keys at the top level, and keys that are
 * there whether a list is empty or not (`toolCalls: []`, `annotations: []`, `refusal: null`). Saved version-1
 * workflows read the old keys downstream, so they keep them.
 */
export function keepsVersion1Output(context: IExecuteSingleFunctions | IExecutePaginationFunctions): boolean {
	return (context.getNode().typeVersion ?? 1) < 1.1;
}
