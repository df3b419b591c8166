/** One request-building setup per operation that offers "Send Through Batch API", with a reply the server would give. */
import type { IDataObject } from 'n8n-workflow';

import { chatReply } from './chat';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** The last message's text of a chat body. */
export function lastUserText(body: IDataObject): string {
	const messages = (body.messages ?? []) as IDataObject[];
	const content = messages[messages.length - 1]?.content;
	return typeof content === 'string' ? content : JSON.stringify(content);
}

export interface BatchCase {
	operation: string;
	path: string;
	parameters: IDataObject;
	/** The server's reply to one request body, the same whether it came directly or in a batch. */
	reply: (body: IDataObject) => IDataObject;
}

const translations = (body: IDataObject) =>
	Object.fromEntries(Object.entries(JSON.parse(lastUserText(body)) as Record<string, string>).map(([key, text]) => [key, `DE ${text}`]));

export const BATCH_CASES: BatchCase[] = [
	{
		operation: 'chat.complete',
		path: '/chat/completions',
		parameters: { resource: 'chat', operation: 'complete', model: rl('gpt-4.1-mini'), messages: { message: [{ role: 'user', content: '={{ $json.text }}' }] } },
		reply: (body) => chatReply([{ content: `Re: ${lastUserText(body)}` }]),
	},
	{
		operation: 'chat.prompt',
		path: '/chat/completions',
		parameters: { resource: 'chat', operation: 'prompt', model: rl('gpt-4.1-mini'), prompt: '={{ $json.text }}', options: { temperature: 0.5 } },
		reply: (body) => chatReply([{ content: `Re: ${lastUserText(body)}` }]),
	},
	{
		operation: 'chat.extractData',
		path: '/chat/completions',
		parameters: {
			resource: 'chat',
			operation: 'extractData',
			model: rl('gpt-4.1-mini'),
			textToParse: '={{ $json.text }}',
			whatToExtract: 'The word',
			fields: { field: [{ name: 'word', type: 'text', required: true }] },
		},
		reply: (body) => chatReply([{ content: JSON.stringify({ word: lastUserText(body).slice(0, 5) }) }]),
	},
	{
		operation: 'chat.translate',
		path: '/chat/completions',
		parameters: { resource: 'chat', operation: 'translate', model: rl('gpt-4.1-mini'), entry: '={{ JSON.stringify({ title: $json.text, n: $json.n }) }}', targetLanguage: 'German' },
		reply: (body) => chatReply([{ content: JSON.stringify(translations(body)) }]),
	},
	{
		operation: 'response.create',
		path: '/responses',
		parameters: { resource: 'response', operation: 'create', model: rl('gpt-4.1-mini'), inputType: 'text', input: '={{ $json.text }}' },
		reply: (body) => ({
			id: 'resp_1',
			object: 'response',
			created_at: 1,
			status: 'completed',
			model: 'gpt-4.1-mini',
			output: [{ type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: `Re: ${String(body.input)}`, annotations: [] }] }],
			usage: { input_tokens: 3, output_tokens: 2, total_tokens: 5 },
		}),
	},
	{
		operation: 'embedding.create',
		path: '/embeddings',
		parameters: { resource: 'embedding', operation: 'create', model: rl('text-embedding-3-small'), embeddingInput: '={{ $json.text }}' },
		reply: (body) => ({
			object: 'list',
			model: 'text-embedding-3-small',
			data: [{ object: 'embedding', index: 0, embedding: [String(body.input).length, 0.5] }],
			usage: { prompt_tokens: 2, total_tokens: 2 },
		}),
	},
	{
		operation: 'moderation.create',
		path: '/moderations',
		parameters: { resource: 'moderation', operation: 'create', model: rl('omni-moderation-latest'), texts: { values: [{ text: '={{ $json.text }}' }] } },
		reply: (body) => ({
			id: 'modr-1',
			model: 'omni-moderation-latest',
			results: [{ flagged: String(JSON.stringify(body.input)).includes('hurt'), categories: { violence: false }, category_scores: { violence: 0.1 } }],
		}),
	},
];

