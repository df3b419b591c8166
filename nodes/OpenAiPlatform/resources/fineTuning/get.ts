import { jobOperation } from './shared';

const { operation, fields } = jobOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a fine-tuning job',
	description: "Get a job's status, model, hyperparameters and result files",
	method: 'GET',
	suffix: '',
	jobDescription: 'The fine-tuning job to describe',
});

export const getOperation = operation;
export const getFields = fields;
