import type { IDataObject } from 'n8n-workflow';

import { plainModelId as plainId } from '../../shared/models';

/** o-series and GPT-5 models think before they answer and reject the sampling parameters. */
export function isReasoningModel(model: string): boolean {
	const id = plainId(model);
	if (/^gpt-5(\.\d+)?-chat/.test(id)) return false;
	return /^(o\d|gpt-5)/.test(id);
}

/** Parameters reasoning models refuse with a 400. */
const REJECTED_BY_REASONING_MODELS = [
	'temperature',
	'top_p',
	'presence_penalty',
	'frequency_penalty',
	'logit_bias',
	'logprobs',
	'top_logprobs',
	'stop',
];

/** Whether a model refuses the sampling parameters: reasoning models do, unless GPT-5.1 and later run with reasoning off. */
export function rejectsSamplingParameters(model: string, reasoningEffort: unknown): boolean {
	return isReasoningModel(model) && !(/^gpt-5\.\d/.test(plainId(model)) && reasoningEffort === 'none');
}

/**
 * Reasoning models get only what they accept: `max_completion_tokens` instead of `max_tokens`, and
 * no sampling parameters (GPT-5.1 and later take them again when reasoning is off). Messages are
 * never added or rewritten here.
 */
export function applyReasoningModelRules(body: IDataObject): void {
	const model = String(body.model ?? '');
	if (!isReasoningModel(model)) return;
	if (body.max_tokens !== undefined) {
		body.max_completion_tokens ??= body.max_tokens;
		delete body.max_tokens;
	}
	if (rejectsSamplingParameters(model, body.reasoning_effort)) for (const key of REJECTED_BY_REASONING_MODELS) delete body[key];
}

/** The role an operation's own instructions (edit, extract, translate) are sent with. */
export function instructionRole(model: string): 'developer' | 'system' {
	return isReasoningModel(model) ? 'developer' : 'system';
}
