import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { dataSourceConfigFrom, evalOperation, jsonField, nameAndMetadataFrom, nameAndMetadataOptions, testingCriteriaFrom } from './shared';

/** preSend: the data source config and testing criteria, checked, with the optional name and metadata. */
async function buildCreateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: IDataObject = {
		data_source_config: dataSourceConfigFrom(this),
		testing_criteria: testingCriteriaFrom(this),
		...nameAndMetadataFrom(this),
	};
	return { ...requestOptions, body };
}

export const { operation: createOperation, fields: createFields } = evalOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an eval',
	description: 'Create an eval from a data source config and testing criteria (graders)',
	method: 'POST',
	path: '/evals',
	preSend: [buildCreateBody],
	fields: [
		jsonField(
			'dataSourceConfig',
			'Data Source Config',
			{ type: 'custom', item_schema: { type: 'object', properties: { question: { type: 'string' }, answer: { type: 'string' } }, required: ['question', 'answer'] }, include_sample_schema: true },
			'The shape of the data the runs use: {"type": "custom", "item_schema": {...}}, {"type": "logs"} or {"type": "stored_completions"}',
		),
		jsonField(
			'testingCriteria',
			'Testing Criteria',
			[{ type: 'string_check', name: 'Exact answer', input: '{{sample.output_text}}', reference: '{{item.answer}}', operation: 'eq' }],
			'A JSON array of graders (label_model, string_check, text_similarity, python, score_model), each with a name',
		),
		nameAndMetadataOptions('eval'),
	],
});
