import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { forOperation, modelField, simplifyField } from '../../shared/fields';
import { optionsCollection } from '../../shared/generation';
import { fieldError } from '../../shared/validation';
import { messageListFields, messagesFrom } from './messages';
import { simplifyFunctionCallsReply } from './reply';
import { CHAT_OPTIONS, chatOperation, chatRequest } from './request';
import { functionsField, parallelToolCallsField, toolChoiceFields, toolChoiceFrom, toolsFrom } from './tools';

/** preSend: the messages, the function definitions and the tool choice. */
async function buildCallFunctionsRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const messages = messagesFrom(this);
	const tools = toolsFrom(this, this.getNodeParameter('functions', {}));
	if (!tools.length) throw fieldError(this, 'Functions', 'add at least one function');
	const toolChoice = toolChoiceFrom(this, this.getNodeParameter('toolChoice', 'auto'), this.getNodeParameter('toolChoiceFunction', ''), tools);
	return chatRequest(this, requestOptions, { messages, body: { tools, ...(toolChoice ? { tool_choice: toolChoice } : {}) } });
}

export const callFunctionsOperation = chatOperation(
	{
		name: 'Call Functions',
		value: 'callFunctions',
		action: 'Let the model call functions',
		description: 'Get the function calls the model wants, with their arguments, to run them in the workflow',
	},
	buildCallFunctionsRequest,
	simplifyFunctionCallsReply,
);

export const callFunctionsFields: INodeProperties[] = forOperation('chat', 'callFunctions', [
	modelField({ capability: 'chat' }),
	...messageListFields(),
	{ ...functionsField(), required: true, default: { function: [{ name: '', description: '' }] } },
	...toolChoiceFields(),
	simplifyField(
		'Whether to return "toolCalls" (ID, name, parsed arguments), the "assistantMessage" and the "messages" sent, ready for Respond to Functions, instead of the raw reply',
	),
	optionsCollection(CHAT_OPTIONS.filter((name) => name !== 'n'),
		{ extra: [parallelToolCallsField] },
	),
]);
