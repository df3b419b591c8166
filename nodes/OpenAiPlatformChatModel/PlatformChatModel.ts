import type { FinishReason, GenerateResult, Message, MessageContent, StreamChunk, Tool } from '@n8n/ai-node-sdk';
import { BaseChatModel } from '@n8n/ai-node-sdk';
import type { IDataObject } from 'n8n-workflow';

import { chatCompletionsApi } from './chatCompletionsApi';
import type { ApiName } from './options';
import { responsesApi } from './responsesApi';

/** One of the two APIs the model speaks: where a request goes, its body, and what its reply means. */
export interface ChatApi {
	path: string;
	/** The body's messages and tools; the model, options and built-in tools are added by the model. */
	request(messages: Message[], tools: Tool[]): IDataObject;
	result(reply: IDataObject): GenerateResult;
}

/** Sends one request through the package's send path (retries, 429 pacing, errors, redaction). */
export type SendRequest = (path: string, body: IDataObject) => Promise<IDataObject>;

/**
 * The chat model the AI Agent talks to, as the SDK's BaseChatModel: n8n's adapter turns it into the
 * LangChain model the agent expects and reports its token usage. Its requests go through our own
 * transport, so it shares the action node's retry and rate-limit policy instead of the OpenAI SDK's.
 */
export class PlatformChatModel extends BaseChatModel {
	constructor(
		modelId: string,
		private readonly api: ChatApi,
		private readonly send: SendRequest,
		/** The node's options, as body fields of the chosen API (checked when the node was set up). */
		private readonly options: IDataObject,
		/** Tools OpenAI runs itself (Responses: web search, file search), sent beside the agent's tools. */
		private readonly builtInTools: IDataObject[] = [],
	) {
		super('openai-platform', modelId);
	}

	private body(messages: Message[], extra: IDataObject = {}): IDataObject {
		const body: IDataObject = { model: this.modelId, ...this.options, ...this.api.request(messages, this.tools), ...extra };
		if (this.builtInTools.length) body.tools = [...((body.tools as IDataObject[] | undefined) ?? []), ...this.builtInTools];
		return body;
	}

	async generate(messages: Message[]): Promise<GenerateResult> {
		return this.api.result(await this.send(this.api.path, this.body(messages)));
	}

	/**
	 * The agent streams when its trigger streams. The reply is fetched whole, through the same send path as
	 * generate(), then handed on as chunks. One tool call per reply: n8n's adapter gives every streamed tool
	 * call the same index, which would merge parallel calls into one.
	 */
	async *stream(messages: Message[]): AsyncIterable<StreamChunk> {
		const sequential = this.tools.length ? { parallel_tool_calls: false } : {};
		const result = this.api.result(await this.send(this.api.path, this.body(messages, sequential)));
		yield* chunksOf(result);
	}
}

const APIS: Record<ApiName, ChatApi> = { chatCompletions: chatCompletionsApi, responses: responsesApi };

/** The model for one of the two APIs. */
export function platformChatModel(
	modelId: string,
	api: ApiName,
	send: SendRequest,
	options: IDataObject,
	builtInTools: IDataObject[] = [],
): PlatformChatModel {
	return new PlatformChatModel(modelId, APIS[api], send, options, builtInTools);
}

/** A whole reply as the chunks of a stream: its text, its tool calls, then the finish with the usage. */
export function* chunksOf(result: GenerateResult): Iterable<StreamChunk> {
	for (const content of result.message.content) {
		if (content.type === 'text' && content.text) yield { type: 'text-delta', id: result.id, delta: content.text };
		if (content.type === 'tool-call') {
			yield { type: 'tool-call-delta', id: content.toolCallId, name: content.toolName, argumentsDelta: content.input };
		}
	}
	yield { type: 'finish', finishReason: result.finishReason ?? 'stop', ...(result.usage ? { usage: result.usage } : {}) };
}

/** The text of a message's content, its parts joined by blank lines. */
export function textOf(content: MessageContent[]): string {
	return content
		.filter((part): part is Extract<MessageContent, { type: 'text' }> => part.type === 'text')
		.map((part) => part.text)
		.join('\n\n');
}

/** An image part of a user message as a URL OpenAI accepts (a web URL or a data URL). */
export function imageUrlOf(part: MessageContent): string | undefined {
	if (part.type !== 'file') return undefined;
	const url = part.providerMetadata?.url;
	if (typeof url === 'string' && url) return url;
	const mediaType = part.mediaType ?? '';
	if (!mediaType.startsWith('image/') || !part.data) return undefined;
	const data = typeof part.data === 'string' ? part.data : Buffer.from(part.data).toString('base64');
	return data.startsWith('data:') ? data : `data:${mediaType};base64,${data}`;
}

/** A tool's result as the text OpenAI takes back. */
export function toolOutputOf(result: unknown): string {
	if (typeof result === 'string') return result;
	if (Array.isArray(result) && result.every((part) => (part as { type?: string })?.type === 'text')) {
		return textOf(result as MessageContent[]);
	}
	return JSON.stringify(result ?? '');
}

export type ToolCallContent = Extract<MessageContent, { type: 'tool-call' }>;
export type ToolResultContent = Extract<MessageContent, { type: 'tool-result' }>;

export const toolCallsOf = (content: MessageContent[]) => content.filter((part): part is ToolCallContent => part.type === 'tool-call');
export const toolResultsOf = (content: MessageContent[]) => content.filter((part): part is ToolResultContent => part.type === 'tool-result');

/** A count from a usage object, 0 when the server left it out. */
const countOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** A user message's content: its text alone, or its text and images as the API's own parts. */
export function userContentOf<Part>(content: MessageContent[], parts: { text: (text: string) => Part; image: (url: string) => Part }): string | Part[] {
	const images = content.map(imageUrlOf).filter((url): url is string => url !== undefined);
	const text = textOf(content);
	if (!images.length) return text;
	return [...(text ? [parts.text(text)] : []), ...images.map(parts.image)];
}

/** What a reply of either API says, in the API's own usage counts. */
export interface ReplyParts {
	id?: string;
	model?: string;
	serviceTier?: string | null;
	finishReason: FinishReason;
	content: MessageContent[];
	usage?: { prompt?: number; completion?: number; total?: number; cached?: number; reasoning?: number };
}

/** The reply as the SDK's result; its usage is what n8n reports as the model's token usage. */
export function generateResult({ id, model, serviceTier, finishReason, content, usage }: ReplyParts): GenerateResult {
	return {
		...(id ? { id } : {}),
		finishReason,
		message: { role: 'assistant', content, ...(id ? { id } : {}) },
		providerMetadata: { ...(model ? { model } : {}), ...(serviceTier ? { serviceTier } : {}) },
		...(usage
			? {
					usage: {
						promptTokens: countOf(usage.prompt),
						completionTokens: countOf(usage.completion),
						totalTokens: countOf(usage.total),
						inputTokenDetails: { cacheRead: countOf(usage.cached) },
						outputTokenDetails: { reasoning: countOf(usage.reasoning) },
					},
				}
			: {}),
	};
}
