import nock from 'nock';
import { BinaryDataService } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { TEST_API_KEY, credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { Part } from '../support/media';
import { JPEG, WEBP, binaryBytes, formFields, itemWith, parseMultipart, png } from '../support/media';
import { MAGIC_HEAD_BYTES } from '../../nodes/OpenAiPlatform/shared/magicBytes';

/** Reads of the binary store other than a format check's first bytes. */
const fullReads = (stream: jest.SpyInstance) => stream.mock.calls.filter(([, chunkSize]) => chunkSize !== MAGIC_HEAD_BYTES);

const BASE = 'https://api.openai.com';
const credentials = credentialsFor('https://api.openai.com/v1');

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const model = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(parameters: IDataObject, items?: Parameters<typeof singleNodeWorkflow>[1]) {
	return await runWorkflow(singleNodeWorkflow(parameters, items), credentials);
}

/** Intercepts one JSON POST and records its body. */
function expectJson(path: string, reply: IDataObject, status = 200) {
	const seen: { body?: IDataObject } = {};
	const scope = nock(BASE)
		.post(`/v1${path}`, (body: IDataObject) => {
			seen.body = body;
			return true;
		})
		.reply(status, reply);
	return { scope, seen };
}

/** Intercepts one multipart POST and records its parts. */
function expectMultipart(path: string, reply: IDataObject) {
	const seen: { parts: Part[]; contentType?: string } = { parts: [] };
	const scope = nock(BASE)
		.post(`/v1${path}`)
		.reply(function (_uri, body) {
			seen.contentType = String(this.req.headers['content-type']);
			seen.parts = parseMultipart(body, seen.contentType);
			return [200, reply];
		});
	return { scope, seen };
}

const b64 = (data: Buffer) => data.toString('base64');

describe('image.generate', () => {
	it('sends only the GPT image fields and stores each image as a binary item', async () => {
		const { scope, seen } = expectJson('/images/generations', {
			created: 1700000000,
			output_format: 'webp',
			usage: { total_tokens: 30, input_tokens: 10, output_tokens: 20, input_tokens_details: { text_tokens: 10, image_tokens: 0 } },
			data: [{ b64_json: b64(WEBP) }, { b64_json: b64(WEBP) }],
		});
		const result = await run({
			resource: 'image',
			operation: 'generate',
			model: model('gpt-image-1'),
			imagePrompt: 'A lighthouse at dusk',
			options: {
				n: 2,
				size: '1536x1024',
				quality: 'high',
				background: 'transparent',
				outputFormat: 'webp',
				outputCompression: 80,
				moderation: 'low',
				user: 'user-7',
				binaryPropertyOutput: 'picture',
			},
		});
		expect(result.error).toBeUndefined();
		expect(seen.body).toEqual({
			model: 'gpt-image-1',
			prompt: 'A lighthouse at dusk',
			n: 2,
			size: '1536x1024',
			quality: 'high',
			background: 'transparent',
			output_format: 'webp',
			output_compression: 80,
			moderation: 'low',
			user: 'user-7',
		});
		const items = result.output('OpenAI');
		expect(items).toHaveLength(2);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.binary?.picture).toMatchObject({ mimeType: 'image/webp', fileName: `image-${index + 1}.webp`, fileExtension: 'webp' });
			expect(item.json).toEqual({ created: 1700000000, output_format: 'webp', usage: expect.objectContaining({ total_tokens: 30 }) });
		});
		expect((await binaryBytes(items[1].binary?.picture)).equals(WEBP)).toBe(true);
		expect(JSON.stringify(items.map((i) => i.json))).not.toContain('b64_json');
		scope.done();
	});

	it('reads the image type from its bytes when the reply does not name it', async () => {
		const { scope } = expectJson('/images/generations', { created: 1, data: [{ b64_json: b64(JPEG) }] });
		const result = await run({ resource: 'image', operation: 'generate', model: model('gpt-image-1-mini'), imagePrompt: 'x' });
		expect(result.error).toBeUndefined();
		const [item] = result.output('OpenAI');
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'image-1.jpg' });
		expect((await binaryBytes(item.binary?.data)).length).toBe(JPEG.length);
		scope.done();
	});

	it('sends the DALL-E 3 fields and returns URLs with the revised prompt', async () => {
		const { scope, seen } = expectJson('/images/generations', {
			created: 2,
			data: [{ url: 'https://files.example/img.png', revised_prompt: 'A red fox in deep snow, photographed at dawn' }],
		});
		const result = await run({
			resource: 'image',
			operation: 'generate',
			model: model('dall-e-3'),
			imagePrompt: 'A red fox in snow',
			responseFormat: 'url',
			options: { size: '1792x1024', quality: 'hd', style: 'natural', user: 'u' },
		});
		expect(result.error).toBeUndefined();
		expect(seen.body).toEqual({
			model: 'dall-e-3',
			prompt: 'A red fox in snow',
			size: '1792x1024',
			quality: 'hd',
			style: 'natural',
			user: 'u',
			response_format: 'url',
		});
		const items = result.output('OpenAI');
		expect(items).toEqual([
			{
				json: { created: 2, url: 'https://files.example/img.png', revised_prompt: 'A red fox in deep snow, photographed at dawn' },
				pairedItem: { item: 0 },
			},
		]);
		scope.done();
	});

	it('asks DALL-E 2 for base64 by default and drops options it does not take', async () => {
		const image = png(4, 4);
		const { scope, seen } = expectJson('/images/generations', { created: 3, data: [{ b64_json: b64(image) }, { b64_json: b64(image) }, { b64_json: b64(image) }] });
		const result = await run({
			resource: 'image',
			operation: 'generate',
			model: model('dall-e-2'),
			imagePrompt: 'Three cats',
			// style and quality are left over from another model: not sent.
			options: { n: 3, size: '512x512', style: 'vivid', quality: 'hd' },
		});
		expect(result.error).toBeUndefined();
		expect(seen.body).toEqual({ model: 'dall-e-2', prompt: 'Three cats', n: 3, size: '512x512', response_format: 'b64_json' });
		const items = result.output('OpenAI');
		expect(items.map((i) => i.binary?.data?.fileName)).toEqual(['image-1.png', 'image-2.png', 'image-3.png']);
		expect(items[0].binary?.data?.mimeType).toBe('image/png');
		expect((await binaryBytes(items[2].binary?.data)).equals(image)).toBe(true);
		scope.done();
	});

	it('follows a model given by an expression: GPT image models get no response_format or style', async () => {
		const { scope, seen } = expectJson('/images/generations', { created: 4, data: [{ b64_json: b64(png(2, 2)) }] });
		const result = await run(
			{
				resource: 'image',
				operation: 'generate',
				model: { __rl: true, mode: 'id', value: '={{ $json.model }}' },
				imagePrompt: '={{ $json.prompt }}',
				responseFormat: 'url',
				options: { style: 'vivid', quality: 'low' },
			},
			[{ json: { model: 'gpt-image-1', prompt: 'A bowl of ramen' } }],
		);
		expect(result.error).toBeUndefined();
		expect(seen.body).toEqual({ model: 'gpt-image-1', prompt: 'A bowl of ramen', quality: 'low' });
		scope.done();
	});

	it('pairs the images of each input item with that item', async () => {
		const scope = nock(BASE)
			.post('/v1/images/generations')
			.times(2)
			.reply(200, (_uri, body) => ({ created: 5, data: [{ url: `https://x/${(body as IDataObject).prompt}.png` }] }));
		const result = await run(
			{ resource: 'image', operation: 'generate', model: model('dall-e-2'), imagePrompt: '={{ $json.p }}', responseFormat: 'url' },
			[{ json: { p: 'one' } }, { json: { p: 'two' } }],
		);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI').map((i) => [i.json.url, i.pairedItem])).toEqual([
			['https://x/one.png', { item: 0 }],
			['https://x/two.png', { item: 1 }],
		]);
		scope.done();
	});

	it.each([
		['a prompt over the DALL-E 2 limit', { model: model('dall-e-2'), imagePrompt: 'x'.repeat(1001) }, 'Prompt: is 1001 characters long, over the 1000-character limit of DALL-E 2'],
		['a prompt over the DALL-E 3 limit', { model: model('dall-e-3'), imagePrompt: 'x'.repeat(4001) }, 'Prompt: is 4001 characters long, over the 4000-character limit of DALL-E 3'],
		['a prompt over the GPT image limit', { model: model('gpt-image-1'), imagePrompt: 'x'.repeat(32001) }, 'Prompt: is 32001 characters long, over the 32000-character limit'],
		['an empty prompt', { model: model('gpt-image-1'), imagePrompt: '  ' }, 'Prompt: is empty'],
		['no model', { model: model('={{ "" }}'), imagePrompt: 'x' }, 'Model: choose an image model'],
		// With the model in an expression every option shows, so the run-time check is what stops it.
		['several DALL-E 3 images', { model: model('={{ "dall-e-3" }}'), imagePrompt: 'x', options: { n: 2 } }, 'Number of Results: DALL-E 3 makes one image per request, got 2'],
		['too many images', { model: model('dall-e-2'), imagePrompt: 'x', options: { n: '={{ 11 }}' } }, 'Number of Results: must be between 1 and 10, got 11'],
		['a DALL-E 2 size on DALL-E 3', { model: model('dall-e-3'), imagePrompt: 'x', options: { size: '={{ "512x512" }}' } }, 'Size: "512x512" is not allowed for DALL-E 3'],
		['a size that is not one', { model: model('gpt-image-1'), imagePrompt: 'x', options: { size: '={{ "big" }}' } }, 'Size: "big" is not a size'],
		['HD quality on a GPT image model', { model: model('gpt-image-1'), imagePrompt: 'x', options: { quality: '={{ "hd" }}' } }, 'Quality: "hd" is not allowed for GPT image models'],
		['a transparent JPEG', { model: model('gpt-image-1'), imagePrompt: 'x', options: { background: 'transparent', outputFormat: 'jpeg' } }, 'Background: a transparent background needs the PNG or WebP output format'],
		['compression of a PNG', { model: model('gpt-image-1'), imagePrompt: 'x', options: { outputCompression: 50 } }, 'Output Compression: only applies to the JPEG and WebP output formats'],
	])('refuses %s before sending', async (_case, parameters, message) => {
		const scope = nock(BASE).post('/v1/images/generations').reply(200, { created: 1 });
		const result = await run({ resource: 'image', operation: 'generate', ...parameters });
		expect(result.error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});

	it('does not send Number of Images for DALL-E 3, which hides it', async () => {
		const { scope, seen } = expectJson('/images/generations', { created: 1, data: [{ url: 'https://x/1.png' }] });
		const result = await run({ resource: 'image', operation: 'generate', model: model('dall-e-3'), imagePrompt: 'x', responseFormat: 'url', options: { n: 2 } });
		expect(result.error).toBeUndefined();
		expect(seen.body).toEqual({ model: 'dall-e-3', prompt: 'x', response_format: 'url' });
		scope.done();
	});

	it('gives one item with the reply fields and an empty data list when the reply has no images', async () => {
		const { scope } = expectJson('/images/generations', { created: 9 });
		const result = await run({ resource: 'image', operation: 'generate', model: model('gpt-image-1'), imagePrompt: 'x' });
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toEqual([{ json: { created: 9, data: [] }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('keeps an image entry with neither URL nor data as a JSON item', async () => {
		const { scope } = expectJson('/images/generations', { created: 9, data: [{}, { revised_prompt: 'p' }] });
		const result = await run({ resource: 'image', operation: 'generate', model: model('dall-e-3'), imagePrompt: 'x' });
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI').map((i) => [i.json, i.binary])).toEqual([
			[{ created: 9 }, undefined],
			[{ created: 9, revised_prompt: 'p' }, undefined],
		]);
		scope.done();
	});

	it("surfaces OpenAI's error without the key", async () => {
		const { scope } = expectJson(
			'/images/generations',
			{ error: { message: 'Your request was rejected by the safety system.', type: 'invalid_request_error', code: 'content_policy_violation', param: null } },
			400,
		);
		const result = await run({ resource: 'image', operation: 'generate', model: model('dall-e-3'), imagePrompt: 'x' });
		expect(result.error?.message).toContain('safety system');
		expect(JSON.stringify(result.error)).not.toContain(TEST_API_KEY);
		scope.done();
	});
});

describe('image.edit', () => {
	const photo = { data: png(8, 8, { colorType: 2 }), fileName: 'photo.png', mimeType: 'image/png' };
	const product = { data: JPEG, fileName: 'product.jpg', mimeType: 'image/jpeg' };
	const mask = { data: png(8, 8), fileName: 'mask.png', mimeType: 'image/png' };

	it('sends several images as image[] parts with a mask and the GPT image fields', async () => {
		const { scope, seen } = expectMultipart('/images/edits', { created: 1, data: [{ b64_json: b64(png(2, 2)) }] });
		const result = await run(
			{
				resource: 'image',
				operation: 'edit',
				model: model('gpt-image-1'),
				binaryPropertyName: 'photo, product',
				imagePrompt: 'Put the product on the table',
				options: {
					maskBinaryPropertyName: 'mask',
					n: 1,
					size: '1024x1024',
					quality: 'medium',
					background: 'opaque',
					outputFormat: 'png',
					inputFidelity: 'high',
					user: 'u9',
				},
			},
			[itemWith({ photo, product, mask })],
		);
		expect(result.error).toBeUndefined();
		expect(seen.contentType).toMatch(/^multipart\/form-data; boundary=/);
		expect(formFields(seen.parts)).toEqual({
			model: 'gpt-image-1',
			prompt: 'Put the product on the table',
			n: '1',
			size: '1024x1024',
			quality: 'medium',
			background: 'opaque',
			output_format: 'png',
			input_fidelity: 'high',
			user: 'u9',
		});
		const files = seen.parts.filter((part) => part.fileName !== undefined);
		expect(files.map((f) => [f.name, f.fileName, f.contentType, f.data.length])).toEqual([
			['image[]', 'photo.png', 'image/png', photo.data.length],
			['image[]', 'product.jpg', 'image/jpeg', JPEG.length],
			['mask', 'mask.png', 'image/png', mask.data.length],
		]);
		expect(files[0].data.equals(photo.data)).toBe(true);
		expect(files[1].data.equals(JPEG)).toBe(true);
		const [item] = result.output('OpenAI');
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: 'image-1.png' });
		expect((await binaryBytes(item.binary?.data)).length).toBe(png(2, 2).length);
		expect(item.pairedItem).toEqual({ item: 0 });
		scope.done();
	});

	it('sends one image as the scalar image part', async () => {
		const { scope, seen } = expectMultipart('/images/edits', { created: 1, data: [{ b64_json: b64(WEBP) }] });
		const result = await run(
			{ resource: 'image', operation: 'edit', model: model('gpt-image-1'), binaryPropertyName: 'product', imagePrompt: 'Brighter' },
			[itemWith({ product })],
		);
		expect(result.error).toBeUndefined();
		expect(formFields(seen.parts)).toEqual({ model: 'gpt-image-1', prompt: 'Brighter' });
		expect(seen.parts.filter((p) => p.fileName).map((p) => [p.name, p.fileName, p.contentType, p.data.length])).toEqual([
			['image', 'product.jpg', 'image/jpeg', JPEG.length],
		]);
		const output = result.output('OpenAI')[0].binary?.data;
		expect(output).toMatchObject({ mimeType: 'image/webp', fileName: 'image-1.webp' });
		expect((await binaryBytes(output)).length).toBe(WEBP.length);
		scope.done();
	});

	it('edits a transparent square PNG with DALL-E 2 and asks for base64', async () => {
		const { scope, seen } = expectMultipart('/images/edits', { created: 1, data: [{ b64_json: b64(png(4, 4)) }, { b64_json: b64(png(4, 4)) }] });
		const result = await run(
			{ resource: 'image', operation: 'edit', model: model('dall-e-2'), imagePrompt: 'Add a hat', options: { n: 2, size: '256x256', quality: 'high' } },
			[itemWith({ data: { data: png(16, 16), fileName: 'cat.png', mimeType: 'image/png' } })],
		);
		expect(result.error).toBeUndefined();
		expect(formFields(seen.parts)).toEqual({ model: 'dall-e-2', prompt: 'Add a hat', n: '2', size: '256x256', response_format: 'b64_json' });
		const items = result.output('OpenAI');
		expect(items).toHaveLength(2);
		for (const [index, item] of items.entries()) {
			expect(item.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: `image-${index + 1}.png` });
			expect((await binaryBytes(item.binary?.data)).length).toBe(png(4, 4).length);
		}
		scope.done();
	});

	it('accepts an RGB PNG with a tRNS chunk as transparent for DALL-E 2', async () => {
		const { scope, seen } = expectMultipart('/images/edits', { created: 1, data: [{ url: 'https://x/1.png' }] });
		const result = await run(
			{ resource: 'image', operation: 'edit', model: model('dall-e-2'), imagePrompt: 'x', responseFormat: 'url' },
			[itemWith({ data: { data: png(4, 4, { colorType: 2, tRNS: true }), fileName: 'a.png', mimeType: 'image/png' } })],
		);
		expect(result.error).toBeUndefined();
		expect(formFields(seen.parts).response_format).toBe('url');
		expect(result.output('OpenAI')[0].json).toEqual({ created: 1, url: 'https://x/1.png' });
		scope.done();
	});

	it.each([
		['a non-square PNG', { data: { data: png(4, 8), fileName: 'tall.png', mimeType: 'image/png' } }, {}, 'Input Binary Field: "tall.png" is 4x8; DALL-E 2 needs a square image'],
		['a JPEG', { data: { data: JPEG, fileName: 'a.jpg', mimeType: 'image/jpeg' } }, {}, 'Input Binary Field: "a.jpg" (image/jpeg) is not an accepted file type'],
		['a PNG name on other bytes', { data: { data: JPEG, fileName: 'a.png', mimeType: 'image/png' } }, {}, 'Input Binary Field: "a.png" is labelled image/png, but its bytes are not PNG'],
		['an image of 4 MB', { data: { data: Buffer.concat([png(4, 4), Buffer.alloc(4 * 1024 * 1024)]), fileName: 'big.png', mimeType: 'image/png' } }, {}, 'Input Binary Field: "big.png" is 4.0 MB, over the 4 MB limit'],
		['an opaque PNG without a mask', { data: { data: png(4, 4, { colorType: 2 }), fileName: 'flat.png', mimeType: 'image/png' } }, {}, 'Input Binary Field: "flat.png" has no transparency, and no mask is set'],
		['a mask of another size', { data: { data: png(8, 8), fileName: 'a.png', mimeType: 'image/png' }, mask: { data: png(4, 4), fileName: 'm.png', mimeType: 'image/png' } }, { maskBinaryPropertyName: 'mask' }, 'Mask: "m.png" is 4x4 but the image "a.png" is 8x8; they must be the same size'],
		['a mask that is not a PNG', { data: { data: png(8, 8), fileName: 'a.png', mimeType: 'image/png' }, mask: { data: JPEG, fileName: 'm.jpg', mimeType: 'image/jpeg' } }, { maskBinaryPropertyName: 'mask' }, 'Mask: "m.jpg" (image/jpeg) is not an accepted file type'],
		['a missing mask property', { data: { data: png(8, 8), fileName: 'a.png', mimeType: 'image/png' } }, { maskBinaryPropertyName: 'mask' }, 'Mask: the input item has no binary property "mask"'],
		[
			'a mask of 4 MB',
			{ data: { data: png(8, 8), fileName: 'a.png', mimeType: 'image/png' }, mask: { data: Buffer.concat([png(8, 8), Buffer.alloc(4 * 1024 * 1024)]), fileName: 'big-mask.png', mimeType: 'image/png' } },
			{ maskBinaryPropertyName: 'mask' },
			'Mask: "big-mask.png" is 4.0 MB, over the 4 MB limit',
		],
	])('refuses %s for DALL-E 2 before sending', async (_case, files, options, message) => {
		const scope = nock(BASE).post('/v1/images/edits').reply(200, { created: 1 });
		const result = await run({ resource: 'image', operation: 'edit', model: model('dall-e-2'), imagePrompt: 'x', options }, [itemWith(files)]);
		expect(result.error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});

	it.each([
		['two images for DALL-E 2', 'dall-e-2', 'a, b', 'Input Binary Field: DALL-E 2 edits one image, got 2 (a, b)'],
		['a missing binary property', 'gpt-image-1', 'photo', 'Input Binary Field: the input item has no binary property "photo"'],
		['no property name', 'gpt-image-1', ' , ', 'Input Binary Field: name at least one binary property'],
		['more than 16 images', 'gpt-image-1', Array.from({ length: 17 }, (_, i) => `p${i}`).join(','), 'Input Binary Field: at most 16 images, got 17'],
		['DALL-E 3', 'dall-e-3', 'a', 'Model: dall-e-3 cannot edit images'],
	])('refuses %s before sending', async (_case, modelId, names, message) => {
		const scope = nock(BASE).post('/v1/images/edits').reply(200, { created: 1 });
		const square = { data: png(4, 4), fileName: 'a.png', mimeType: 'image/png' };
		const result = await run({ resource: 'image', operation: 'edit', model: model(modelId), binaryPropertyName: names, imagePrompt: 'x' }, [
			itemWith({ a: square, b: square }),
		]);
		expect(result.error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});

	it('refuses a GIF for a GPT image model', async () => {
		const scope = nock(BASE).post('/v1/images/edits').reply(200, { created: 1 });
		const result = await run({ resource: 'image', operation: 'edit', model: model('gpt-image-1'), imagePrompt: 'x' }, [
			itemWith({ data: { data: Buffer.from('GIF89a'), fileName: 'a.gif', mimeType: 'image/gif' } }),
		]);
		expect(result.error?.message).toContain('Input Binary Field: "a.gif" (image/gif) is not an accepted file type');
		expect(scope.isDone()).toBe(false);
	});

	it.each([
		['DALL-E 2', 'dall-e-2', 1001, 'Prompt: is 1001 characters long, over the 1000-character limit of DALL-E 2'],
		['a GPT image model', 'gpt-image-1', 32001, 'Prompt: is 32001 characters long, over the 32000-character limit of GPT image models'],
	])('refuses a prompt over the %s limit before sending', async (_case, modelId, length, message) => {
		const scope = nock(BASE).post('/v1/images/edits').reply(200, { created: 1 });
		const result = await run({ resource: 'image', operation: 'edit', model: model(modelId), imagePrompt: 'x'.repeat(length) }, [
			itemWith({ data: { data: png(4, 4), fileName: 'a.png', mimeType: 'image/png' } }),
		]);
		expect(result.error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});

	it('refuses a GPT image input over 50 MB before reading it or sending anything', async () => {
		const scope = nock(BASE).post('/v1/images/edits').reply(200, { created: 1 });
		const stream = jest.spyOn(BinaryDataService.prototype, 'getAsStream');
		try {
			const big = Buffer.concat([png(8, 8), Buffer.alloc(50 * 1024 * 1024)]);
			const result = await run({ resource: 'image', operation: 'edit', model: model('gpt-image-1'), binaryPropertyName: 'photo, big', imagePrompt: 'x' }, [
				itemWith({ photo, big: { data: big, fileName: 'huge.png', mimeType: 'image/png' } }),
			]);
			expect(result.error?.message).toBe('Input Binary Field: "huge.png" is 50.0 MB, over the 50 MB limit');
			// Only the first image's first bytes were read (its format check), nothing of the big one.
			expect(fullReads(stream)).toEqual([]);
		} finally {
			stream.mockRestore();
		}
		expect(scope.isDone()).toBe(false);
	});

	it('streams GPT image inputs from the binary store, and again when it retries a failed upload', async () => {
		const bodies: Part[][] = [];
		const scope = nock(BASE)
			.post('/v1/images/edits')
			.times(2)
			.reply(function (_uri, body) {
				bodies.push(parseMultipart(body, String(this.req.headers['content-type'])));
				return bodies.length === 1
					? [503, { error: { message: 'Overloaded', type: 'server_error' } }, { 'retry-after-ms': '0' }]
					: [200, { created: 1, data: [{ b64_json: b64(WEBP) }] }];
			});
		const stream = jest.spyOn(BinaryDataService.prototype, 'getAsStream');
		let result: Awaited<ReturnType<typeof run>>;
		try {
			result = await run({ resource: 'image', operation: 'edit', model: model('gpt-image-1'), binaryPropertyName: 'photo, product', imagePrompt: 'Together' }, [
				itemWith({ photo, product }),
			]);
			// Each image is read from the store when each request is written: two images, two requests.
			expect(fullReads(stream)).toHaveLength(4);
		} finally {
			stream.mockRestore();
		}
		expect(result.error).toBeUndefined();
		expect(bodies).toHaveLength(2);
		for (const parts of bodies) {
			expect(formFields(parts)).toEqual({ model: 'gpt-image-1', prompt: 'Together' });
			const sent = parts.filter((p) => p.fileName !== undefined);
			expect(sent.map((p) => [p.name, p.fileName, p.contentType, p.data.length])).toEqual([
				['image[]', 'photo.png', 'image/png', photo.data.length],
				['image[]', 'product.jpg', 'image/jpeg', JPEG.length],
			]);
			expect(sent[0].data.equals(photo.data)).toBe(true);
			expect(sent[1].data.equals(JPEG)).toBe(true);
		}
		const output = result.output('OpenAI')[0].binary?.data;
		expect(output).toMatchObject({ mimeType: 'image/webp', fileName: 'image-1.webp' });
		expect((await binaryBytes(output)).length).toBe(WEBP.length);
		scope.done();
	});

	it('checks a mask against the header of a streamed GPT image input', async () => {
		const scope = nock(BASE).post('/v1/images/edits').reply(200, { created: 1 });
		const result = await run(
			{ resource: 'image', operation: 'edit', model: model('gpt-image-1'), binaryPropertyName: 'photo', imagePrompt: 'x', options: { maskBinaryPropertyName: 'mask' } },
			[itemWith({ photo, mask: { data: png(4, 4), fileName: 'm.png', mimeType: 'image/png' } })],
		);
		expect(result.error?.message).toContain('Mask: "m.png" is 4x4 but the image "photo.png" is 8x8; they must be the same size');
		expect(scope.isDone()).toBe(false);
	});
});

describe('image.createVariation', () => {
	const square = { data: png(8, 8, { colorType: 2 }), fileName: 'logo.png', mimeType: 'image/png' };

	it('sends the image, n, size and user and returns URLs', async () => {
		const { scope, seen } = expectMultipart('/images/variations', { created: 1, data: [{ url: 'https://x/1.png' }, { url: 'https://x/2.png' }] });
		const result = await run(
			{ resource: 'image', operation: 'createVariation', model: model('dall-e-2'), responseFormat: 'url', options: { n: 2, size: '512x512', user: 'u1' } },
			[itemWith({ data: square })],
		);
		expect(result.error).toBeUndefined();
		expect(formFields(seen.parts)).toEqual({ model: 'dall-e-2', n: '2', size: '512x512', user: 'u1', response_format: 'url' });
		expect(seen.parts.filter((p) => p.fileName).map((p) => [p.name, p.fileName, p.contentType, p.data.length])).toEqual([
			['image', 'logo.png', 'image/png', square.data.length],
		]);
		expect(result.output('OpenAI').map((i) => i.json.url)).toEqual(['https://x/1.png', 'https://x/2.png']);
		scope.done();
	});

	it('stores variations as files', async () => {
		const { scope, seen } = expectMultipart('/images/variations', { created: 1, data: [{ b64_json: b64(png(8, 8)) }] });
		const result = await run({ resource: 'image', operation: 'createVariation', model: model('dall-e-2'), binaryPropertyName: 'logo' }, [itemWith({ logo: square })]);
		expect(result.error).toBeUndefined();
		expect(formFields(seen.parts)).toEqual({ model: 'dall-e-2', response_format: 'b64_json' });
		expect(seen.parts.filter((p) => p.fileName).map((p) => [p.name, p.fileName, p.contentType, p.data.length])).toEqual([
			['image', 'logo.png', 'image/png', square.data.length],
		]);
		const output = result.output('OpenAI')[0].binary?.data;
		expect(output).toMatchObject({ mimeType: 'image/png', fileName: 'image-1.png' });
		expect((await binaryBytes(output)).length).toBe(png(8, 8).length);
		expect((await binaryBytes(output)).equals(png(8, 8))).toBe(true);
		scope.done();
	});

	it.each([
		['a GPT image model', 'gpt-image-1', square, 'Model: gpt-image-1 cannot make variations; only dall-e-2 can'],
		['a non-square image', 'dall-e-2', { data: png(8, 4), fileName: 'wide.png', mimeType: 'image/png' }, 'Input Binary Field: "wide.png" is 8x4; DALL-E 2 needs a square image'],
		['a WebP image', 'dall-e-2', { data: WEBP, fileName: 'a.webp', mimeType: 'image/webp' }, 'Input Binary Field: "a.webp" (image/webp) is not an accepted file type'],
	])('refuses %s before sending', async (_case, modelId, file, message) => {
		const scope = nock(BASE).post('/v1/images/variations').reply(200, { created: 1 });
		const result = await run({ resource: 'image', operation: 'createVariation', model: model(modelId) }, [itemWith({ data: file })]);
		expect(result.error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});

	it('refuses an item without binary data', async () => {
		const scope = nock(BASE).post('/v1/images/variations').reply(200, { created: 1 });
		const result = await run({ resource: 'image', operation: 'createVariation', model: model('dall-e-2') });
		expect(result.error?.message).toBe('Input Binary Field: the input item has no binary property "data"');
		expect(scope.isDone()).toBe(false);
	});
});

describe('image operations under Continue On Fail', () => {
	it('turns a refused item into an error item paired to its input and still runs the others', async () => {
		const scope = nock(BASE).post('/v1/images/generations').reply(200, { created: 1, data: [{ url: 'https://x/ok.png' }] });
		const result = await runWorkflow(
			singleNodeWorkflow(
				{ resource: 'image', operation: 'generate', model: model('dall-e-2'), imagePrompt: '={{ $json.p }}', responseFormat: 'url' },
				[{ json: { p: 'x'.repeat(1001) } }, { json: { p: 'fine' } }],
				{ onError: 'continueRegularOutput' },
			),
			credentials,
		);
		expect(result.error).toBeUndefined();
		const items = result.output('OpenAI');
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toEqual(expect.stringContaining('Prompt: is 1001 characters long'));
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json).toEqual({ created: 1, url: 'https://x/ok.png' });
		expect(items[1].pairedItem).toEqual({ item: 1 });
		scope.done();
	});
});
