import { jobOperation } from './shared';

const { operation, fields } = jobOperation({
	value: 'listEvents',
	name: 'List Events',
	action: "List a fine-tuning job's events",
	description: 'Status updates of a job (newest first): one item per event',
	method: 'GET',
	suffix: '/events',
	jobDescription: 'The fine-tuning job whose status updates to list',
	list: true,
});

export const listEventsOperation = operation;
export const listEventsFields = fields;
