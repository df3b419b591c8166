import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import type { JobCreateParams } from 'openai/resources/fine-tuning/jobs/jobs';
import type { ReinforcementHyperparameters, ReinforcementMethod } from 'openai/resources/fine-tuning/methods';

import { collectionField, forOperation, modelField } from '../../shared/fields';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { idOf, optionalIdOf } from '../../shared/ids';
import { fieldError } from '../../shared/validation';
import { fileLocator } from '../file/shared';

type Method = JobCreateParams.Method['type'];

const GRADER_TYPES = ['string_check', 'text_similarity', 'python', 'score_model', 'multi'];

interface Hyperparameters {
	batchSize?: number;
	beta?: number;
	computeMultiplier?: number;
	epochs?: number;
	evalInterval?: number;
	evalSamples?: number;
	learningRateMultiplier?: number;
	reasoningEffort?: ReinforcementHyperparameters['reasoning_effort'];
}

interface CreateOptions {
	integration?: { wandb?: { project?: string; name?: string; entity?: string; tags?: string } };
	seed?: number;
	suffix?: string;
}

/** A number field checked against the API's range; `exclusiveMin` for "greater than". */
function checkedNumber(
	context: IExecuteSingleFunctions,
	label: string,
	value: unknown,
	range: { min: number; max?: number; exclusiveMin?: boolean; integer?: boolean },
): number {
	const number = Number(value);
	const tooLow = range.exclusiveMin ? number <= range.min : number < range.min;
	if (!Number.isFinite(number) || tooLow || (range.max !== undefined && number > range.max) || (range.integer && !Number.isInteger(number))) {
		const kind = range.integer ? 'a whole number' : 'a number';
		const lower = range.exclusiveMin ? `above ${range.min}` : `from ${range.min}`;
		throw fieldError(context, label, `must be ${kind} ${lower}${range.max !== undefined ? ` ${range.exclusiveMin ? 'up ' : ''}to ${range.max}` : ''}`);
	}
	return number;
}

/** The method's hyperparameters: only those set, each checked; the API picks the rest ("auto"). */
function hyperparametersFor(context: IExecuteSingleFunctions, method: Method): IDataObject | undefined {
	const set = context.getNodeParameter('hyperparameters', {}) as Hyperparameters;
	const out: IDataObject = {};
	const take = (key: keyof Hyperparameters, apiKey: string, label: string, range: Parameters<typeof checkedNumber>[3]) => {
		if (set[key] !== undefined && set[key] !== null && String(set[key]) !== '') out[apiKey] = checkedNumber(context, label, set[key], range);
	};
	take('epochs', 'n_epochs', 'Epochs', { min: 1, max: 50, integer: true });
	take('batchSize', 'batch_size', 'Batch Size', { min: 1, max: 256, integer: true });
	take('learningRateMultiplier', 'learning_rate_multiplier', 'Learning Rate Multiplier', { min: 0, exclusiveMin: true });
	if (method === 'dpo') take('beta', 'beta', 'Beta', { min: 0, max: 2, exclusiveMin: true });
	if (method === 'reinforcement') {
		take('computeMultiplier', 'compute_multiplier', 'Compute Multiplier', { min: 0.00001, max: 10 });
		take('evalInterval', 'eval_interval', 'Eval Interval', { min: 1, integer: true });
		take('evalSamples', 'eval_samples', 'Eval Samples', { min: 1, integer: true });
		if (set.reasoningEffort) out.reasoning_effort = set.reasoningEffort;
	}
	return Object.keys(out).length ? out : undefined;
}

/** The reinforcement grader from its JSON field: an object with one of the grader types. */
function graderFrom(context: IExecuteSingleFunctions): ReinforcementMethod['grader'] {
	const raw = context.getNodeParameter('grader', '') as unknown;
	let grader: unknown = raw;
	if (typeof raw === 'string') {
		if (!raw.trim()) throw fieldError(context, 'Grader', 'reinforcement fine-tuning needs a grader');
		try {
			grader = JSON.parse(raw);
		} catch (error) {
			throw fieldError(context, 'Grader', 'not valid JSON', (error as Error).message);
		}
	}
	if (!grader || typeof grader !== 'object' || Array.isArray(grader)) throw fieldError(context, 'Grader', 'must be a JSON object');
	const type = (grader as IDataObject).type;
	if (typeof type !== 'string' || !GRADER_TYPES.includes(type)) {
		throw fieldError(context, 'Grader', `"type" must be one of ${GRADER_TYPES.join(', ')}`);
	}
	return grader as ReinforcementMethod['grader'];
}

