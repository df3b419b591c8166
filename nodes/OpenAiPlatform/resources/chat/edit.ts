import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { forOperation, preselectedModelFields, simplifyField } from '../../shared/fields';
import { optionsCollection } from '../../shared/generation';
import { requiredText } from '../../shared/validation';
import { instructionRole } from './model';
import { simplifyChatReply } from './reply';
import { chatOperation, chatRequest } from './request';

/** The instructions the edit sends before the input; shown in the operation's description. */
export function editInstructions(instruction: string): string {
	return [
		"Rewrite the text in the user's message following this instruction:",
		instruction,
		'Reply with the rewritten text only: no introduction, explanation or quotation marks.',
	].join('\n');
}

/** preSend: the instruction (as system, or developer for reasoning models) and the input (as user). */
async function buildEditRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const input = requiredText(this, 'textToEdit', 'Input');
	const instruction = requiredText(this, 'instruction', 'Instruction').trim();
	const model = String(this.getNodeParameter('model', '', { extractValue: true }));
	return chatRequest(this, requestOptions, {
		messages: [
			{ role: instructionRole(model), content: editInstructions(instruction) },
			{ role: 'user', content: input },
		],
	});
}

export const editOperation = chatOperation(
	{
		name: 'Edit',
		value: 'edit',
		action: 'Edit a text',
		description: 'Rewrite a text following an instruction, e.g. "Fix the spelling mistakes"',
	},
	buildEditRequest,
	simplifyChatReply,
);

export const editFields: INodeProperties[] = forOperation('chat', 'edit', [
	...preselectedModelFields({ capability: 'chat', defaultModel: DEFAULT_MODELS.chat  }),
	{
		displayName: 'Input',
		name: 'textToEdit',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The text to edit',
	},
	{
		displayName: 'Instruction',
		name: 'instruction',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		placeholder: 'e.g. Fix the spelling mistakes',
		description:
			'How to edit the input. Sent as a system message (developer for reasoning models) that asks for the rewritten text only; the input is the user message.',
	},
	simplifyField('Whether to return the edited text as "text" with finish reason and usage instead of the raw reply'),
	optionsCollection(['maxTokens', 'n', 'otherParameters', 'reasoningEffort', 'sanitizeText', 'seed', 'temperature', 'topP', 'user']),
]);
