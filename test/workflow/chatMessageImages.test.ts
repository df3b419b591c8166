/**
 * User messages given as fields may carry image URLs (Contentstack's "Text or Image" prompt type) in every
 * operation that takes a message list: complete, callFunctions and respondToFunctions.
 */
import { byId, chatReply, expectPosts, failsBeforeSending, runNode, setupNock } from '../support/chat';

setupNock();

const SKYLINE = 'https://example.com/skyline.png';
const DATA_URL = 'data:image/png;base64,iVBORw0KGgo=';

describe('image URLs in user messages', () => {
	it('chat.complete sends the text and each image as content parts', async () => {
		const { bodies } = expectPosts('/chat/completions', chatReply([{ content: 'Paris' }]));
		const result = await runNode({
			resource: 'chat',
			operation: 'complete',
			model: byId('gpt-4.1-mini'),
			messages: {
				message: [
					{ role: 'system', content: 'Answer with a city name.' },
					{ role: 'user', content: 'Which city?', imageUrls: `${SKYLINE},\n${DATA_URL}` },
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(bodies[0].messages).toEqual([
			{ role: 'system', content: 'Answer with a city name.' },
			{
				role: 'user',
				content: [
					{ type: 'text', text: 'Which city?' },
					{ type: 'image_url', image_url: { url: SKYLINE } },
					{ type: 'image_url', image_url: { url: DATA_URL } },
				],
			},
		]);
		expect(result.output('OpenAI')[0].json.text).toBe('Paris');
	});

	it('chat.callFunctions sends an image-only user message as image parts alone', async () => {
		const { bodies } = expectPosts('/chat/completions', chatReply([{ content: 'none needed' }]));
		const result = await runNode({
			resource: 'chat',
			operation: 'callFunctions',
			model: byId('gpt-4.1-mini'),
			messages: { message: [{ role: 'user', content: '', imageUrls: SKYLINE }] },
			functions: { function: [{ name: 'get_weather', parameters: '{"type": "object", "properties": {}}' }] },
		});
		expect(result.error).toBeUndefined();
		expect(bodies[0].messages).toEqual([{ role: 'user', content: [{ type: 'image_url', image_url: { url: SKYLINE } }] }]);
	});

	it.each([
		['on a non-user message', { role: 'assistant', content: 'hi', imageUrls: SKYLINE }, 'Messages: message 1 (assistant) has image URLs; only user messages can carry images'],
		['that is no URL', { role: 'user', content: 'hi', imageUrls: 'skyline.png' }, 'Messages: message 1: "skyline.png" is not an http(s) or data URL'],
	])('refuses an image URL %s before sending', async (_case, message, error) => {
		const sent = await failsBeforeSending('/chat/completions', {
			resource: 'chat',
			operation: 'complete',
			model: byId('gpt-4.1-mini'),
			messages: { message: [message] },
		});
		expect(sent).toBe(error);
	});
});
