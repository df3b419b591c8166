import type { IDataObject, INodeType, INodeTypeDescription, ISupplyDataFunctions, SupplyData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { itemContextOf, subNodeRequestOptionsProperty } from '../OpenAiPlatform/shared/subNode';
import { CREDENTIAL_TYPE, openAiRequest } from '../OpenAiPlatform/shared/transport';
import { checkRange, fail } from '../OpenAiPlatform/shared/validation';
import type { ConversationRequest } from './ConversationHistory';
import { conversationForSession } from './sessions';

export class OpenAiConversationMemory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Conversation Memory',
		name: 'openAiConversationMemory',
		icon: { light: 'file:../OpenAiPlatform/openAiPlatform.svg', dark: 'file:../OpenAiPlatform/openAiPlatform.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'Conversations API',
		description: 'Keeps the chat history of an AI Agent in an OpenAI conversation, so it survives restarts without a database',
		defaults: { name: 'OpenAI Conversation Memory' },
		inputs: [],
		outputs: [NodeConnectionTypes.AiMemory],
		outputNames: ['Memory'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Session Key',
				name: 'sessionKey',
				type: 'string',
				default: '={{ $json.sessionId }}',
				required: true,
				description:
					'A conversation ID (conv_...) is used as it is. Any other key (e.g. the Chat Trigger\'s session ID) gets a conversation of its own, created on first use with the key in its metadata, and remembered in the workflow\'s static data.',
			},
			{
				displayName: 'Context Window Length',
				name: 'contextWindowLength',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5,
				description: 'How many past exchanges (a user message and a reply each) the model receives',
			},
			subNodeRequestOptionsProperty,
		],
	};

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		const context = itemContextOf(this, itemIndex);
		const sessionKey = String(this.getNodeParameter('sessionKey', itemIndex, '') ?? '').trim();
		if (!sessionKey) fail(context, 'Session Key: is empty. Connect a Chat Trigger (it sends sessionId) or enter a key.');
		const windowSize = checkRange(context, 'Context Window Length', this.getNodeParameter('contextWindowLength', itemIndex, 5), 1, Infinity, true) ?? 5;
		const request: ConversationRequest = async (method, url, { body, qs } = {}) =>
			await openAiRequest<IDataObject>(context, { method, url, ...(body ? { body } : {}), ...(qs ? { qs } : {}) });
		let conversation: Promise<string> | undefined;
		const conversationId = async () => await (conversation ??= conversationForSession(this, sessionKey, request));
		// Loaded when the node runs, not when n8n loads the package: the SDK brings LangChain (seconds to load).
		const [{ supplyMemory }, { ConversationHistory, ConversationMemory }] = await Promise.all([import('@n8n/ai-node-sdk'), import('./ConversationHistory')]);
		return supplyMemory(this, new ConversationMemory(new ConversationHistory(conversationId, request, windowSize * 2), windowSize));
	}
}
