import { jobOperation } from './shared';

const { operation, fields } = jobOperation({
	value: 'listCheckpoints',
	name: 'List Checkpoints',
	action: "List a fine-tuning job's checkpoints",
	description: 'Checkpoints saved during training, with their step, metrics and model name: one item per checkpoint',
	method: 'GET',
	suffix: '/checkpoints',
	jobDescription: 'The fine-tuning job whose checkpoints to list',
	list: true,
});

export const listCheckpointsOperation = operation;
export const listCheckpointsFields = fields;
