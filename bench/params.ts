/**
 * The parameters of the benchmarked chat call, shared by the harness worker and the real-n8n run:
 * chat.complete when the built package has it; until then the same request through
 * apiCall.request (POST /chat/completions with a JSON body built from the item).
 */
import path from 'node:path';

import type { IDataObject, INodeType } from 'n8n-workflow';

export const BENCH_MODEL = 'gpt-4.1-mini';

/** Whether dist/ (under `root`) has the chat resource. */
export function packageHasChat(root: string): boolean {
	return packageResources(root).includes('chat');
}

/** Text appended to every prompt, to make requests of a given size (the tokens-limit figure). */
export const promptFiller = (chars: number) => (chars > 0 ? ` ${'lorem ipsum '.repeat(Math.ceil(chars / 12)).slice(0, chars - 1)}` : '');

/** `chat`: extra prompt characters and chat.complete's Maximum Number of Tokens (tokens-limit figure). */
export function chatParameters(hasChat: boolean, requestOptions: IDataObject = {}, chat: { promptChars?: number; maxTokens?: number } = {}): IDataObject {
	const settings = Object.keys(requestOptions).length ? { requestOptions } : {};
	if (hasChat) {
		return {
			resource: 'chat',
			operation: 'complete',
			model: { __rl: true, mode: 'id', value: BENCH_MODEL },
			messagesInput: 'fields',
			messages: { message: [{ role: 'user', content: `=item {{ $json.n }}${promptFiller(chat.promptChars ?? 0)}` }] },
			...(chat.maxTokens ? { options: { maxTokens: chat.maxTokens } } : {}),
			...settings,
		};
	}
	return {
		resource: 'apiCall',
		operation: 'request',
		method: 'POST',
		path: '/chat/completions',
		bodyType: 'json',
		jsonBody: `={{ JSON.stringify({ model: "${BENCH_MODEL}", messages: [{ role: "user", content: "item " + $json.n }] }) }}`,
		responseFormat: 'json',
		...settings,
	};
}

/** What the figures call the measured operation. */
export const operationLabel = (hasChat: boolean) => (hasChat ? 'chat.complete' : 'apiCall.request POST /chat/completions (chat.complete not built yet)');

/** The resource values the built package has (e.g. 'audio' and 'file' once those land). */
export function packageResources(root: string): string[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { OpenAiPlatform } = require(path.join(root, 'dist', 'nodes', 'OpenAiPlatform', 'OpenAiPlatform.node.js')) as { OpenAiPlatform: new () => INodeType };
	const resource = new OpenAiPlatform().description.properties.find((property) => property.name === 'resource');
	return (resource?.options ?? []).flatMap((option) => ('value' in option ? [String(option.value)] : []));
}

/** How many top-level properties the built node has (RoutingNode walks each of them twice for every item). */
export function packageProperties(root: string): number {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { OpenAiPlatform } = require(path.join(root, 'dist', 'nodes', 'OpenAiPlatform', 'OpenAiPlatform.node.js')) as { OpenAiPlatform: new () => INodeType };
	return new OpenAiPlatform().description.properties.length;
}
