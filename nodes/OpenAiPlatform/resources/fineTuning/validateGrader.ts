import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fineTuningOperation, graderField, graderFrom } from './checkpoint';

/** preSend: the grader, checked. */
async function buildValidateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return { ...requestOptions, body: { grader: graderFrom(this) } };
}

export const { operation: validateGraderOperation, fields: validateGraderFields } = fineTuningOperation({
	value: 'validateGrader',
	name: 'Validate Grader',
	action: 'Validate a grader',
	description: 'Check that a grader is valid before using it for reinforcement fine-tuning',
	method: 'POST',
	path: '/fine_tuning/alpha/graders/validate',
	preSend: [buildValidateBody],
	fields: [graderField],
});
