import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { forOperation, preselectedModelFields, simplifyField } from '../../shared/fields';
import { optionsCollection } from '../../shared/generation';
import { functionToolsFrom, functionsField } from '../../shared/functions';
import { fail } from '../../shared/validation';
import { messageListFields, messagesFrom } from './messages';
import { simplifyFunctionCallsReply } from './reply';
import { CHAT_OPTIONS, chatOperation, chatRequest } from './request';
import { parallelToolCallsField, toolChoiceFields, toolChoiceFrom } from './tools';

/** preSend: the messages, the function definitions and the tool choice. */
async function buildCallFunctionsRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const messages = messagesFrom(this);
	const tools = functionToolsFrom(this, this.getNodeParameter('functions', {}) as Parameters<typeof functionToolsFrom>[1]);
	if (!tools.length) fail(this, 'Functions: add at least one function');
	const toolChoice = toolChoiceFrom(this, this.getNodeParameter('toolChoice', 'auto'), this.getNodeParameter('toolChoiceFunction', ''), tools);
	return chatRequest(this, requestOptions, { messages, body: { tools, ...(toolChoice ? { tool_choice: toolChoice } : {}) } });
}

export const callFunctionsOperation = chatOperation(
	{
		name: 'Call Functions',
		value: 'callFunctions',
		action: 'Call functions',
		description: 'Get the function calls the model wants, with their arguments, to run them in the workflow',
	},
	buildCallFunctionsRequest,
	simplifyFunctionCallsReply,
);

export const callFunctionsFields: INodeProperties[] = forOperation('chat', 'callFunctions', [
	...preselectedModelFields({ capability: 'chat', defaultModel: DEFAULT_MODELS.chat  }),
	...messageListFields(),
	{
		...functionsField('Functions the model may call. It answers with the calls and their arguments; your workflow runs them.'),
		required: true,
		default: { function: [{ name: '', description: '' }] },
	},
	...toolChoiceFields(),
	simplifyField(
		'Whether to return "toolCalls" (ID, name, parsed arguments), the "assistantMessage" and the "messages" sent, ready for Respond to Functions, instead of the raw reply',
	),
	optionsCollection(CHAT_OPTIONS.filter((name) => name !== 'n'),
		{ extra: [parallelToolCallsField] },
	),
]);
