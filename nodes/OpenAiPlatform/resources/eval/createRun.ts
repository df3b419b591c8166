import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { EVAL_IDS, evalIdField, evalOperation, jsonField, nameAndMetadataFrom, nameAndMetadataOptions, runDataSourceFrom } from './shared';

/** preSend: the run's data source, checked, with the optional name and metadata. */
async function buildRunBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: IDataObject = {
		data_source: runDataSourceFrom(this),
		...nameAndMetadataFrom(this),
	};
	return { ...requestOptions, body };
}

export const { operation: createRunOperation, fields: createRunFields } = evalOperation({
	value: 'createRun',
	name: 'Create Run',
	action: 'Create an eval run',
	description: 'Start a run of an eval on a data source: a JSONL file or content, or model completions or responses',
	method: 'POST',
	path: '/evals/{evalId}/runs',
	ids: EVAL_IDS,
	preSend: [buildRunBody],
	fields: [
		evalIdField('The eval to run'),
		jsonField(
			'dataSource',
			'Data Source',
			{ type: 'jsonl', source: { type: 'file_id', id: 'file-abc123' } },
			'What the run grades: {"type": "jsonl", "source": {...}}, or {"type": "completions", ...} or {"type": "responses", ...} to sample a model first',
		),
		nameAndMetadataOptions('run'),
	],
});
