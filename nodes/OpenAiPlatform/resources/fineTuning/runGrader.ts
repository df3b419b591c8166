import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/fields';
import { optionalJsonObject, requiredText } from '../../shared/validation';
import { fineTuningOperation, graderField, graderFrom } from './checkpoint';

/** preSend: the grader, the model sample to grade and the optional item it may reference, checked. */
async function buildRunBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const grader = graderFrom(this);
	const modelSample = requiredText(this, 'modelSample', 'Model Sample');
	const options = this.getNodeParameter('options', {}) as { item?: unknown };
	const item = optionalJsonObject(this, 'Item', options.item ?? '');
	const body: IDataObject = { grader, model_sample: modelSample, ...(item ? { item: item as IDataObject } : {}) };
	return { ...requestOptions, body };
}

export const { operation: runGraderOperation, fields: runGraderFields } = fineTuningOperation({
	value: 'runGrader',
	name: 'Run Grader',
	action: 'Run a grader on a model sample',
	description: 'Grade one model output with a grader, as reinforcement fine-tuning would, and get its reward',
	method: 'POST',
	path: '/fine_tuning/alpha/graders/run',
	preSend: [buildRunBody],
	fields: [
		graderField,
		{
			displayName: 'Model Sample',
			name: 'modelSample',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			description: 'The model output to grade; the grader reads it as {{sample.output_text}}',
		},
		collectionField([
			{
				displayName: 'Item',
				name: 'item',
				type: 'json',
				default: '{}',
				description: 'The data set item the grader may reference as {{item.field_name}}, as a JSON object',
			},
		]),
	],
});
