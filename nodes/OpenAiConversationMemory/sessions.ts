import type { IDataObject, ISupplyDataFunctions } from 'n8n-workflow';

import type { ConversationRequest } from './ConversationHistory';

/** Conversation IDs as OpenAI issues them: a session key of this shape is the conversation itself. */
const CONVERSATION_ID = /^conv_[A-Za-z0-9_-]+$/;

/** Metadata values may hold up to 512 characters. */
const MAX_METADATA_VALUE = 512;

/** Where the node keeps its session keys in the workflow's static data (scoped to the node). */
const STATIC_DATA_KEY = 'conversations';

/** The most session keys kept, in static data (about 60 bytes each) and in memory; the oldest go first. */
const MAX_SESSIONS = 10_000;

/** Mappings this n8n process made, for runs whose static data n8n does not save (manual runs in the editor). */
const madeInThisProcess = new Map<string, string>();

export const isConversationId = (key: string) => CONVERSATION_ID.test(key);

/**
 * The conversation a session key stands for. A conversation ID is used as it is. Any other key is looked up in
 * the workflow's static data, where n8n keeps it with the workflow in its own database (saved after production,
 * CLI and queue-mode executions, not after manual runs), then in this process's memory; when neither knows it, a
 * conversation is created with the key in its metadata (`session`) and remembered in both. The Conversations API
 * cannot search by metadata, so the metadata records which session a conversation belongs to but cannot find it.
 */
export async function conversationForSession(
	context: ISupplyDataFunctions,
	sessionKey: string,
	request: ConversationRequest,
): Promise<string> {
	if (isConversationId(sessionKey)) return sessionKey;
	const staticData = context.getWorkflowStaticData('node');
	const known = (staticData[STATIC_DATA_KEY] ?? {}) as IDataObject;
	const processKey = `${context.getWorkflow().id ?? ''}\u0000${context.getNode().id ?? context.getNode().name}\u0000${sessionKey}`;
	const remembered = (known[sessionKey] as string | undefined) ?? madeInThisProcess.get(processKey);
	if (remembered) {
		if (known[sessionKey] !== remembered) remember(staticData, known, sessionKey, remembered);
		return remembered;
	}
	const created = await request('POST', '/conversations', {
		body: { metadata: { session: sessionKey.slice(0, MAX_METADATA_VALUE) } },
	});
	const id = String(created.id ?? '');
	if (!id) throw new Error('The reply to POST /conversations has no conversation ID');
	remember(staticData, known, sessionKey, id);
	madeInThisProcess.set(processKey, id);
	if (madeInThisProcess.size > MAX_SESSIONS) madeInThisProcess.delete(madeInThisProcess.keys().next().value as string);
	return id;
}

/** Replaces the whole map, so n8n sees the static data changed and saves it. */
function remember(staticData: IDataObject, known: IDataObject, sessionKey: string, id: string): void {
	const entries = Object.entries(known).filter(([key]) => key !== sessionKey);
	staticData[STATIC_DATA_KEY] = Object.fromEntries([...entries.slice(-(MAX_SESSIONS - 1)), [sessionKey, id]]);
}
