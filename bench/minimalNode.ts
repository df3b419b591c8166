/**
 * The floor under figure 1: the smallest declarative node that makes the same chat completion as ours, run by
 * the same RoutingNode with the same credential. It has three properties and no hooks: the model and the prompt
 * (an expression per item, like the benchmarked messages) go into the body through `routing.send`. With
 * `padding`, it also carries that many hidden properties, which RoutingNode still walks for every item, the way it
 * walks every property of a node that covers the whole API.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { BENCH_MODEL } from './params';

export const MINIMAL_NODE_TYPE = 'bench.minimalChat';

export function minimalChatNode(padding = 0): INodeType {
	const hidden: INodeProperties[] = Array.from({ length: padding }, (_, n) => ({
		displayName: `Unused ${n}`,
		name: `unused${n}`,
		type: 'string',
		default: '',
		displayOptions: { show: { role: ['never'] } },
	}));
	return {
		description: {
			displayName: 'Minimal Chat',
			name: 'minimalChat',
			group: ['transform'],
			version: 1,
			description: 'One chat completion per item, nothing else',
			defaults: { name: 'Minimal Chat' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'openAiPlatformApi', required: true }],
			requestDefaults: { headers: { Accept: 'application/json' } },
			properties: [
				{
					displayName: 'Model',
					name: 'model',
					type: 'string',
					default: BENCH_MODEL,
					routing: { request: { method: 'POST', url: '/chat/completions' }, send: { type: 'body', property: 'model' } },
				},
				{ displayName: 'Role', name: 'role', type: 'hidden', default: 'user', routing: { send: { type: 'body', property: 'messages[0].role' } } },
				{ displayName: 'Prompt', name: 'prompt', type: 'string', default: '', routing: { send: { type: 'body', property: 'messages[0].content' } } },
				...hidden,
			],
		},
	} as INodeType;
}

export const minimalChatParameters = { model: BENCH_MODEL, prompt: '=item {{ $json.n }}' };
