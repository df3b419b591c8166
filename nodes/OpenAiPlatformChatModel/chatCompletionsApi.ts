import type { FinishReason, Message, MessageContent, Tool } from '@n8n/ai-node-sdk';
import { getParametersJsonSchema } from '@n8n/ai-node-sdk';
import type { IDataObject } from 'n8n-workflow';
import type {
	ChatCompletion,
	ChatCompletionContentPart,
	ChatCompletionFunctionTool,
	ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';

import type { ChatApi } from './PlatformChatModel';
import { generateResult, textOf, toolCallsOf, toolOutputOf, toolResultsOf, userContentOf } from './PlatformChatModel';

const userContent = (content: MessageContent[]) =>
	userContentOf<ChatCompletionContentPart>(content, {
		text: (text) => ({ type: 'text', text }),
		image: (url) => ({ type: 'image_url', image_url: { url } }),
	});

function toChatMessages(message: Message): ChatCompletionMessageParam[] {
	switch (message.role) {
		case 'system':
			return [{ role: 'system', content: textOf(message.content) }];
		case 'assistant': {
			const calls = toolCallsOf(message.content);
			const text = textOf(message.content);
			return [
				{
					role: 'assistant',
					content: text || (calls.length ? null : ''),
					...(calls.length
						? {
								tool_calls: calls.map((call) => ({
									id: call.toolCallId ?? '',
									type: 'function' as const,
									function: { name: call.toolName, arguments: call.input || '{}' },
								})),
							}
						: {}),
				},
			];
		}
		case 'tool':
			return toolResultsOf(message.content).map((result) => ({
				role: 'tool' as const,
				tool_call_id: result.toolCallId,
				content: toolOutputOf(result.result),
			}));
		default:
			return [{ role: 'user', content: userContent(message.content) }];
	}
}

export function functionToolOf(tool: Tool): ChatCompletionFunctionTool | undefined {
	if (tool.type !== 'function') return undefined;
	return {
		type: 'function',
		function: {
			name: tool.name,
			...(tool.description ? { description: tool.description } : {}),
			parameters: getParametersJsonSchema(tool) as Record<string, unknown>,
		},
	};
}

const FINISH_REASONS: Record<string, FinishReason> = {
	stop: 'stop',
	length: 'length',
	tool_calls: 'tool-calls',
	function_call: 'tool-calls',
	content_filter: 'content-filter',
};

/** POST /chat/completions. */
export const chatCompletionsApi: ChatApi = {
	path: '/chat/completions',

	request(messages, tools) {
		const functions = tools.map(functionToolOf).filter((tool) => tool !== undefined);
		return {
			messages: messages.flatMap(toChatMessages) as unknown as IDataObject[],
			...(functions.length ? { tools: functions as unknown as IDataObject[] } : {}),
		};
	},

	result(reply) {
		const completion = reply as unknown as Partial<ChatCompletion>;
		const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
		if (!choice?.message) throw new Error('The reply contains no generated message');
		const { message } = choice;
		const content: MessageContent[] = [];
		const text = message.content ?? message.refusal ?? '';
		if (text) content.push({ type: 'text', text });
		for (const call of message.tool_calls ?? []) {
			if (call.type !== 'function') continue;
			content.push({ type: 'tool-call', toolCallId: call.id, toolName: call.function.name, input: call.function.arguments || '{}' });
		}
		const usage = completion.usage;
		return generateResult({
			id: completion.id,
			model: completion.model,
			serviceTier: completion.service_tier,
			finishReason: FINISH_REASONS[choice.finish_reason ?? ''] ?? 'other',
			content,
			usage: usage && {
				prompt: usage.prompt_tokens,
				completion: usage.completion_tokens,
				total: usage.total_tokens,
				cached: usage.prompt_tokens_details?.cached_tokens,
				reasoning: usage.completion_tokens_details?.reasoning_tokens,
			},
		});
	},
};
