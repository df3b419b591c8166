import type { Message, MessageRole } from '@n8n/ai-node-sdk';
import { BaseChatHistory, BaseChatMemory } from '@n8n/ai-node-sdk';
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import type { ConversationItem, ConversationItemList } from 'openai/resources/conversations/items';

/** One request to the API through the package's send path. */
export type ConversationRequest = (method: IHttpRequestMethods, url: string, options?: { body?: IDataObject; qs?: IDataObject }) => Promise<IDataObject>;

/** The most items one list page holds, and one POST adds. */
const PAGE_SIZE = 100;
const ITEMS_PER_POST = 20;

type MessageItem = Extract<ConversationItem, { type: 'message' }>;

const ROLES: Record<string, MessageRole | undefined> = { user: 'user', assistant: 'assistant', system: 'system', developer: 'system' };

/** A conversation's message item as a chat message; tool calls and other items are the API's own business. */
function messageOf(item: ConversationItem): Message | undefined {
	if (item.type !== 'message') return undefined;
	const role = ROLES[(item as MessageItem).role];
	if (!role) return undefined;
	const text = ((item as MessageItem).content ?? [])
		.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : ''))
		.join('');
	return { role, id: item.id, content: [{ type: 'text', text }] };
}

const textOf = (message: Message) =>
	message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');

/**
 * Chat history kept in an OpenAI conversation (Conversations API): messages are the conversation's message items,
 * read newest first and page by page, so the last K cost one request however long the conversation grew.
 */
export class ConversationHistory extends BaseChatHistory {
	constructor(
		/** The conversation's ID, found or created on first use. */
		private readonly conversationId: () => Promise<string>,
		private readonly request: ConversationRequest,
		/**
		 * The most messages getMessages() reads. n8n logs the whole history after every saved turn; without a bound
		 * that would read a long conversation page by page on every turn.
		 */
		private readonly readLimit?: number,
	) {
		super();
	}

	private async itemsUrl(): Promise<string> {
		return `/conversations/${encodeURIComponent(await this.conversationId())}/items`;
	}

	/** The newest `limit` messages (all when undefined), oldest first. */
	async lastMessages(limit?: number): Promise<Message[]> {
		const url = await this.itemsUrl();
		const newestFirst: Message[] = [];
		let after: string | undefined;
		while (limit === undefined || newestFirst.length < limit) {
			const page = (await this.request('GET', url, {
				qs: { order: 'desc', limit: PAGE_SIZE, ...(after ? { after } : {}) },
			})) as unknown as Partial<ConversationItemList>;
			const items = Array.isArray(page.data) ? page.data : [];
			for (const item of items) {
				const message = messageOf(item);
				if (message) newestFirst.push(message);
			}
			after = page.last_id ?? items[items.length - 1]?.id;
			if (!page.has_more || !items.length || !after) break;
		}
		return newestFirst.slice(0, limit).reverse();
	}

	async getMessages(): Promise<Message[]> {
		return await this.lastMessages(this.readLimit);
	}

	async addMessage(message: Message): Promise<void> {
		await this.addMessages([message]);
	}

	/** Appends text messages, up to 20 items per request as the API allows. */
	async addMessages(messages: Message[]): Promise<void> {
		const items = messages
			.filter((message) => message.role !== 'tool')
			.map((message) => ({ type: 'message', role: message.role, content: textOf(message) }));
		if (!items.length) return;
		const url = await this.itemsUrl();
		for (let start = 0; start < items.length; start += ITEMS_PER_POST) {
			await this.request('POST', url, { body: { items: items.slice(start, start + ITEMS_PER_POST) } });
		}
	}

	/** Deletes every item: the conversation (and its ID) stays, empty. */
	async clear(): Promise<void> {
		const url = await this.itemsUrl();
		for (;;) {
			const page = (await this.request('GET', url, { qs: { limit: PAGE_SIZE } })) as unknown as Partial<ConversationItemList>;
			const items = Array.isArray(page.data) ? page.data : [];
			for (const item of items) if (item.id) await this.request('DELETE', `${url}/${encodeURIComponent(item.id)}`);
			if (!page.has_more || !items.length) return;
		}
	}
}

/** The agent's memory: the last `windowSize` exchanges (a user message and a reply each) of the conversation. */
export class ConversationMemory extends BaseChatMemory {
	constructor(
		readonly chatHistory: ConversationHistory,
		private readonly windowSize: number,
	) {
		super();
	}

	async loadMessages(): Promise<Message[]> {
		return await this.chatHistory.lastMessages(this.windowSize * 2);
	}

	async saveTurn(input: string, output: string): Promise<void> {
		await this.chatHistory.addMessages([
			{ role: 'user', content: [{ type: 'text', text: input }] },
			{ role: 'assistant', content: [{ type: 'text', text: output }] },
		]);
	}

	async clear(): Promise<void> {
		await this.chatHistory.clear();
	}
}
