/**
 * Input items of the Responses API (POST /responses `input`, POST /conversations `items`): a
 * message list whose messages carry text, images (URL or binary, sent as a data URL) and files
 * (id or binary), or raw items as JSON.
 */
import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type {
	EasyInputMessage,
	ImageDetail,
	ResponseInputContent,
	ResponseInputItem,
} from 'openai/resources/responses/responses';

import { readBinaryFile } from './binary';
import { fail, optionalJson, splitList } from './validation';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

type Role = EasyInputMessage['role'];

interface MessageEntry {
	role?: Role;
	text?: string;
	imageUrls?: unknown;
	imageBinaryProperties?: unknown;
	imageDetail?: ImageDetail;
	fileIds?: unknown;
	fileBinaryProperties?: unknown;
}

/**
 * The message list field: one entry per message, each with its text and attachments. Each operation names its own:
 * RoutingNode evaluates an item's expression once for every property of that name, shown or not.
 */
export function messagesField(name: string, displayName = 'Messages'): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Message',
		default: { message: [{ role: 'user', text: '' }] },
		options: [
			{
				name: 'message',
				displayName: 'Message',
				values: [
					{
						displayName: 'File Binary Fields',
						name: 'fileBinaryProperties',
						type: 'string',
						default: '',
						placeholder: 'e.g. data',
						description: 'Binary properties of the input item holding files (e.g. PDFs, up to 50 MB each), separated by commas',
					},
					{
						displayName: 'File IDs',
						name: 'fileIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. file-abc123',
						description: 'Uploaded files (e.g. PDFs) by ID, separated by commas',
					},
					{
						displayName: 'Image Binary Fields',
						name: 'imageBinaryProperties',
						type: 'string',
						default: '',
						placeholder: 'e.g. data, photo2',
						description: 'Binary properties of the input item holding images (PNG, JPEG, WebP, GIF;	up to 20 MB each), separated by commas. They\'re sent as data URLs.',
					},
					{
						displayName: 'Image Detail',
						name: 'imageDetail',
						type: 'options',
						default: 'auto',
						description: 'How closely the model looks at the images of this message. Low is cheaper and faster.',
						options: [
							{
								name: 'Auto',
								value: 'auto',
							},
							{
								name: 'High',
								value: 'high',
							},
							{
								name: 'Low',
								value: 'low',
							},
							{
								name: 'Original',
								value: 'original',
							},
						]
					},
					{
						displayName: 'Image URLs',
						name: 'imageUrls',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/photo.jpg',
						description: 'Images by URL (https or data URL), separated by commas or new lines',
					},
					{
						displayName: 'Role',
						name: 'role',
						type: 'options',
						default: 'user',
						options: [
							{
								name: 'Assistant',
								value: 'assistant',
								description: 'An earlier answer of the model (text only)',
							},
							{
								name: 'Developer',
								value: 'developer',
								description: 'Instructions that take priority over user messages',
							},
							{
								name: 'System',
								value: 'system',
								description: 'Instructions for the model (older models)',
							},
							{
								name: 'User',
								value: 'user',
								description: 'What the user says or asks',
							},
					]
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						description: 'The text of the message. May be empty when the message carries images or files.',
					},
			],
			},
		],
	};
}

/** "a.png, https://b/c.png" -> two URLs; the comma inside a data URL stays. */
export function splitUrls(raw: unknown): string[] {
	if (Array.isArray(raw)) return raw.map((url) => String(url).trim()).filter(Boolean);
	return String(raw ?? '')
		.split(/\s+|,(?=\s*(?:https?:|data:))/i)
		.map((url) => url.trim().replace(/,+$/, ''))
		.filter(Boolean);
}

async function dataUrlOf(context: IExecuteSingleFunctions, property: string, field: string, maxBytes: number, accept?: string[]) {
	const file = await readBinaryFile(context, property, { field, maxBytes, accept });
	const base64 = Buffer.from(await file.blob.arrayBuffer()).toString('base64');
	return { dataUrl: `data:${file.mimeType};base64,${base64}`, fileName: file.fileName };
}

async function contentOf(context: IExecuteSingleFunctions, entry: MessageEntry, field: string): Promise<ResponseInputContent[]> {
	const detail: ImageDetail = entry.imageDetail ?? 'auto';
	const parts: ResponseInputContent[] = [];
	if (entry.text) parts.push({ type: 'input_text', text: entry.text });
	for (const url of splitUrls(entry.imageUrls)) {
		if (!/^(https?:\/\/\S+|data:image\/[\w.+-]+;base64,)/i.test(url)) {
			fail(context, `${field}: "${url.slice(0, 60)}" is not an http(s) URL or an image data URL`);
		}
		parts.push({ type: 'input_image', image_url: url, detail });
	}
	for (const property of splitList(entry.imageBinaryProperties)) {
		const { dataUrl } = await dataUrlOf(context, property, field, MAX_IMAGE_BYTES, IMAGE_TYPES);
		parts.push({ type: 'input_image', image_url: dataUrl, detail });
	}
	for (const fileId of splitList(entry.fileIds)) parts.push({ type: 'input_file', file_id: fileId });
	for (const property of splitList(entry.fileBinaryProperties)) {
		const { dataUrl, fileName } = await dataUrlOf(context, property, field, MAX_FILE_BYTES);
		parts.push({ type: 'input_file', filename: fileName, file_data: dataUrl });
	}
	return parts;
}

/** The message list as input messages: plain text content when a message has only text. */
export async function messagesToInput(context: IExecuteSingleFunctions, raw: unknown, field = 'Messages'): Promise<EasyInputMessage[]> {
	const entries = (raw as { message?: MessageEntry[] } | undefined)?.message ?? [];
	if (!entries.length) fail(context, `${field}: add at least one message`);
	const messages: EasyInputMessage[] = [];
	for (const [index, entry] of entries.entries()) {
		const role: Role = entry.role ?? 'user';
		const label = `${field}: message ${index + 1}`;
		const parts = await contentOf(context, entry, label);
		if (!parts.length) fail(context, `${label} (${role}) has no text, image or file`);
		const onlyText = parts.length === 1 && parts[0].type === 'input_text';
		if (role === 'assistant' && !onlyText) fail(context, `${label}: an assistant message can only hold text`);
		messages.push({ type: 'message', role, content: onlyText ? entry.text! : parts });
	}
	return messages;
}

/**
 * Raw input items (messages, function_call_output, item references, ...) given as a JSON array or
 * one object. A message without `type` gets `type: "message"`, which the spec's discriminator needs.
 */
export function jsonItemsFrom(context: IExecuteSingleFunctions, raw: unknown, field: string): ResponseInputItem[] {
	const value = optionalJson(context, field, raw);
	const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
	if (!items.length) fail(context, `${field}: add at least one item`);
	items.forEach((item, index) => {
		if (item === null || typeof item !== 'object' || Array.isArray(item)) {
			fail(context, `${field}: item ${index + 1} is not a JSON object`);
		}
		const record = item as Record<string, unknown>;
		if (record.type === undefined && record.role === undefined) {
			fail(context, `${field}: item ${index + 1} has neither "type" nor "role"`);
		}
	});
	return items.map((item) => {
		const record = item as Record<string, unknown>;
		return (record.type === undefined ? { type: 'message', ...record } : record) as unknown as ResponseInputItem;
	});
}