function integrationsFrom(context: IExecuteSingleFunctions, options: CreateOptions): JobCreateParams.Integration[] | undefined {
	const wandb = options.integration?.wandb;
	if (!wandb) return undefined;
	const project = String(wandb.project ?? '').trim();
	if (!project) throw fieldError(context, 'Weights & Biases', 'the project is required');
	const tags = String(wandb.tags ?? '')
		.split(',')
		.map((tag) => tag.trim())
		.filter(Boolean);
	return [
		{
			type: 'wandb',
			wandb: {
				project,
				...(wandb.name?.trim() ? { name: wandb.name.trim() } : {}),
				...(wandb.entity?.trim() ? { entity: wandb.entity.trim() } : {}),
				...(tags.length ? { tags } : {}),
			},
		},
	];
}

/** preSend: the job request: files, model, method with its hyperparameters, and the options. */
async function buildFineTuningJob(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const method = this.getNodeParameter('method', 'supervised') as Method;
	const options = this.getNodeParameter('options', {}) as CreateOptions;
	const hyperparameters = hyperparametersFor(this, method);
	const methodBody: JobCreateParams.Method = { type: method };
	if (method === 'reinforcement') {
		methodBody.reinforcement = { grader: graderFrom(this), ...(hyperparameters ? { hyperparameters } : {}) };
	} else if (hyperparameters) {
		methodBody[method] = { hyperparameters };
	}
	const body: JobCreateParams = {
		model: String((requestOptions.body as IDataObject)?.model ?? ''),
		training_file: idOf(this, 'trainingFile', 'Training File'),
		method: methodBody,
	};
	const validationFile = optionalIdOf(this, 'options.validationFile');
	if (validationFile) body.validation_file = validationFile;
	if (options.suffix !== undefined && options.suffix !== '') {
		const suffix = String(options.suffix);
		if (suffix.length > 64) throw fieldError(this, 'Suffix', `at most 64 characters, got ${suffix.length}`);
		body.suffix = suffix;
	}
	if (options.seed !== undefined && String(options.seed) !== '') {
		body.seed = checkedNumber(this, 'Seed', options.seed, { min: 0, max: 2147483647, integer: true });
	}
	const metadata = metadataFrom(this, this.getNodeParameter('options.metadata', {}));
	if (metadata) body.metadata = metadata;
	const integrations = integrationsFrom(this, options);
	if (integrations) body.integrations = integrations;
	return { ...requestOptions, body: body as unknown as IDataObject };
}

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a fine-tuning job',
	description: 'Fine-tune a model on a training file: supervised, preference (DPO) or reinforcement',
	routing: {
		request: { method: 'POST', url: '/fine_tuning/jobs' },
		send: { preSend: [buildFineTuningJob] },
	},
};

const forMethods = (...methods: Method[]) => ({ show: { '/method': methods } });

const EXAMPLE_GRADER = JSON.stringify(
	{ type: 'string_check', name: 'exact match', input: '{{sample.output_text}}', reference: '{{item.answer}}', operation: 'eq' },
	null,
	2,
);

