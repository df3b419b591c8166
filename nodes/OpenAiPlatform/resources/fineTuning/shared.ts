import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, idLocatorField, returnAllOrLimitFields } from '../../shared/fields';
import { idInPath } from '../../shared/ids';
import { paginateCursor } from '../../shared/transport';

const RESOURCE = 'fineTuning';

/** The fine-tuning job picker ("From list" of the account's jobs, or "By ID"). */
export function jobLocator(description: string): INodeProperties {
	return idLocatorField({
		name: 'jobId',
		displayName: 'Fine-Tuning Job',
		searchListMethod: 'searchFineTuningJobs',
		placeholder: 'e.g. ftjob-abc123',
		description,
	});
}

const jobPath = (suffix: string) => idInPath(`/fine_tuning/jobs/{id}${suffix}`, 'jobId', 'Fine-Tuning Job');

/** cancel, pause and resume take no body: drop the empty object RoutingNode starts with. */
async function withoutBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const rest = { ...requestOptions };
	delete rest.body;
	return rest;
}

interface JobOperation {
	value: string;
	name: string;
	action: string;
	description: string;
	/** Path after /fine_tuning/jobs/{id}, e.g. "/cancel". */
	suffix: string;
	method: 'GET' | 'POST';
	/** Description of the job picker. */
	jobDescription: string;
	/** A paginated list (events, checkpoints) rather than one object. */
	list?: boolean;
}

/** One operation on a job (get, cancel, pause, resume, listEvents, listCheckpoints): the job picker, its URL and, for lists, the cursor. */
export function jobOperation(spec: JobOperation): { operation: INodePropertyOptions; fields: INodeProperties[] } {
	const operation: INodePropertyOptions = {
		name: spec.name,
		value: spec.value,
		action: spec.action,
		description: spec.description,
		routing: {
			request: { method: spec.method },
			send: { preSend: spec.method === 'POST' ? [jobPath(spec.suffix), withoutBody] : [jobPath(spec.suffix)] },
			...(spec.list ? { operations: { pagination: paginateCursor({ pageSize: 100 }) } } : {}),
		},
	};
	const fields = forOperation(RESOURCE, spec.value, [
		jobLocator(spec.jobDescription),
		...(spec.list ? returnAllOrLimitFields() : []),
	]);
	return { operation, fields };
}
