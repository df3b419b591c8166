import { jobOperation } from './shared';

const { operation, fields } = jobOperation({
	value: 'resume',
	name: 'Resume',
	action: 'Resume a fine-tuning job',
	description: 'Resume a paused job',
	method: 'POST',
	suffix: '/resume',
	jobDescription: 'The paused fine-tuning job to resume',
});

export const resumeOperation = operation;
export const resumeFields = fields;
