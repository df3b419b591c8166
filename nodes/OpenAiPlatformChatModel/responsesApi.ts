import type { Message, MessageContent, Tool } from '@n8n/ai-node-sdk';
import { getParametersJsonSchema } from '@n8n/ai-node-sdk';
import type { IDataObject } from 'n8n-workflow';
import type { Response, ResponseInputContent, ResponseInputItem } from 'openai/resources/responses/responses';

import type { ChatApi } from './PlatformChatModel';
import { generateResult, textOf, toolCallsOf, toolOutputOf, toolResultsOf, userContentOf } from './PlatformChatModel';

const userContent = (content: MessageContent[]) =>
	userContentOf<ResponseInputContent>(content, {
		text: (text) => ({ type: 'input_text', text }),
		image: (url) => ({ type: 'input_image', image_url: url, detail: 'auto' }),
	});

/** Earlier turns as input items. Tool calls go back without their item IDs, which only stored responses know. */
function toInputItems(message: Message): ResponseInputItem[] {
	switch (message.role) {
		case 'system':
			return [{ role: 'system', content: textOf(message.content) }];
		case 'assistant': {
			const text = textOf(message.content);
			return [
				...(text ? [{ role: 'assistant' as const, content: text }] : []),
				...toolCallsOf(message.content).map((call) => ({
					type: 'function_call' as const,
					call_id: call.toolCallId ?? '',
					name: call.toolName,
					arguments: call.input || '{}',
				})),
			];
		}
		case 'tool':
			return toolResultsOf(message.content).map((result) => ({
				type: 'function_call_output' as const,
				call_id: result.toolCallId,
				output: toolOutputOf(result.result),
			}));
		default:
			return [{ role: 'user', content: userContent(message.content) }];
	}
}

function toolOf(tool: Tool): IDataObject {
	if (tool.type === 'provider') return { type: tool.name, ...tool.args };
	return {
		type: 'function',
		name: tool.name,
		...(tool.description ? { description: tool.description } : {}),
		parameters: getParametersJsonSchema(tool) as IDataObject,
		strict: false,
	};
}

/** POST /responses. */
export const responsesApi: ChatApi = {
	path: '/responses',

	request(messages, tools) {
		return {
			input: messages.flatMap(toInputItems) as unknown as IDataObject[],
			...(tools.length ? { tools: tools.map(toolOf) } : {}),
		};
	},

	result(reply) {
		const response = reply as unknown as Partial<Response>;
		if (response.error) throw new Error(`The response failed: ${response.error.message ?? response.error.code ?? 'no reason given'}`);
		const content: MessageContent[] = [];
		for (const item of Array.isArray(response.output) ? response.output : []) {
			if (item.type === 'message') {
				const text = (item.content ?? [])
					.map((part) => (part.type === 'output_text' ? part.text : part.type === 'refusal' ? part.refusal : ''))
					.join('');
				if (text) content.push({ type: 'text', text });
			} else if (item.type === 'function_call') {
				content.push({ type: 'tool-call', toolCallId: item.call_id, toolName: item.name, input: item.arguments || '{}' });
			}
		}
		const usage = response.usage;
		return generateResult({
			id: response.id,
			model: response.model,
			serviceTier: response.service_tier,
			finishReason: content.some((part) => part.type === 'tool-call')
				? 'tool-calls'
				: response.status !== 'incomplete'
					? 'stop'
					: response.incomplete_details?.reason === 'content_filter'
						? 'content-filter'
						: 'length',
			content,
			usage: usage && {
				prompt: usage.input_tokens,
				completion: usage.output_tokens,
				total: usage.total_tokens,
				cached: usage.input_tokens_details?.cached_tokens,
				reasoning: usage.output_tokens_details?.reasoning_tokens,
			},
		});
	},
};
