import type {
	IDataObject,
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
import type { PaginationFunction } from '../../shared/transport';
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
import type { ActiveRunPolicy, Turn } from './thread';
import { awaitRun, runIdOf, runMessages, startTurn, threadsRequest, whenThreadFree } from './thread';

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

function threadIdOf(context: IExecuteSingleFunctions): string {
	const raw = context.getNodeParameter('threadId', '') as unknown;
	const threadId = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (/[\s/?#]/.test(threadId)) fail(context, `Thread ID: "${threadId}" is not a thread ID`, 'Leave it empty to start a new thread.');
	return threadId;
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

/** preSend: checks every field and builds the run request (assistant and overrides); the message goes separately. */
async function buildRunBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = optionsOf(this);
	messageBodyOf(this);
	threadIdOf(this);
	timeoutOf(this, options);
	const body: RunCreateParamsNonStreaming = { assistant_id: assistantIdOf(this) };
	if (options.model !== undefined) {
		const model = locatorValue(options.model);
		if (!model) fail(this, 'Model (Override): choose a model or remove the option');
		body.model = model;
	}
	if (options.instructions !== undefined) body.instructions = options.instructions;
	if (options.additionalInstructions) body.additional_instructions = options.additionalInstructions;
	const tools: AssistantTool[] | undefined = toolsFrom(
		this,
		{ builtInTools: options.builtInTools, functions: options.functions },
		20,
		' (Override)',
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
function simplifyTurn(threadId: string, run: Partial<Run>, messages: Array<Partial<Message>>): IDataObject {
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
		reply: texts.join('\n\n'),
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

function failedRun(turn: Turn, run: Partial<Run>): never {
	const runId = String(run.id);
	return fail(
		turn.context,
		`The run ended with status "${String(run.status)}"${run.last_error?.message ? `: ${run.last_error.message}` : ''}`,
		[run.last_error?.code ? `Code: ${run.last_error.code}` : '', `Thread ID: ${turn.threadId}`, `Run ID: ${runId}`].filter(Boolean).join('; '),
	);
}

/**
 * The whole turn: the message goes onto the given thread (an active run there is waited for or
 * cancelled first) or starts a new one, a run starts, is polled until it settles or the timeout,
 * and the messages it wrote are read.
 */
const messageAssistant: PaginationFunction = async function (this, requestData) {
	return await settle(this, async (): Promise<INodeExecutionData[]> => {
		const options = optionsOf(this);
		const policy: ActiveRunPolicy = options.activeRun ?? 'wait';
		const message = messageBodyOf(this);
		const givenThreadId = threadIdOf(this);
		const timeoutSeconds = timeoutOf(this, options);

		let threadId = givenThreadId;
		if (!givenThreadId) {
			const thread = await threadsRequest<Partial<Thread>>({ context: this }, 'POST', '/threads', {
				body: { messages: [message] } satisfies ThreadCreateParams,
			});
			threadId = typeof thread.id === 'string' ? thread.id : '';
			if (!threadId) fail(this, "The server's reply to creating the thread has no thread ID");
		}
		const turn = startTurn(this, threadId, timeoutSeconds);
		const threadUrl = `/threads/${encodeURIComponent(threadId)}`;
		if (givenThreadId) {
			await whenThreadFree(turn, policy, true, async () => await threadsRequest(turn, 'POST', `${threadUrl}/messages`, { body: message }));
		}
		const created = await whenThreadFree(
			turn,
			policy,
			false,
			async () => await threadsRequest<Partial<Run>>(turn, 'POST', `${threadUrl}/runs`, { body: requestData.options.body as IDataObject }),
		);
		runIdOf(turn, created, 'starting the run');
		const run = await awaitRun(turn, created, options.cancelOnTimeout ?? true);
		if (run.status === 'failed' || run.status === 'cancelled' || run.status === 'expired') failedRun(turn, run);
		const messages = await runMessages(turn, String(run.id));

		if (!(this.getNodeParameter('simplify', true) as boolean)) {
			return [{ json: { thread_id: threadId, run: run as unknown as IDataObject, messages: messages as unknown as IDataObject[] } }];
		}
		return [{ json: simplifyTurn(threadId, run, messages) }];
	});
};

export const messageOperation: INodePropertyOptions = {
	name: 'Message',
	value: 'message',
	action: 'Message an assistant',
	description: "Send a message on a new or given thread, wait for the assistant's run and return its reply",
	routing: {
		request: { method: 'POST', url: '/threads/runs' },
		send: { preSend: [buildRunBody] },
		operations: { pagination: messageAssistant },
	},
};

export const messageFields: INodeProperties[] = forOperation(RESOURCE, 'message', [
	assistantLocator('The assistant that answers', false),
	{
		displayName: 'Message',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
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
			'The conversation to continue. Leave empty to start a new thread; the output always has its "threadId", so map it here to continue later.',
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attachment',
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
				displayName: `${field.displayName} (Override)`,
				description: `${field.description ?? ''}. Replaces the assistant's tools for this run; at most 20 tools.`,
			})),
			{
				displayName: 'Cancel Run on Timeout',
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
					{ name: 'Wait for It', value: 'wait', description: 'Wait until the other run finishes (within the timeout), then send' },
				],
			},
			{
				displayName: 'Instructions (Override)',
				name: 'instructions',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: "Replaces the assistant's instructions for this run",
			},
			{ ...assistantModelField(false, "Runs with this model instead of the assistant's"), displayName: 'Model (Override)' },
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