export const createFields: INodeProperties[] = forOperation('fineTuning', 'create', [
	modelField({
		capability: 'fineTunable',
		placeholder: 'e.g. gpt-4.1-mini-2025-04-14',
		description: 'The base model to fine-tune, or a fine-tuned model to train further',
	}),
	fileLocator({
		name: 'trainingFile',
		displayName: 'Training File',
		description: 'A .jsonl file uploaded with purpose "fine-tune" (chat, preference or prompt format, as the method needs)',
	}),
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'supervised',
		options: [
			{ name: 'Preference (DPO)', value: 'dpo', description: 'Direct preference optimization from preferred and non-preferred answers' },
			{ name: 'Reinforcement', value: 'reinforcement', description: 'Reinforcement fine-tuning of reasoning models, scored by a grader' },
			{ name: 'Supervised', value: 'supervised', description: 'Learn from example conversations' },
		],
	},
	{
		displayName: 'Grader',
		name: 'grader',
		type: 'json',
		required: true,
		default: EXAMPLE_GRADER,
		description: 'The grader that scores each sample: a JSON object of type string_check, text_similarity, python, score_model or multi',
		displayOptions: forMethods('reinforcement'),
	},
	{
		displayName: 'Hyperparameters',
		name: 'hyperparameters',
		type: 'collection',
		placeholder: 'Add Hyperparameter',
		default: {},
		description: 'Leave one out and OpenAI picks it ("auto")',
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 256 },
				default: 8,
				description: 'Examples per batch: larger means fewer, steadier updates',
			},
			{
				displayName: 'Beta',
				name: 'beta',
				type: 'number',
				typeOptions: { minValue: 0.01, maxValue: 2, numberPrecision: 2 },
				default: 0.1,
				description: 'How strongly DPO penalizes moving away from the base model (above 0, up to 2)',
				displayOptions: forMethods('dpo'),
			},
			{
				displayName: 'Compute Multiplier',
				name: 'computeMultiplier',
				type: 'number',
				typeOptions: { minValue: 0.00001, maxValue: 10, numberPrecision: 5 },
				default: 1,
				description: 'Compute spent exploring the search space during training',
				displayOptions: forMethods('reinforcement'),
			},
			{
				displayName: 'Epochs',
				name: 'epochs',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: 3,
				description: 'Full passes through the training file',
			},
			{
				displayName: 'Eval Interval',
				name: 'evalInterval',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Training steps between evaluation runs',
				displayOptions: forMethods('reinforcement'),
			},
			{
				displayName: 'Eval Samples',
				name: 'evalSamples',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Samples generated per evaluation step',
				displayOptions: forMethods('reinforcement'),
			},
			{
				displayName: 'Learning Rate Multiplier',
				name: 'learningRateMultiplier',
				type: 'number',
				typeOptions: { minValue: 0.0001, numberPrecision: 4 },
				default: 1,
				description: 'Scales the learning rate; smaller can avoid overfitting (above 0)',
			},
			{
				displayName: 'Reasoning Effort',
				name: 'reasoningEffort',
				type: 'options',
				default: 'default',
				description: 'Reinforcement fine-tuning of reasoning models: how much the model thinks before answering during training',
				options: [
					{ name: 'Default', value: 'default' },
					{ name: 'High', value: 'high' },
					{ name: 'Low', value: 'low' },
					{ name: 'Medium', value: 'medium' },
				],
				displayOptions: forMethods('reinforcement'),
			},
		],
	},
	collectionField([
		metadataField('Up to 16 key-value pairs stored on the job, e.g. to filter the job list'),
		{
			displayName: 'Seed',
			name: 'seed',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 2147483647 },
			default: 42,
			description: 'Same seed and parameters give (almost always) the same result. Without it, one is picked.',
		},
		{
			displayName: 'Suffix',
			name: 'suffix',
			type: 'string',
			default: '',
			placeholder: 'e.g. support-bot',
			description: 'Up to 64 characters added to the fine-tuned model name, as in ft:gpt-4.1-mini:org:support-bot:abc123',
		},
		fileLocator({
			name: 'validationFile',
			displayName: 'Validation File',
			required: false,
			description: 'A .jsonl file (purpose "fine-tune") for validation metrics during training; not the same data as the training file',
		}),
		{
			displayName: 'Weights & Biases',
			name: 'integration',
			type: 'fixedCollection',
			default: {},
			placeholder: 'Add Integration',
			description: 'Send training metrics to a Weights & Biases project',
			options: [
				{
					name: 'wandb',
					displayName: 'Weights & Biases',
					values: [
						{ displayName: 'Project', name: 'project', type: 'string', default: '', required: true, description: 'The W&B project that gets the run' },
						{ displayName: 'Run Name', name: 'name', type: 'string', default: '', description: 'Display name of the run. Empty uses the job ID.' },
						{ displayName: 'Entity', name: 'entity', type: 'string', default: '', description: 'W&B team or user name. Empty uses the default of your W&B key.' },
						{ displayName: 'Tags', name: 'tags', type: 'string', default: '', placeholder: 'e.g. support, v2', description: 'Comma-separated tags for the run' },
					],
				},
			],
		},
	]),
]);
