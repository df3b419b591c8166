/**
 * Model settings several operations offer (response, assistant, chat): reasoning effort,
 * temperature and top p, with OpenAI's ranges in the field and the same run-time check.
 */
import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { ReasoningEffort } from 'openai/resources/shared';

import { checkRange } from './validation';
import { TEMPERATURE_DESCRIPTION, TEMPERATURE_LABEL } from './concepts';

const EFFORTS: Array<{ name: string; value: Exclude<ReasoningEffort, null> }> = [
	{ name: 'Extra High', value: 'xhigh' },
	{ name: 'High', value: 'high' },
	{ name: 'Low', value: 'low' },
	{ name: 'Max', value: 'max' },
	{ name: 'Medium', value: 'medium' },
	{ name: 'Minimal', value: 'minimal' },
	{ name: 'None', value: 'none' },
];

export function reasoningEffortField(description = 'For reasoning models (o-series, gpt-5): how much to think before answering'): INodeProperties {
	return { displayName: 'Reasoning Effort', name: 'reasoningEffort', type: 'options', default: 'medium', description, options: EFFORTS };
}

/** Processing tier, as chat completions and responses both take it. */
export function serviceTierField(description = 'Processing tier: Flex is cheaper and slower, Priority faster at a higher price'): INodeProperties {
	return {
		displayName: 'Service Tier',
		name: 'serviceTier',
		type: 'options',
		default: 'auto',
		description,
		options: [
			{ name: 'Auto', value: 'auto' },
			{ name: 'Default', value: 'default' },
			{ name: 'Flex', value: 'flex' },
			{ name: 'Priority', value: 'priority' },
			{ name: 'Scale', value: 'scale' },
		],
	};
}

export function temperatureField(description = `${TEMPERATURE_DESCRIPTION} (0 to 2)`): INodeProperties {
	return {
		displayName: TEMPERATURE_LABEL,
		name: 'temperature',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 2 },
		default: 1,
		description,
	};
}

export function topPField(description = 'Nucleus sampling: only the tokens making up this probability mass are considered. Change this or Sampling Temperature, not both.'): INodeProperties {
	return {
		displayName: 'Top P',
		name: 'topP',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 1,
		description,
	};
}

/** Run-time check of the two sampling values (expressions bypass the fields' limits). */
export function samplingOf(context: IExecuteSingleFunctions, values: { temperature?: unknown; topP?: unknown }) {
	return {
		temperature: checkRange(context, TEMPERATURE_LABEL, values.temperature, 0, 2),
		topP: checkRange(context, 'Top P', values.topP, 0, 1),
	};
}
