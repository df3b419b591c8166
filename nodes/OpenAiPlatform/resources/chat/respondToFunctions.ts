import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import type { ChatCompletionMessageParam, ChatCompletionToolMessageParam } from 'openai/resources/chat/completions';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { forOperation, preselectedModelFields, simplifyField } from '../../shared/fields';
import { fail, isPlainObject, optionalJson } from '../../shared/validation';
import { completeOptions } from './complete';
import { messageListFields, messagesFrom } from './messages';
import { simplifyChatReply } from './reply';
import { chatOperation, chatRequest } from './request';

const EARLIER = 'Earlier Messages';
const EARLIER_NAME = 'earlierMessages';
const ASSISTANT = 'Assistant Message';
const RESULTS = 'Function Results';

interface CallRef {
	id: string;
	name: string;
}

/** The assistant message with the tool calls, as Call Functions outputs it (or the whole output item). */
function assistantMessageFrom(context: IExecuteSingleFunctions): { message: IDataObject; calls: CallRef[] } {
	let value = optionalJson(context, ASSISTANT, context.getNodeParameter('assistantMessage', ''));
	if (isPlainObject(value) && isPlainObject(value.assistantMessage)) value = value.assistantMessage;
	if (!isPlainObject(value)) fail(context, `${ASSISTANT}: expected the assistant message object (the "assistantMessage" of Call Functions)`);
	if (value.role !== undefined && value.role !== 'assistant') fail(context, `${ASSISTANT}: has role "${String(value.role)}", expected "assistant"`);
	const rawCalls = Array.isArray(value.tool_calls) ? value.tool_calls : [];
	if (!rawCalls.length) {
		fail(context, `${ASSISTANT}: has no tool calls, so there is nothing to respond to`, 'The model answered without calling a function; its answer is the "text" of Call Functions.');
	}
	const calls: CallRef[] = [];
	const toolCalls = rawCalls.map((call, index) => {
		if (!isPlainObject(call) || typeof call.id !== 'string' || !call.id) fail(context, `${ASSISTANT}: tool call ${index + 1} has no ID`);
		if (isPlainObject(call.custom)) {
			calls.push({ id: call.id, name: String(call.custom.name ?? '') });
			return { id: call.id, type: 'custom', custom: call.custom };
		}
		const fn = isPlainObject(call.function) ? call.function : {};
		const name = String(fn.name ?? '');
		if (!name) fail(context, `${ASSISTANT}: tool call "${call.id}" names no function`);
		calls.push({ id: call.id, name });
		const args = typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {});
		return { id: call.id, type: 'function', function: { name, arguments: args } };
	});
	const content = typeof value.content === 'string' ? value.content : null;
	return { message: { role: 'assistant', content, tool_calls: toolCalls }, calls };
}

