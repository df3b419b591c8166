import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { idLocatorField } from '../../shared/fields';
import { defineOperation } from '../../shared/operation';

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
export function jobOperation({ suffix, jobDescription, list, ...spec }: JobOperation): { operation: INodePropertyOptions; fields: INodeProperties[] } {
	return defineOperation(RESOURCE, {
		...spec,
		path: `/fine_tuning/jobs/{jobId}${suffix}`,
		ids: { jobId: 'Fine-Tuning Job' },
		fields: [jobLocator(jobDescription)],
		...(list ? { list: {} } : {}),
	});
}
