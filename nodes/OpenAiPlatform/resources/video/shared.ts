import type { IBinaryData, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeProperties } from 'n8n-workflow';

import { binaryFromResponse } from '../../shared/binary';
import { idLocatorField } from '../../shared/fields';
import { idInPath } from '../../shared/ids';
import { checkedText } from '../../shared/validation';

export const RESOURCE = 'video';

export const videoLocator: INodeProperties = idLocatorField({
	name: 'videoId',
	displayName: 'Video',
	searchListMethod: 'searchVideos',
	placeholder: 'e.g. video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5',
	description: 'The video job',
});

/** preSend: the video id in the path, e.g. `videoPath('/content')`. */
export const videoPath = (suffix = '') => idInPath(`/videos/{id}${suffix}`, 'videoId', 'Video');

export type VideoVariant = 'video' | 'thumbnail' | 'spritesheet';

const VARIANT_FILES: Record<VideoVariant, { suffix: string; mimeType: string }> = {
	video: { suffix: '.mp4', mimeType: 'video/mp4' },
	thumbnail: { suffix: '-thumbnail.webp', mimeType: 'image/webp' },
	spritesheet: { suffix: '-spritesheet.jpg', mimeType: 'image/jpeg' },
};

/** A downloaded video asset as binary data, named after the video and the variant. */
export async function videoAsset(context: IExecuteSingleFunctions, id: string, variant: VideoVariant, body: unknown, contentType = ''): Promise<IBinaryData> {
	const file = VARIANT_FILES[variant] ?? VARIANT_FILES.video;
	const type = contentType && !/json|html|octet-stream/.test(contentType) ? contentType : file.mimeType;
	return await binaryFromResponse(context, { body: body as IN8nHttpFullResponse['body'], headers: {}, statusCode: 200 }, `${id || 'video'}${file.suffix}`, type);
}

export const variantField: INodeProperties = {
	displayName: 'Variant',
	name: 'variant',
	type: 'options',
	default: 'video',
	options: [
		{ name: 'Spritesheet', value: 'spritesheet', description: 'A JPEG grid of frames' },
		{ name: 'Thumbnail', value: 'thumbnail', description: 'A WebP still' },
		{ name: 'Video', value: 'video', description: 'The MP4' },
	],
};

export const videoPromptField: INodeProperties = {
	displayName: 'Prompt',
	name: 'videoPrompt',
	type: 'string',
	typeOptions: { rows: 3 },
	required: true,
	default: '',
	placeholder: 'e.g. A paper boat drifting down a rainy street, close-up',
	description: 'What the video shows or, for Remix, what to change (up to 32,000 characters)',
};

export const promptOf = (context: IExecuteSingleFunctions) => checkedText(context, 'Prompt', context.getNodeParameter('videoPrompt', ''), { max: 32000 });
