import type {
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import type { AssistantTool } from 'openai/resources/beta/assistants';
import type { Message, MessageCreateParams } from 'openai/resources/beta/threads/messages';
import type { Run, RunCreateParamsNonStreaming } from 'openai/resources/beta/threads/runs/runs';
import type { Thread, ThreadCreateParams } from 'openai/resources/beta/threads/threads';

import { forOperation, simplifyField } from '../../shared/fields';
import { keepsVersion1Output } from '../../shared/output';
import type { PaginationFunction, RoutingRequest } from '../../shared/transport';
import { settle } from '../../shared/transport';
import type { ToolValues } from './shared';
import {
	RESOURCE,
	assistantIdOf,
	assistantLocator,
	assistantModelField,
	byDisplayName,
	toolFields,
	toolsFrom,
} from './shared';
import { fail, idList, locatorValue } from '../../shared/validation';
import { optionalIdOf } from '../../shared/ids';
import type { ActiveRunPolicy, Turn } from './thread';
import {
	awaitRun,
	runAwaitingOutputs,
	runError,
	runIdOf,
	runMessages,
	startTurn,
	submitToolOutputs,
	threadsRequest,
	whenThreadFree,
} from './thread';
import type { SendMode } from './toolOutputs';
import { checkOutputsAnswerCalls, sendModeOf, toolOutputFields, toolOutputsOf } from './toolOutputs';

interface MessageOptions extends ToolValues {
	model?: unknown;
	instructions?: string;
	additionalInstructions?: string;
	activeRun?: ActiveRunPolicy;
	timeout?: number;
	cancelOnTimeout?: boolean;
}

type AttachmentTool = 'code_interpreter' | 'file_search';

interface AttachmentEntry {
	fileIds?: unknown;
	tools?: AttachmentTool[];
}

const DEFAULT_TIMEOUT_SECONDS = 300;

function optionsOf(context: IExecuteSingleFunctions): MessageOptions {
	return context.getNodeParameter('options', {}) as MessageOptions;
}

/** An optional ID that goes into a URL path (empty when not given), refused when it could not be one ID. */
function pathIdOf(context: IExecuteSingleFunctions, parameter: string, field: string, what: string, emptyHint: string): string {
	const id = optionalIdOf(context, parameter);
	if (/[\s/?#]/.test(id)) fail(context, `${field}: "${id}" is not ${what} ID`, emptyHint);
	return id;
}

function threadIdOf(context: IExecuteSingleFunctions): string {
	return pathIdOf(context, 'threadId', 'Thread ID', 'a thread', 'Leave it empty to start a new thread.');
}

/** Tool outputs go to a run on an existing thread, so the thread must be given. */
function outputsThreadIdOf(context: IExecuteSingleFunctions): string {
	const threadId = threadIdOf(context);
	if (!threadId) fail(context, 'Thread ID: enter the thread of the run that waits for the tool outputs', 'Map the "threadId" of the output that returned the tool calls.');
	return threadId;
}

function runIdOption(context: IExecuteSingleFunctions): string {
	return pathIdOf(context, 'runId', 'Run ID', 'a run', "Leave it empty to use the thread's run that requires action.");
}

/** The user's message with its attachments (each file for the tools the user picked). */
function messageBodyOf(context: IExecuteSingleFunctions): MessageCreateParams {
	const text = context.getNodeParameter('text', '') as string;
	if (typeof text !== 'string' || !text.trim()) fail(context, 'Message: enter the message to send');
	const attachments: NonNullable<MessageCreateParams['attachments']> = [];
	const entries = (context.getNodeParameter('attachments', {}) as { attachment?: AttachmentEntry[] }).attachment ?? [];
	for (const entry of entries) {
		const fileIds = idList(entry.fileIds);
		if (fileIds.length === 0) fail(context, 'Attachments: a file ID is empty');
		const tools = entry.tools ?? [];
		if (tools.length === 0) fail(context, `Attachments: choose the tools that get ${fileIds.join(', ')}`);
		for (const fileId of fileIds) attachments.push({ file_id: fileId, tools: tools.map((type) => ({ type })) });
	}
	return { role: 'user', content: text, ...(attachments.length ? { attachments } : {}) };
}

function timeoutOf(context: IExecuteSingleFunctions, options: MessageOptions): number {
	const timeout = options.timeout ?? DEFAULT_TIMEOUT_SECONDS;
	if (!Number.isFinite(timeout) || timeout < 1 || timeout > 3600) fail(context, `Timeout: must be between 1 and 3600 seconds, got ${String(timeout)}`);
	return timeout;
}

/** preSend: checks every field of the mode before anything is sent; the message mode builds the run request. */
async function buildTurnBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return sendModeOf(this) === 'toolOutputs' ? checkToolOutputTurn(this, requestOptions) : buildRunBody(this, requestOptions);
}

/** The "Tool Outputs" mode sends no run request: the pagination hook submits the outputs to the waiting run. */
function checkToolOutputTurn(context: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): IHttpRequestOptions {
	outputsThreadIdOf(context);
	runIdOption(context);
	toolOutputsOf(context);
	timeoutOf(context, optionsOf(context));
	return requestOptions;
}

/** The run request (assistant and overrides); the message goes separately. */
function buildRunBody(context: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): IHttpRequestOptions {
	const options = optionsOf(context);
	messageBodyOf(context);
	threadIdOf(context);
	timeoutOf(context, options);
	const body: RunCreateParamsNonStreaming = { assistant_id: assistantIdOf(context) };
	if (options.model !== undefined) {
		const model = locatorValue(options.model);
		if (!model) fail(context, 'Model: choose a model or remove the option');
		body.model = model;
	}
	if (options.instructions !== undefined) body.instructions = options.instructions;
	if (options.additionalInstructions) body.additional_instructions = options.additionalInstructions;
	const tools: AssistantTool[] | undefined = toolsFrom(
		context,
		{ builtInTools: options.builtInTools, functions: options.functions },
		20,
	);
	if (tools !== undefined) body.tools = tools;
	requestOptions.body = body as unknown as IDataObject;
	return requestOptions;
}

interface TextPart {
	type?: string;
	text?: { value?: string; annotations?: IDataObject[] };
	image_file?: { file_id?: string };
}

/** The useful part of the turn: reply text with its annotations, the IDs to continue, status and usage. */
function simplifyTurn(threadId: string, run: Partial<Run>, messages: Array<Partial<Message>>, textKey: 'reply' | 'text'): IDataObject {
	const texts: string[] = [];
	const annotations: IDataObject[] = [];
	const imageFileIds: string[] = [];
	for (const message of messages) {
		if (message.role !== undefined && message.role !== 'assistant') continue;
		for (const part of (Array.isArray(message.content) ? message.content : []) as TextPart[]) {
			if (part?.type === 'text' && typeof part.text?.value === 'string') {
				texts.push(part.text.value);
				if (Array.isArray(part.text.annotations)) annotations.push(...part.text.annotations);
			} else if (part?.type === 'image_file' && part.image_file?.file_id) {
				imageFileIds.push(part.image_file.file_id);
			}
		}
	}
	const toolCalls = (run.status === 'requires_action' ? (run.required_action?.submit_tool_outputs?.tool_calls ?? []) : []).map((call) => {
		const raw = call?.function?.arguments;
		let parsed: unknown = raw;
		try {
			parsed = typeof raw === 'string' && raw ? JSON.parse(raw) : {};
		} catch {
			// Left as the model wrote it.
		}
		return { id: call?.id, type: call?.type ?? 'function', name: call?.function?.name, arguments: parsed } as IDataObject;
	});
	return {
		[textKey]: texts.join('\n\n'),
		threadId,
		runId: run.id,
		assistantId: run.assistant_id ?? null,
		status: run.status ?? null,
		usage: (run.usage as unknown as IDataObject) ?? null,
		annotations,
		imageFileIds,
		toolCalls,
		...(run.incomplete_details ? { incompleteDetails: run.incomplete_details as unknown as IDataObject } : {}),
	};
}

/** Why a run can end without a reply, for the error's description. */
const ENDED_HOW: Record<string, string> = {
	cancelled: 'It was cancelled before it finished (by a user, another workflow, or "Cancel It" of a later message).',
	expired: 'It expired: its tool outputs did not come in time (about 10 minutes), or it ran too long. Send the message again.',
	failed: 'The server could not finish it.',
};

/** A run that ended without a reply: the message names the run and thread, the description leads with them too. */
function failedRun(turn: Turn, run: Partial<Run>): never {
	const status = String(run.status);
	const reason = run.last_error?.message ? `: ${run.last_error.message}` : '';
	return runError(
		turn,
		String(run.id),
		`Run ${String(run.id)} on thread ${turn.threadId} ended with status "${status}"${reason}`,
		[run.last_error?.code ? `Code: ${run.last_error.code}.` : '', ENDED_HOW[status] ?? ''].filter(Boolean).join(' '),
	);
}

/**
 * The message mode's start: the message goes onto the given thread (an active run there is
 * waited for or cancelled first) or starts a new one, and a run starts on it.
 */
async function startRun(context: IExecutePaginationFunctions, requestData: RoutingRequest, options: MessageOptions): Promise<{ turn: Turn; run: Partial<Run> }> {
	const policy: ActiveRunPolicy = options.activeRun ?? 'wait';
	const message = messageBodyOf(context);
	const givenThreadId = threadIdOf(context);

	let threadId = givenThreadId;
	if (!givenThreadId) {
		const thread = await threadsRequest<Partial<Thread>>({ context }, 'POST', '/threads', {
			body: { messages: [message] } satisfies ThreadCreateParams,
		});
		threadId = typeof thread.id === 'string' ? thread.id : '';
		if (!threadId) fail(context, "The server's reply to creating the thread has no thread ID");
	}
	const turn = startTurn(context, threadId, timeoutOf(context, options));
	const threadUrl = `/threads/${encodeURIComponent(threadId)}`;
	if (givenThreadId) {
		await whenThreadFree(turn, policy, true, async () => await threadsRequest(turn, 'POST', `${threadUrl}/messages`, { body: message }));
	}
	const run = await whenThreadFree(
		turn,
		policy,
		false,
		async () => await threadsRequest<Partial<Run>>(turn, 'POST', `${threadUrl}/runs`, { body: requestData.options.body as IDataObject }),
	);
	runIdOf(turn, run, 'starting the run');
	return { turn, run };
}

/**
 * The tool-outputs mode's start: the outputs go to the given run, or to the thread's run that
 * requires action (read first, so the outputs can be checked against its tool calls).
 */
async function resumeRun(context: IExecutePaginationFunctions, options: MessageOptions): Promise<{ turn: Turn; run: Partial<Run> }> {
	const outputs = toolOutputsOf(context);
	const turn = startTurn(context, outputsThreadIdOf(context), timeoutOf(context, options));
	let runId = runIdOption(context);
	if (!runId) {
		const waiting = await runAwaitingOutputs(turn);
		checkOutputsAnswerCalls(context, waiting, outputs);
		runId = runIdOf(turn, waiting, 'listing the runs');
	}
	return { turn, run: await submitToolOutputs(turn, runId, outputs) };
}

/**
 * The whole turn: a run is started (message) or resumed (tool outputs), polled until it settles
 * or the timeout, and the messages it wrote are read.
 */
const messageAssistant: PaginationFunction = async function (this, requestData) {
	return await settle(this, async (): Promise<INodeExecutionData[]> => {
		const options = optionsOf(this);
		const mode: SendMode = sendModeOf(this);
		const { turn, run: started } = mode === 'toolOutputs' ? await resumeRun(this, options) : await startRun(this, requestData, options);
		const run = await awaitRun(turn, started, options.cancelOnTimeout ?? true);
		if (run.status === 'failed' || run.status === 'cancelled' || run.status === 'expired') failedRun(turn, run);
		const messages = await runMessages(turn, String(run.id));

		if (!(this.getNodeParameter('simplify', true) as boolean)) {
			return [{ json: { thread_id: turn.threadId, run: run as unknown as IDataObject, messages: messages as unknown as IDataObject[] } }];
		}
		return [{ json: simplifyTurn(turn.threadId, run, messages, keepsVersion1Output(this) ? 'reply' : 'text') }];
	});
};

export const messageOperation: INodePropertyOptions = {
	name: 'Message',
	value: 'message',
	action: 'Message an assistant',
	description: "Send a message (or the tool outputs a run asked for) on a new or given thread, wait for the assistant's run and return its reply",
	routing: {
		request: { method: 'POST', url: '/threads/runs' },
		send: { preSend: [buildTurnBody] },
		operations: { pagination: messageAssistant },
	},
};

/** Fields only the message mode uses: the assistant and the message start a run, tool outputs resume one. */
const MESSAGE_MODE = { show: { send: ['message'] as SendMode[] } };

export const messageFields: INodeProperties[] = forOperation(RESOURCE, 'message', [
	{
		displayName: 'Send',
		name: 'send',
		type: 'options',
		default: 'message',
		description: 'What goes to the assistant',
		options: [
			{ name: 'Message', value: 'message', description: 'A user message; a new run answers it' },
			{
				name: 'Tool Outputs',
				value: 'toolOutputs',
				description: 'The results of the tool calls a run asked for (status "requires_action"); the run goes on with its own settings',
			},
		],
	},
	{ ...assistantLocator('The assistant that answers', false), displayOptions: MESSAGE_MODE },
	{
		displayName: 'Message',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		displayOptions: MESSAGE_MODE,
		default: '',
		placeholder: 'e.g. What does our refund policy say about opened items?',
		description: 'The message to send to the assistant',
	},
	{
		displayName: 'Thread ID',
		name: 'threadId',
		type: 'string',
		default: '',
		placeholder: 'e.g. thread_abc123',
		description:
			'The conversation to continue. Leave empty to start a new thread (messages only: tool outputs need the thread of their run); the output always has its "threadId", so map it here to continue later.',
	},
	...toolOutputFields({ send: ['toolOutputs'] }),
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attachment',
		displayOptions: MESSAGE_MODE,
		default: {},
		description: 'Uploaded files (purpose "assistants") to attach to the message',
		options: [
			{
				name: 'attachment',
				displayName: 'Attachment',
				values: [
					{
						displayName: 'File IDs',
						name: 'fileIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. file-abc123',
						description: 'One file ID, or several comma-separated or mapped as an array',
					},
					{
						displayName: 'For Tools',
						name: 'tools',
						type: 'multiOptions',
						default: ['file_search'],
						description: 'The tools that may read the files',
						options: [
							{ name: 'Code Interpreter', value: 'code_interpreter' },
							{ name: 'File Search', value: 'file_search' },
						],
					},
				],
			},
		],
	},
	simplifyField('Whether to return the reply text, thread and run IDs, status and usage instead of the raw run and messages'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: byDisplayName([
			{
				displayName: 'Additional Instructions',
				name: 'additionalInstructions',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: "Appended to the assistant's instructions for this run only",
			},
			...toolFields().map((field) => ({
				...field,
				// The assistant's own field, for this run: the same name, with what overriding does in the description.
				description: `${field.description ?? ''}. Replaces the assistant's tools for this run; at most 20 tools.`,
			})),
			{
				displayName: 'Cancel on Timeout',
				name: 'cancelOnTimeout',
				type: 'boolean',
				default: true,
				description: 'Whether to cancel the run when the timeout passes, so the thread is free for the next message',
			},
			{
				displayName: 'If Thread Has an Active Run',
				name: 'activeRun',
				type: 'options',
				default: 'wait',
				description: 'What to do when another run is still busy on the thread (a message cannot be added then)',
				options: [
					{ name: 'Cancel It', value: 'cancel', description: 'Cancel the other run, then send' },
					{
						name: 'Wait for It',
						value: 'wait',
						description: 'Wait until the other run finishes (within the timeout), then send. A run waiting for tool outputs fails the item at once: it would never finish.',
					},
				],
			},
			{
				displayName: 'Instructions',
				name: 'instructions',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: "Replaces the assistant's instructions for this run",
			},
			assistantModelField(false, "Runs with this model instead of the assistant's"),
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600 },
				default: DEFAULT_TIMEOUT_SECONDS,
				description: 'Seconds to wait in all for the run (and for an active run before it) before giving up',
			},
		]),
	},
]);
