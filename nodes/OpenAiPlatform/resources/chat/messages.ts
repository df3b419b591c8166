import type { IDisplayOptions, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { ChatCompletionContentPart, ChatCompletionMessageParam } from 'openai/resources/chat/completions';

import { FROM_VERSION_1_1, ONLY_VERSION_1 } from '../../shared/defaults';
import { shownWhen } from '../../shared/fields';
import { fail, isPlainObject, optionalJson } from '../../shared/validation';

/** The role picker of a message, shared by every message list. */
export const roleField: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	default: 'user',
	description: "Who wrote the message. System and developer messages set the model's behaviour.",
	options: [
		{ name: 'Assistant', value: 'assistant', description: 'An earlier reply of the model' },
		{ name: 'Developer', value: 'developer', description: 'Instructions (the newer name of system, preferred by reasoning models)' },
		{ name: 'System', value: 'system', description: 'Instructions the model follows' },
		{ name: 'User', value: 'user', description: 'A message of the end user' },
	],
};

/** The optional participant name of a message. */
export const participantNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. customer_1',
	description: 'Optional name of the author, to tell participants with the same role apart: letters, digits and _ only, up to 64 characters',
};

/**
 * Version 1.1 shows the Name of each message only when asked for (rarely used): a switch above the list, which the
 * messages' Name field follows. Version 1 always shows it.
 */
export function participantNamesSwitch(listName: string, show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Name the Participants',
		name: `${listName}Names`,
		type: 'boolean',
		default: false,
		description: 'Whether each message gets a Name, to tell apart participants with the same role',
		displayOptions: { show: { ...FROM_VERSION_1_1, ...show } },
	};
}

const participantNameFields = (listName: string): INodeProperties[] => [
	shownWhen(participantNameField, ONLY_VERSION_1),
	shownWhen(participantNameField, { ...FROM_VERSION_1_1, [`/${listName}Names`]: [true] }),
];

const NAME_RULE = /^[A-Za-z0-9_]{1,64}$/;

/** Checks a participant name against the API's rule, naming the field and the name. */
export function checkParticipantName(context: IExecuteSingleFunctions, field: string, name: unknown): string | undefined {
	if (name === undefined || name === null || name === '') return undefined;
	const text = String(name);
	if (!NAME_RULE.test(text)) {
		fail(context, `${field}: name "${text}" may only contain letters, digits and _ (no spaces), up to 64 characters`);
	}
	return text;
}

/**
 * A list of messages as fields: role, content, name, and any extra values (e.g. image parts). The
 * items are `{ message: [{ role, content, name, ... }] }`.
 */
export function messageCollection(
	field: Pick<INodeProperties, 'name' | 'displayName'> & Partial<INodeProperties>,
	contentDescription: string,
	extraValues: INodeProperties[] = [],
): INodeProperties {
	return {
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Message',
		default: { message: [{ role: 'user', content: '' }] },
		options: [
			{
				name: 'message',
				displayName: 'Message',
				values: [
					roleField,
					{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 4 }, default: '', description: contentDescription },
					...participantNameFields(field.name),
					...extraValues,
				],
			},
		],
		...field,
	} as INodeProperties;
}

interface MessageListOptions {
	/**
	 * Parameter name of the list; `<name>Input` and `<name>Json` go with it. Each operation's list has its own name:
	 * RoutingNode evaluates an item's expression once for every property of that name, shown or not.
	 */
	name?: string;
	/** Label in the editor and in error messages. */
	displayName?: string;
	description?: string;
	defaultInput?: 'fields' | 'json';
	jsonDefault?: string;
}

const DEFAULT_MESSAGES_JSON = JSON.stringify(
	[
		{ role: 'system', content: 'You are a helpful assistant.' },
		{ role: 'user', content: 'Hello!' },
	],
	null,
	2,
);

/** A message list: defined with fields (role, content, name) or as the API's JSON array. */
export function messageListFields({
	name = 'messages',
	displayName = 'Messages',
	description = 'The conversation so far, oldest first',
	defaultInput = 'fields',
	jsonDefault = DEFAULT_MESSAGES_JSON,
}: MessageListOptions = {}): INodeProperties[] {
	return [
		{
			displayName: `${displayName} Input`,
			name: `${name}Input`,
			type: 'options',
			default: defaultInput,
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json', description: 'An array of messages as the API takes them, e.g. the output of an earlier node' },
			],
		},
		participantNamesSwitch(name, { [`${name}Input`]: ['fields'] }),
		messageCollection({ displayName, name, description, displayOptions: { show: { [`${name}Input`]: ['fields'] } } }, 'The text of the message', imageUrlsFields),
		{
			displayName: `${displayName} (JSON)`,
			name: `${name}Json`,
			type: 'json',
			displayOptions: { show: { [`${name}Input`]: ['json'] } },
			default: jsonDefault,
			description: `${description}, as a JSON array of {"role", "content"} objects`,
		},
	];
}

