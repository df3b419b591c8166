import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { choicesOf, optionsOf, replyError, sanitizeText, whenSimplified } from '../../shared/generation';
import { keepsVersion1Output } from '../../shared/output';
import { isPlainObject } from '../../shared/validation';
import { sentRequest } from './request';

export function messageOf(choice: IDataObject): IDataObject {
	return isPlainObject(choice.message) ? (choice.message as IDataObject) : {};
}

/** The text of a message: a string, or the text parts of a content array. */
export function textOf(message: IDataObject): string {
	const { content } = message;
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		return content
			.map((part) => (isPlainObject(part) && typeof part.text === 'string' ? part.text : ''))
			.join('');
	}
	return '';
}

/**
 * The model's JSON reply, parsed. A refusal, a reply cut off at the token limit, or text that is not
 * JSON is an error that says which, instead of an item with half an object.
 */
export function parseJsonReply(context: IExecuteSingleFunctions, choice: IDataObject): unknown {
	const message = messageOf(choice);
	if (typeof message.refusal === 'string' && message.refusal) {
		throw replyError(context, `The model refused: ${message.refusal}`);
	}
	const text = textOf(message);
	if (choice.finish_reason === 'length') {
		throw replyError(
			context,
			'The reply was cut off at the token limit, so its JSON is incomplete',
			'Raise "Maximum Number of Tokens" in the options, or shorten the input.',
		);
	}
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw replyError(
			context,
			'The reply is not valid JSON',
			`The model answered: "${text.slice(0, 200)}${text.length > 200 ? '…' : ''}". Use a model that supports structured output, or try again.`,
		);
	}
}

interface ToolCall {
	id: string;
	name: string;
	arguments: IDataObject;
	rawArguments?: string;
	argumentsError?: string;
}

function rawToolCalls(message: IDataObject): IDataObject[] {
	return Array.isArray(message.tool_calls) ? (message.tool_calls.filter(isPlainObject) as IDataObject[]) : [];
}

/** The calls a message asks for, with their JSON arguments parsed (kept raw, with the reason, when they are not JSON). */
export function toolCallsOf(message: IDataObject): ToolCall[] {
	return rawToolCalls(message).map((call) => {
		const fn = (isPlainObject(call.function) ? call.function : isPlainObject(call.custom) ? call.custom : {}) as IDataObject;
		const raw = typeof fn.arguments === 'string' ? fn.arguments : typeof fn.input === 'string' ? fn.input : '';
		const out: ToolCall = { id: String(call.id ?? ''), name: String(fn.name ?? ''), arguments: {} };
		if (!raw.trim()) return out;
		try {
			const parsed = JSON.parse(raw) as unknown;
			if (isPlainObject(parsed)) out.arguments = parsed as IDataObject;
			else throw new Error('not an object');
		} catch {
			out.rawArguments = raw;
			out.argumentsError = 'The arguments are not a JSON object';
		}
		return out;
	});
}

/** The assistant message as it goes back into the conversation: role, content and tool calls only. */
export function assistantMessageOf(message: IDataObject): IDataObject {
	const calls = rawToolCalls(message).map((call) => {
		if (isPlainObject(call.custom)) return { id: call.id, type: 'custom', custom: call.custom };
		const fn = (isPlainObject(call.function) ? call.function : {}) as IDataObject;
		return { id: call.id, type: 'function', function: { name: fn.name ?? '', arguments: typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {}) } };
	});
	return {
		role: 'assistant',
		content: typeof message.content === 'string' ? message.content : null,
		...(calls.length ? { tool_calls: calls } : {}),
	};
}

function simplifyChoice(context: IExecuteSingleFunctions, choice: IDataObject, wantsJson: boolean, sanitize: boolean, stableKeys: boolean): IDataObject {
	const message = messageOf(choice);
	const text = textOf(message);
	const out: IDataObject = { text: sanitize ? sanitizeText(text) : text };
	if (wantsJson) out.data = parseJsonReply(context, choice) as IDataObject;
	out.finishReason = choice.finish_reason ?? null;
	const refusal = typeof message.refusal === 'string' && message.refusal ? message.refusal : undefined;
	const calls = toolCallsOf(message);
	const annotations = Array.isArray(message.annotations) ? message.annotations : [];
	if (stableKeys) return { ...out, refusal: refusal ?? null, toolCalls: calls as unknown as IDataObject[], annotations };
	if (refusal) out.refusal = refusal;
	if (calls.length) out.toolCalls = calls as unknown as IDataObject[];
	if (annotations.length) out.annotations = annotations;
	return out;
}

/**
 * A chat completion as an item: the first choice's text (parsed "data" when a JSON format was
 * asked), finish reason and any refusal or tool calls; every choice under "choices" when there
 * are several; usage. With tool calls (always for callFunctions) also the assistant message and
 * the messages sent, ready for "Respond to Functions".
 */
export function simplifyChatCompletion(
	context: IExecuteSingleFunctions,
	reply: IDataObject,
	{ withFunctionCalls = false, request = sentRequest(context), sanitize = optionsOf(context).sanitizeText === true }: { withFunctionCalls?: boolean; request?: IDataObject; sanitize?: boolean } = {},
): IDataObject {
	const format = isPlainObject(request.response_format) ? request.response_format.type : undefined;
	const wantsJson = format === 'json_object' || format === 'json_schema';
	const raw = choicesOf(context, reply);
	const stableKeys = !keepsVersion1Output(context);
	const choices = raw.map((choice) => simplifyChoice(context, choice, wantsJson, sanitize, stableKeys));
	const out: IDataObject = { ...choices[0] };
	// Version 1.1: the conversation comes with the calls whenever functions were offered, not only when the model called one.
	const conversation = stableKeys ? Array.isArray(request.tools) && request.tools.length > 0 : (choices[0].toolCalls as unknown[] | undefined)?.length;
	if (withFunctionCalls || conversation) {
		out.toolCalls = choices[0].toolCalls ?? [];
		out.assistantMessage = assistantMessageOf(messageOf(raw[0]));
		out.messages = (request.messages as IDataObject[] | undefined) ?? [];
	}
	if (choices.length > 1) out.choices = choices;
	out.usage = (reply.usage as IDataObject | undefined) ?? null;
	return out;
}

/** postReceive of the text operations (complete, prompt, edit, analyzeImage, respondToFunctions). */
export const simplifyChatReply = whenSimplified((context, reply) => simplifyChatCompletion(context, reply));

/** postReceive of callFunctions: always the tool calls, the assistant message and the conversation. */
export const simplifyFunctionCallsReply = whenSimplified((context, reply) =>
	simplifyChatCompletion(context, reply, { withFunctionCalls: true }),
);
