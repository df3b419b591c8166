import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { ChatCompletionFunctionTool, ChatCompletionToolChoiceOption } from 'openai/resources/chat/completions';

import { fail } from '../../shared/validation';

/** How the model may use the functions. */
export function toolChoiceFields(): INodeProperties[] {
	return [
		{
			displayName: 'Tool Choice',
			name: 'toolChoice',
			type: 'options',
			default: 'auto',
			description: 'Whether and which function the model must call',
			options: [
				{ name: 'Auto', value: 'auto', description: 'The model decides whether to call functions' },
				{ name: 'None', value: 'none', description: 'The model answers without calling a function' },
				{ name: 'Required', value: 'required', description: 'The model must call at least one function' },
				{ name: 'Specific Function', value: 'function', description: 'The model must call the function named below' },
			],
		},
		{
			displayName: 'Function Name',
			name: 'toolChoiceFunction',
			type: 'string',
			default: '',
			displayOptions: { show: { toolChoice: ['function'] } },
			description: 'The function the model must call; one of the functions defined',
		},
	];
}

export const parallelToolCallsField: INodeProperties = {
	displayName: 'Parallel Tool Calls',
	name: 'parallelToolCalls',
	type: 'boolean',
	default: true,
	description: 'Whether the model may call several functions in one reply',
};

/** The API's tool_choice for the "Tool Choice" fields, refusing a function that is not defined. */
export function toolChoiceFrom(
	context: IExecuteSingleFunctions,
	choice: unknown,
	functionName: unknown,
	tools: ChatCompletionFunctionTool[],
): ChatCompletionToolChoiceOption | undefined {
	if (choice === undefined || choice === '') return undefined;
	if (choice !== 'function') return choice as 'auto' | 'none' | 'required';
	const name = String(functionName ?? '').trim();
	if (!tools.some((tool) => tool.function.name === name)) {
		fail(context, `Function Name: "${name}" is not one of the functions defined`);
	}
	return { type: 'function', function: { name } };
}
