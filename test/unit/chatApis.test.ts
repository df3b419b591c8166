/** The chat model's two APIs (issue 17): replies the spec allows, however sparse, give a message or a clear error. */
import type { IDataObject } from 'n8n-workflow';

import { chatCompletionsApi } from '../../nodes/OpenAiPlatformChatModel/chatCompletionsApi';
import { chunksOf } from '../../nodes/OpenAiPlatformChatModel/PlatformChatModel';
import { responsesApi } from '../../nodes/OpenAiPlatformChatModel/responsesApi';

describe('Chat Completions replies', () => {
	it('reads a reply with every optional field absent', () => {
		const result = chatCompletionsApi.result({ choices: [{ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'stop' }] } as IDataObject);
		expect(result).toEqual({ finishReason: 'stop', message: { role: 'assistant', content: [] }, providerMetadata: {} });
	});

	it('turns a refusal into the text, and an unknown finish reason into "other"', () => {
		const result = chatCompletionsApi.result({ id: 'c1', choices: [{ message: { role: 'assistant', content: null, refusal: 'No.' }, finish_reason: 'surprise' }] } as IDataObject);
		expect(result.message.content).toEqual([{ type: 'text', text: 'No.' }]);
		expect(result.finishReason).toBe('other');
	});

	it('refuses a reply without choices', () => {
		expect(() => chatCompletionsApi.result({ id: 'c1', choices: [] } as IDataObject)).toThrow('The reply contains no generated message');
		expect(() => chatCompletionsApi.result({} as IDataObject)).toThrow('The reply contains no generated message');
	});

	it('maps images of a user message to image parts, and tool results to tool messages', () => {
		const body = chatCompletionsApi.request(
			[
				{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'file', mediaType: 'image/png', data: 'iVBORw0KGgo=' }] },
				{ role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', result: [{ type: 'text', text: 'done' }] }] },
			],
			[],
		);
		expect(body).toEqual({
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'text', text: 'What is this?' },
						{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
					],
				},
				{ role: 'tool', tool_call_id: 'call_1', content: 'done' },
			],
		});
	});
});

describe('Responses replies', () => {
	it('reads a reply with no output and no usage', () => {
		expect(responsesApi.result({ id: 'r1', status: 'completed' } as IDataObject)).toEqual({
			id: 'r1',
			finishReason: 'stop',
			message: { role: 'assistant', content: [], id: 'r1' },
			providerMetadata: {},
		});
	});

	it('says "length" for an incomplete response, and keeps the built-in tools\' items out of the message', () => {
		const result = responsesApi.result({
			status: 'incomplete',
			incomplete_details: { reason: 'max_output_tokens' },
			output: [
				{ type: 'web_search_call', id: 'ws_1', status: 'completed' },
				{ type: 'message', id: 'm1', role: 'assistant', status: 'incomplete', content: [{ type: 'output_text', text: 'Partial', annotations: [] }] },
			],
		} as unknown as IDataObject);
		expect(result.finishReason).toBe('length');
		expect(result.message.content).toEqual([{ type: 'text', text: 'Partial' }]);
	});

	it('refuses a failed response with its error', () => {
		expect(() => responsesApi.result({ status: 'failed', error: { code: 'server_error', message: 'Boom' } } as IDataObject)).toThrow('The response failed: Boom');
	});
});

describe('streamed replies', () => {
	it('end with the finish and the usage', () => {
		const usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };
		expect([...chunksOf({ message: { role: 'assistant', content: [{ type: 'text', text: 'Hi' }] }, usage })]).toEqual([
			{ type: 'text-delta', id: undefined, delta: 'Hi' },
			{ type: 'finish', finishReason: 'stop', usage },
		]);
	});
});
