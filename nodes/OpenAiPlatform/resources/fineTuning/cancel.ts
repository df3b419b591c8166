import { jobOperation } from './shared';

const { operation, fields } = jobOperation({
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel a fine-tuning job',
	description: 'Stop a job that is queued or running',
	method: 'POST',
	suffix: '/cancel',
	jobDescription: 'The fine-tuning job to cancel',
});

export const cancelOperation = operation;
export const cancelFields = fields;
