import { jobOperation } from './shared';

const { operation, fields } = jobOperation({
	value: 'pause',
	name: 'Pause',
	action: 'Pause a fine-tuning job',
	description: 'Pause a running job; resume it later',
	method: 'POST',
	suffix: '/pause',
	jobDescription: 'The running fine-tuning job to pause',
});

export const pauseOperation = operation;
export const pauseFields = fields;
