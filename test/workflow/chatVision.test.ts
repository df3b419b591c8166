import { USAGE, byId, chatReply, expectPosts, failsBeforeSending, runNode, setupNock } from '../support/chat';

setupNock();

const PATH = '/chat/completions';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
const withImages = [
	{
		json: {},
		binary: {
			photo: { data: PNG.toString('base64'), fileName: 'cat.png', mimeType: 'image/png' },
			scan: { data: JPEG.toString('base64'), fileName: 'scan.jpg', mimeType: 'application/octet-stream' },
			notes: { data: Buffer.from('hello').toString('base64'), fileName: 'notes.txt', mimeType: 'text/plain' },
		},
	},
];
const analyze = (extra: Record<string, unknown> = {}) => ({
	resource: 'chat',
	operation: 'analyzeImage',
	model: byId('gpt-4.1-mini'),
	visionPrompt: 'What is in these images?',
	images: {
		image: [
			{ source: 'url', url: 'https://example.com/a.png', detail: 'low' },
			{ source: 'binary', binaryPropertyName: 'photo', detail: 'high' },
		],
	},
	...extra,
});

describe('chat.analyzeImage', () => {
	it('sends the prompt and each image (URL, or binary as a data URL) with its detail, max tokens 300 by default', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'A cat.' }]));
		const result = await runNode(analyze({ options: { temperature: 0.5, topP: 0.8, n: 1 } }), withImages);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'text', text: 'What is in these images?' },
						{ type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
						{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG.toString('base64')}`, detail: 'high' } },
					],
				},
			],
			temperature: 0.5,
			top_p: 0.8,
			n: 1,
			max_completion_tokens: 300,
		});
		expect(result.output('OpenAI')).toEqual([{ json: { text: 'A cat.', finishReason: 'stop', usage: USAGE }, pairedItem: { item: 0 } }]);
	});

	it('takes the max tokens set, and sets none for reasoning models', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'a' }]), chatReply([{ content: 'b' }]));
		await runNode(analyze({ options: { maxTokens: 50 } }), withImages);
		await runNode(analyze({ model: byId('gpt-5-mini') }), withImages);
		expect(bodies[0].max_completion_tokens).toBe(50);
		expect(bodies[1]).not.toHaveProperty('max_completion_tokens');
	});

	it('reads the image type from the file name when the binary has a generic MIME type', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'A scan.' }]));
		await runNode(analyze({ images: { image: [{ source: 'binary', binaryPropertyName: 'scan', detail: 'auto' }] } }), withImages);
		const parts = (bodies[0].messages as Array<{ content: Array<{ image_url?: { url: string } }> }>)[0].content;
		expect(parts[1].image_url?.url).toBe(`data:image/jpeg;base64,${JPEG.toString('base64')}`);
	});

	it('sends a message list whose user messages mix text and images', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: 'Both show cats.' }]));
		const result = await runNode(
			{
				resource: 'chat',
				operation: 'analyzeImage',
				model: byId('gpt-4o'),
				inputMode: 'messages',
				visionMessages: {
					message: [
						{ role: 'system', content: 'You describe images.' },
						{
							role: 'user',
							content: 'Compare:',
							name: 'reviewer',
							parts: {
								part: [
									{ type: 'url', url: 'https://example.com/1.jpg', detail: 'auto' },
									{ type: 'text', text: 'and' },
									{ type: 'binary', binaryPropertyName: 'photo', detail: 'low' },
								],
							},
						},
						{ role: 'assistant', content: 'Noted.' },
						{ role: 'user', content: 'Which is cuter?' },
					],
				},
				options: { maxTokens: 100 },
			},
			withImages,
		);
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			model: 'gpt-4o',
			messages: [
				{ role: 'system', content: 'You describe images.' },
				{
					role: 'user',
					name: 'reviewer',
					content: [
						{ type: 'text', text: 'Compare:' },
						{ type: 'image_url', image_url: { url: 'https://example.com/1.jpg', detail: 'auto' } },
						{ type: 'text', text: 'and' },
						{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG.toString('base64')}`, detail: 'low' } },
					],
				},
				{ role: 'assistant', content: 'Noted.' },
				{ role: 'user', content: 'Which is cuter?' },
			],
			max_completion_tokens: 100,
		});
		expect(result.output('OpenAI')).toEqual([{ json: { text: 'Both show cats.', finishReason: 'stop', usage: USAGE }, pairedItem: { item: 0 } }]);
	});

	it.each([
		['a missing binary property', { images: { image: [{ source: 'binary', binaryPropertyName: 'nope' }] } }, 'Images: the input item has no binary property "nope"'],
		['a binary that is no image', { images: { image: [{ source: 'binary', binaryPropertyName: 'notes' }] } }, 'Images: "notes.txt" (text/plain) is not an accepted file type'],
		['an image without URL', { images: { image: [{ source: 'url', url: '' }] } }, 'Images: image 1 has no URL'],
		['a URL that is no URL', { images: { image: [{ source: 'url', url: 'cat.png' }] } }, 'Images: "cat.png" is not an http(s) or data URL'],
		['no images', { images: {} }, 'Images: add at least one image'],
		['an empty prompt (an expression: a static empty one is refused by n8n, the field being required)', { visionPrompt: '={{ "  " }}' }, 'Prompt: is empty'],
		['a bad participant name', { inputMode: 'messages', visionMessages: { message: [{ role: 'user', content: 'x', name: 'a-b' }] } }, 'Messages: name "a-b" may only contain letters, digits and _ (no spaces), up to 64 characters'],
		['a missing binary in a message part', { inputMode: 'messages', visionMessages: { message: [{ role: 'user', content: 'x', parts: { part: [{ type: 'binary', binaryPropertyName: 'gone' }] } }] } }, 'Messages: the input item has no binary property "gone"'],
	])('refuses %s before sending, naming the field', async (_, extra, message) => {
		expect(await failsBeforeSending(PATH, analyze(extra), withImages)).toBe(message);
	});
});