function resultText(value: unknown): string {
	return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

const ID_KEYS = ['toolCallId', 'tool_call_id'];
const VALUE_KEYS = ['result', 'output', 'content'];

/** One result per tool call ID, from a JSON list ({toolCallId, result}), a map {id: result}, a list in call order, or the fields. */
function resultsFrom(context: IExecuteSingleFunctions, calls: CallRef[]): Map<string, string> {
	const results = new Map<string, string>();
	const add = (id: string, value: unknown) => {
		if (results.has(id)) fail(context, `${RESULTS}: tool call "${id}" has more than one result`);
		results.set(id, resultText(value));
	};
	if (context.getNodeParameter('resultsInput', 'json') === 'fields') {
		for (const entry of ((context.getNodeParameter('functionResultsFields', {}) as { result?: Array<{ toolCallId?: string; result?: string }> }).result ?? [])) {
			add(String(entry.toolCallId ?? '').trim(), entry.result ?? '');
		}
		return results;
	}
	let value = optionalJson(context, RESULTS, context.getNodeParameter('functionResults', ''));
	if (isPlainObject(value) && ID_KEYS.some((key) => key in (value as object))) value = [value];
	if (Array.isArray(value)) {
		const keyed = value.filter((entry) => isPlainObject(entry) && ID_KEYS.some((key) => typeof entry[key] === 'string'));
		if (keyed.length === 0 && value.length === calls.length) {
			// No IDs: results in the order of the calls.
			value.forEach((entry, index) => add(calls[index].id, entry));
			return results;
		}
		for (const entry of value) {
			if (!keyed.includes(entry)) fail(context, `${RESULTS}: every result needs the "toolCallId" it answers (or give one result per call, in call order, without IDs)`);
			const record = entry as IDataObject;
			const id = String(ID_KEYS.map((key) => record[key]).find((v) => typeof v === 'string'));
			const valueKey = VALUE_KEYS.find((key) => key in record);
			if (!valueKey) fail(context, `${RESULTS}: the result for "${id}" has no "result" value`);
			add(id, record[valueKey]);
		}
		return results;
	}
	if (isPlainObject(value)) {
		for (const [id, result] of Object.entries(value)) add(id, result);
		return results;
	}
	fail(context, `${RESULTS}: expected a list of {"toolCallId", "result"} objects or an object mapping tool call IDs to results`);
}

/** preSend: earlier messages + the assistant's tool calls + one tool message per call, in call order. */
async function buildRespondToFunctionsRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const earlier = messagesFrom(this, EARLIER, EARLIER_NAME);
	const { message, calls } = assistantMessageFrom(this);
	const results = resultsFrom(this, calls);
	const callIds = new Set(calls.map((call) => call.id));
	for (const id of results.keys()) {
		if (!callIds.has(id)) fail(this, `${RESULTS}: "${id}" is not a tool call of the assistant message (its calls: ${[...callIds].join(', ')})`);
	}
	const toolMessages: ChatCompletionToolMessageParam[] = calls.map((call) => {
		const content = results.get(call.id);
		if (content === undefined) fail(this, `${RESULTS}: no result for tool call "${call.id}" (${call.name})`);
		return { role: 'tool', tool_call_id: call.id, content };
	});
	// The earlier messages may already end with this assistant message (a conversation passed whole).
	const last = earlier[earlier.length - 1] as unknown as IDataObject | undefined;
	const lastIds = Array.isArray(last?.tool_calls) ? (last.tool_calls as IDataObject[]).map((call) => call.id) : [];
	const repeated = last?.role === 'assistant' && lastIds.length === calls.length && calls.every((call) => lastIds.includes(call.id));
	const messages = [...earlier, ...(repeated ? [] : [message as unknown as ChatCompletionMessageParam]), ...toolMessages];
	return chatRequest(this, requestOptions, { messages });
}

export const respondToFunctionsOperation = chatOperation(
	{
		name: 'Respond to Functions',
		value: 'respondToFunctions',
		action: 'Respond with function results',
		description: 'Send the results of the functions the model called and get its final answer',
	},
	buildRespondToFunctionsRequest,
	simplifyChatReply,
);

export const respondToFunctionsFields: INodeProperties[] = forOperation('chat', 'respondToFunctions', [
	{
		displayName:
			'By default this reads the output of Call Functions from its input item: a Code node between the two should keep the item\'s fields and add "results", one {"toolCallId", "result"} per tool call',
		name: 'respondToFunctionsNotice',
		type: 'notice',
		default: '',
	},
	...preselectedModelFields({ capability: 'chat', defaultModel: DEFAULT_MODELS.chat  }),
	...messageListFields({
		name: EARLIER_NAME,
		displayName: EARLIER,
		description: 'The messages sent to Call Functions (its "messages" output)',
		defaultInput: 'json',
		jsonDefault: '={{ $json.messages }}',
	}),
	{
		displayName: ASSISTANT,
		name: 'assistantMessage',
		type: 'json',
		required: true,
		default: '={{ $json.assistantMessage }}',
		description: 'The message with the tool calls: the "assistantMessage" output of Call Functions',
	},
	{
		displayName: 'Function Results Input',
		name: 'resultsInput',
		type: 'options',
		default: 'json',
		options: [
			{ name: 'Using JSON', value: 'json', description: 'A list of {"toolCallId", "result"}, e.g. from a Code node' },
			{ name: 'Using Fields Below', value: 'fields' },
		],
	},
	{
		displayName: RESULTS,
		name: 'functionResults',
		type: 'json',
		displayOptions: { show: { resultsInput: ['json'] } },
		default: '={{ $json.results }}',
		description:
			'One result per tool call: a list of {"toolCallId": "call_…", "result": …}, an object {"call_…": result}, or a list in call order. Results that are not text are sent as JSON.',
	},
	{
		displayName: RESULTS,
		name: 'functionResultsFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Result',
		displayOptions: { show: { resultsInput: ['fields'] } },
		default: {},
		options: [
			{
				name: 'result',
				displayName: 'Result',
				values: [
					{ displayName: 'Tool Call ID', name: 'toolCallId', type: 'string', default: '', placeholder: 'e.g. call_abc123' },
					{ displayName: 'Result', name: 'result', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'What the function returned' },
				],
			},
		],
	},
	simplifyField(),
	completeOptions,
]);