/** An image URL the API accepts (http(s) or a data URL), or an error naming where it was given. */
export function checkedImageUrl(context: IExecuteSingleFunctions, where: string, url: string): string {
	if (!/^(https?:\/\/|data:image\/)/i.test(url)) fail(context, `${where}: "${url.slice(0, 80)}" is not an http(s) or data URL`);
	return url;
}

/** Images a user message may carry besides its text (Contentstack's "Text or Image" prompt type). */
const imageUrlsField: INodeProperties = {
	displayName: 'Image URLs',
	name: 'imageUrls',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/photo.png',
	description:
		'URLs (http(s) or data URLs) of images the model should look at, separated by commas or new lines. For images in binary properties use Analyze Image.',
};

/** Version 1.1 shows Image URLs on user messages only: the API refuses images elsewhere (version 1 says so at run time). */
const imageUrlsFields: INodeProperties[] = [shownWhen(imageUrlsField, ONLY_VERSION_1), shownWhen(imageUrlsField, { ...FROM_VERSION_1_1, role: ['user'] })];

/** The content of a message from the fields: its text, plus image parts when a user message names images. */
function fieldContent(context: IExecuteSingleFunctions, field: string, role: string, text: string, imageUrls: unknown, position: number): ChatCompletionMessageParam['content'] {
	const urls = String(imageUrls ?? '')
		// A data URL has a comma of its own: split only where the next URL starts.
		.split(/\n|,(?=\s*(?:https?:|data:))/i)
		.map((url) => url.trim())
		.filter(Boolean);
	if (urls.length === 0) return text;
	if (role !== 'user') fail(context, `${field}: message ${position} (${role}) has image URLs; only user messages can carry images`);
	const parts: ChatCompletionContentPart[] = text ? [{ type: 'text', text }] : [];
	for (const url of urls) parts.push({ type: 'image_url', image_url: { url: checkedImageUrl(context, `${field}: message ${position}`, url) } });
	return parts;
}

const JSON_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

function checkJsonMessage(context: IExecuteSingleFunctions, field: string, message: unknown, index: number): ChatCompletionMessageParam {
	const where = `message ${index + 1}`;
	if (!isPlainObject(message)) fail(context, `${field}: ${where} is not an object`);
	const role = message.role;
	if (typeof role !== 'string' || !JSON_ROLES.has(role)) {
		fail(context, `${field}: ${where} has no valid role (system, developer, user, assistant or tool)`);
	}
	const hasContent = message.content !== undefined && message.content !== null;
	if (!hasContent && role !== 'assistant') fail(context, `${field}: ${where} (${role}) has no content`);
	if (role === 'assistant' && !hasContent && !Array.isArray(message.tool_calls)) {
		fail(context, `${field}: ${where} (assistant) has neither content nor tool calls`);
	}
	if (role === 'tool' && typeof message.tool_call_id !== 'string') fail(context, `${field}: ${where} (tool) has no tool_call_id`);
	if (role !== 'tool' && role !== 'function') checkParticipantName(context, field, message.name);
	return message as unknown as ChatCompletionMessageParam;
}

/** The message list of the current item, checked: roles, content, names. */
export function messagesFrom(context: IExecuteSingleFunctions, field = 'Messages', name = 'messages'): ChatCompletionMessageParam[] {
	const input = context.getNodeParameter(`${name}Input`, 'fields') as string;
	if (input === 'json') {
		let parsed = optionalJson(context, field, context.getNodeParameter(`${name}Json`, '[]'));
		if (isPlainObject(parsed) && Array.isArray(parsed.messages)) parsed = parsed.messages;
		if (!Array.isArray(parsed) || parsed.length === 0) fail(context, `${field}: expected a non-empty JSON array of messages`);
		return parsed.map((message, index) => checkJsonMessage(context, field, message, index));
	}
	const entries = ((context.getNodeParameter(name, {}) as { message?: Array<{ role?: string; content?: string; name?: string; imageUrls?: string }> }).message ?? []);
	if (entries.length === 0) fail(context, `${field}: add at least one message`);
	return entries.map((entry, index) => {
		const name = checkParticipantName(context, field, entry.name);
		const role = (entry.role ?? 'user') as 'system' | 'developer' | 'user' | 'assistant';
		const content = fieldContent(context, field, role, String(entry.content ?? ''), entry.imageUrls, index + 1);
		return { role, content, ...(name ? { name } : {}) } as ChatCompletionMessageParam;
	});
}
