/**
 * The image generation tool of response.create: its settings in "Built-in Tools", the tool it
 * becomes, and its images, which leave the JSON for n8n binary data.
 */
import type { IBinaryData, IDataObject, IExecuteSingleFunctions, INodePropertyCollection } from 'n8n-workflow';
import type { Tool } from 'openai/resources/responses/responses';

import { imageTypeOf } from '../image/shared';
import { fail, isPlainObject } from '../../shared/validation';

type ImageGenerationTool = Extract<Tool, { type: 'image_generation' }>;

export interface ImageGenerationEntry {
	model?: string;
	size?: string;
	quality?: ImageGenerationTool['quality'];
	outputFormat?: ImageGenerationTool['output_format'];
	background?: ImageGenerationTool['background'];
}

export const imageGenerationToolOption: INodePropertyCollection = {
	name: 'imageGeneration',
	displayName: 'Image Generation',
	values: [
		{
			displayName: 'Background',
			name: 'background',
			type: 'options',
			default: 'auto',
			options: [{ name: 'Auto', value: 'auto' }, { name: 'Opaque', value: 'opaque' }, { name: 'Transparent', value: 'transparent' }],
		},
		{ displayName: 'Image Model', name: 'model', type: 'string', default: 'gpt-image-1', placeholder: 'e.g. gpt-image-1', description: 'The GPT Image model that draws' },
		{
			displayName: 'Output Format',
			name: 'outputFormat',
			type: 'options',
			default: 'png',
			options: [{ name: 'JPEG', value: 'jpeg' }, { name: 'PNG', value: 'png' }, { name: 'WebP', value: 'webp' }],
		},
		{
			displayName: 'Quality',
			name: 'quality',
			type: 'options',
			default: 'auto',
			options: [{ name: 'Auto', value: 'auto' }, { name: 'High', value: 'high' }, { name: 'Low', value: 'low' }, { name: 'Medium', value: 'medium' }],
		},
		{
			displayName: 'Size',
			name: 'size',
			type: 'options',
			default: 'auto',
			options: [{ name: 'Auto', value: 'auto' }, { name: '1024x1024', value: '1024x1024' }, { name: '1024x1536', value: '1024x1536' }, { name: '1536x1024', value: '1536x1024' }],
		},
	],
};

export function imageGenerationToolOf(context: IExecuteSingleFunctions, entry: ImageGenerationEntry): ImageGenerationTool {
	const model = String(entry.model ?? '').trim();
	if (model && !/^(gpt-image|chatgpt-image)/.test(model)) fail(context, `Built-in Tools: "${model}" is not a GPT Image model`, 'The image generation tool draws with gpt-image-1 or a later GPT Image model.');
	return {
		type: 'image_generation',
		...(model ? { model } : {}),
		...(entry.size ? { size: entry.size as ImageGenerationTool['size'] } : {}),
		...(entry.quality ? { quality: entry.quality } : {}),
		...(entry.outputFormat ? { output_format: entry.outputFormat } : {}),
		...(entry.background ? { background: entry.background } : {}),
	};
}

/** The binary property of the n-th image (1-based): `image`, `image_2`, ... */
const propertyOf = (n: number) => (n === 1 ? 'image' : `image_${n}`);

/**
 * The reply's generated images (image_generation_call items with a base64 `result`) as binary
 * data. Each item keeps its other fields, with `binaryProperty` naming where its image went; the
 * base64 never stays in the JSON.
 */
export async function generatedImagesOf(context: IExecuteSingleFunctions, reply: IDataObject): Promise<{ reply: IDataObject; binary?: Record<string, IBinaryData> }> {
	if (!Array.isArray(reply.output)) return { reply };
	const binary: Record<string, IBinaryData> = {};
	let count = 0;
	const output: unknown[] = [];
	for (const item of reply.output as unknown[]) {
		if (!isPlainObject(item) || item.type !== 'image_generation_call' || typeof item.result !== 'string' || !item.result) {
			output.push(item);
			continue;
		}
		const { result, ...rest } = item;
		const bytes = Buffer.from(result as string, 'base64');
		const property = propertyOf(++count);
		const { mimeType, extension } = imageTypeOf(bytes, typeof item.output_format === 'string' ? item.output_format : undefined);
		binary[property] = await context.helpers.prepareBinaryData(bytes, `${String(item.id ?? 'image')}.${extension}`, mimeType);
		output.push({ ...rest, binaryProperty: property });
	}
	return count ? { reply: { ...reply, output } as IDataObject, binary } : { reply };
}
