import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';
import type { OperationSpec } from '../../shared/operation';
import { defineOperation } from '../../shared/operation';
import { fail, isPlainObject, jsonValue } from '../../shared/validation';

/** The checkpoints, permissions and graders of fine-tuning (`defineOperation` scoped to fineTuning). */
export const fineTuningOperation = (spec: OperationSpec) => defineOperation('fineTuning', spec);

export const checkpointField: INodeProperties = idField({
	name: 'checkpoint',
	displayName: 'Fine-Tuned Model Checkpoint',
	placeholder: 'e.g. ft:gpt-4o-mini-2024-07-18:org:weather:B7R9VjQd',
	description: 'The fine-tuned model (or one of its checkpoints) whose sharing to manage. Needs an admin API key at OpenAI.',
});

export const CHECKPOINT_IDS = { checkpoint: 'Fine-Tuned Model Checkpoint' };

const GRADER_TYPES = ['string_check', 'text_similarity', 'python', 'score_model', 'multi'];

/** "Grader" (JSON): an object with a known type and a name, checked before sending. */
export function graderFrom(context: IExecuteSingleFunctions): IDataObject {
	const value = jsonValue(context, 'Grader', context.getNodeParameter('grader', ''));
	if (!isPlainObject(value)) fail(context, 'Grader: must be a JSON object');
	const grader = value as IDataObject;
	if (typeof grader.type !== 'string' || !GRADER_TYPES.includes(grader.type)) {
		fail(context, `Grader: ${grader.type === undefined ? 'has no "type"' : `type ${JSON.stringify(grader.type)} is not a grader type`}`, `Use one of: ${GRADER_TYPES.join(', ')}`);
	}
	if (typeof grader.name !== 'string' || !grader.name.trim()) fail(context, 'Grader: has no "name"');
	return grader;
}

export const graderField: INodeProperties = {
	displayName: 'Grader',
	name: 'grader',
	type: 'json',
	required: true,
	default: JSON.stringify({ type: 'string_check', name: 'Exact match', input: '{{sample.output_text}}', reference: '{{item.reference_answer}}', operation: 'eq' }, null, 2),
	description: 'The grader as JSON: string_check, text_similarity, python, score_model or multi',
};
