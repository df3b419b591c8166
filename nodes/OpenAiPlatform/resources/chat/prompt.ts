import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { forOperation, modelField, simplifyField } from '../../shared/fields';
import { optionsCollection, promptField } from '../../shared/generation';
import { requiredText } from '../../shared/validation';
import { simplifyChatReply } from './reply';
import { CHAT_OPTIONS, chatOperation, chatRequest } from './request';
import { sendThroughBatchFields } from '../batch/sendThroughFields';

/** preSend: the prompt as the one user message. */
async function buildPromptRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const prompt = requiredText(this, 'prompt', 'Prompt');
	return chatRequest(this, requestOptions, { messages: [{ role: 'user', content: prompt }] });
}

export const promptOperation = chatOperation(
	{
		name: 'Prompt',
		value: 'prompt',
		action: 'Answer a prompt',
		description: 'Send one prompt and get the text the model writes',
	},
	buildPromptRequest,
	simplifyChatReply,
);

export const promptFields: INodeProperties[] = forOperation('chat', 'prompt', [
	modelField({ capability: 'chat' }),
	promptField({ placeholder: 'e.g. Write a haiku about automation', description: 'What to ask the model. It is sent as the only (user) message.' }),
	simplifyField(),
	optionsCollection(CHAT_OPTIONS),
	...sendThroughBatchFields(),
]);
