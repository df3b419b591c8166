/**
 * What the editor shows for each image model: n8n's own display logic (NodeHelpers.displayParameter)
 * run over the node description, as the editor runs it.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { OpenAiPlatform } from '../../nodes/OpenAiPlatform/OpenAiPlatform.node';
import { imageFamilyOf, pngSizeOf } from '../../nodes/OpenAiPlatform/resources/image/shared';
import { JPEG, png } from '../support/media';

const { description } = new OpenAiPlatform();

function visible(parameters: INodeParameters): { fields: string[]; options: string[] } {
	const shown = (property: INodeProperties, values: INodeParameters) => NodeHelpers.displayParameter(values, property, null, description, parameters);
	const fields = description.properties.filter((property) => shown(property, parameters));
	const collection = fields.find((property) => property.name === 'options');
	const options = ((collection?.options ?? []) as INodeProperties[])
		.filter((option) => shown(option, (parameters.options ?? {}) as INodeParameters))
		.map((option) => (option.type === 'options' ? `${option.name}:${(option.options ?? []).map((o) => (o as { value: string }).value).join('|')}` : option.name));
	return { fields: fields.map((property) => property.name).filter((name) => !['sendPath', 'resource', 'operation', 'requestOptions'].includes(name)), options };
}

const model = (value: string) => ({ __rl: true, mode: 'list', value });

describe('image fields follow the model', () => {
	it.each([
		['gpt-image-1', 'gpt-image'],
		['gpt-image-1-mini', 'gpt-image'],
		['chatgpt-image-latest', 'gpt-image'],
		['dall-e-2', 'dall-e-2'],
		['dall-e-3', 'dall-e-3'],
		['stable-diffusion-xl', 'other'],
	])('%s is a %s model', (id, family) => {
		expect(imageFamilyOf(id)).toBe(family);
	});

	it('generate with gpt-image-1: the GPT image options, no response format or style', () => {
		expect(visible({ resource: 'image', operation: 'generate', model: model('gpt-image-1') })).toEqual({
			fields: ['model', 'imagePrompt', 'options'],
			options: [
				'background:auto|opaque|transparent',
				'moderation:auto|low',
				'n',
				'outputCompression',
				'outputFormat:jpeg|png|webp',
				'binaryPropertyOutput',
				'quality:auto|high|low|medium',
				'size:1024x1024|1024x1536|1536x1024|auto',
				'user',
			],
		});
	});

	it('generate with dall-e-3: its sizes, quality and style, one image, a response format', () => {
		expect(visible({ resource: 'image', operation: 'generate', model: model('dall-e-3') })).toEqual({
			fields: ['model', 'imagePrompt', 'responseFormat', 'options'],
			options: ['binaryPropertyOutput', 'quality:hd|standard', 'size:1024x1024|1024x1792|1792x1024', 'style:natural|vivid', 'user'],
		});
	});

	it('generate with dall-e-2: its sizes and n, no quality or style', () => {
		expect(visible({ resource: 'image', operation: 'generate', model: model('dall-e-2') })).toEqual({
			fields: ['model', 'imagePrompt', 'responseFormat', 'options'],
			options: ['n', 'binaryPropertyOutput', 'size:256x256|512x512|1024x1024', 'user'],
		});
	});

	it('generate with a compatible-server model: the generic fields, a free size', () => {
		expect(visible({ resource: 'image', operation: 'generate', model: model('flux-schnell') })).toEqual({
			fields: ['model', 'imagePrompt', 'responseFormat', 'options'],
			options: ['n', 'binaryPropertyOutput', 'size', 'user'],
		});
	});

	it('edit with gpt-image-1-mini: no input fidelity', () => {
		const { options } = visible({ resource: 'image', operation: 'edit', model: model('gpt-image-1-mini') });
		expect(options).not.toContain('inputFidelity:high|low');
		expect(visible({ resource: 'image', operation: 'edit', model: model('gpt-image-1') }).options).toContain('inputFidelity:high|low');
	});

	it('speech with tts-1: no instructions', () => {
		const speech = (id: string) => visible({ resource: 'audio', operation: 'generateSpeech', model: model(id) }).options;
		expect(speech('tts-1')).not.toContain('instructions');
		expect(speech('gpt-4o-mini-tts')).toContain('instructions');
	});
});

describe('pngSizeOf (the header of an upload streamed from the binary store)', () => {
	/** A file whose stream yields the given chunks and records how far it was read and whether it was let go. */
	function streamed(chunks: Buffer[]) {
		const seen = { pulled: 0, closed: false };
		const size = chunks.reduce((total, chunk) => total + chunk.length, 0);
		return {
			seen,
			content: {
				size,
				type: 'image/png',
				async *stream() {
					try {
						for (const chunk of chunks) {
							seen.pulled++;
							yield chunk;
						}
					} finally {
						seen.closed = true;
					}
				},
				arrayBuffer: async () => {
					throw new Error('the whole file must not be read');
				},
			},
		};
	}

	it('reads the size from the first bytes and stops reading', async () => {
		const image = png(640, 480);
		const { content, seen } = streamed([image.subarray(0, 20), image.subarray(20, 40), image.subarray(40), Buffer.alloc(1024)]);
		await expect(pngSizeOf(content)).resolves.toEqual({ width: 640, height: 480 });
		expect(seen).toEqual({ pulled: 2, closed: true });
	});

	it('says undefined for a file that is not a PNG, or too short to be one', async () => {
		await expect(pngSizeOf(streamed([JPEG]).content)).resolves.toBeUndefined();
		await expect(pngSizeOf(streamed([png(4, 4).subarray(0, 20)]).content)).resolves.toBeUndefined();
	});
});
