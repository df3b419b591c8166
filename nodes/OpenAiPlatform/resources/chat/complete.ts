import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { forOperation, preselectedModelFields, simplifyField } from '../../shared/fields';
import { functionsField } from '../../shared/functions';
import { optionsCollection } from '../../shared/generation';
import { messageListFields, messagesFrom } from './messages';
import { simplifyChatReply } from './reply';
import { CHAT_OPTIONS, chatOperation, chatRequest, responseFormatOptions } from './request';
import { parallelToolCallsField, toolChoiceFields } from './tools';
import { sendThroughBatchFields } from '../batch/sendThroughFields';

/** preSend: the message list plus every option. */
async function buildCompleteRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return chatRequest(this, requestOptions, { messages: messagesFrom(this) });
}

export const completeOperation = chatOperation(
	{
		name: 'Complete',
		value: 'complete',
		action: 'Complete a chat',
		description: 'Generate the next message of a conversation (chat completion)',
	},
	buildCompleteRequest,
	simplifyChatReply,
);

/** Every chat option, plus response format and functions (also used by respondToFunctions). */
export const completeOptions = optionsCollection(CHAT_OPTIONS, {
	extra: [
		...responseFormatOptions,
		functionsField('Functions the model may call (tools). Its calls come back under "toolCalls".'),
		...toolChoiceFields(),
		parallelToolCallsField,
	],
});

export const completeFields: INodeProperties[] = forOperation('chat', 'complete', [
	...preselectedModelFields({ capability: 'chat', defaultModel: DEFAULT_MODELS.chat  }),
	...messageListFields(),
	simplifyField(),
	completeOptions,
	...sendThroughBatchFields(),
]);
