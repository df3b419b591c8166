import type { INodeProperties } from 'n8n-workflow';

/** The operations whose requests the Batch API runs, as `resource.operation`. */
export const BATCHABLE_OPERATIONS = new Set([
	'chat.complete',
	'chat.prompt',
	'chat.extractData',
	'chat.translate',
	'response.create',
	'embedding.create',
	'moderation.create',
]);

export const DEFAULT_WAIT_MINUTES = 60;
export const MAX_WAIT_MINUTES = 24 * 60;

/** The fields, for each operation that offers the option. */
export function sendThroughBatchFields(): INodeProperties[] {
	const whenOn = { displayOptions: { show: { sendThroughBatch: [true] } } };
	return [
		{
			displayName: 'Send Through Batch API',
			name: 'sendThroughBatch',
			type: 'boolean',
			noDataExpression: true,
			default: false,
			description:
				"Whether to send all items as one Batch API job at half the price, instead of one request each. OpenAI answers within 24 hours; the node waits up to 'Wait Up To' and returns one item per input, shaped like the direct call's.",
		},
		{
			displayName: 'Wait Up To',
			name: 'batchWaitMinutes',
			type: 'number',
			noDataExpression: true,
			typeOptions: { minValue: 0, maxValue: MAX_WAIT_MINUTES },
			default: DEFAULT_WAIT_MINUTES,
			description: 'How many minutes the node waits for the batch to finish (checking now and then) before "At the Deadline" applies',
			...whenOn,
		},
		{
			displayName: 'At the Deadline',
			name: 'batchDeadline',
			type: 'options',
			noDataExpression: true,
			default: 'returnBatchId',
			description: 'What the node does when the batch has not finished in time',
			options: [
				{ name: 'Fail', value: 'fail', description: 'Fail the unfinished items; the batch keeps running' },
				{
					name: 'Finish the Rest Directly',
					value: 'finishDirectly',
					description: 'Cancel the batch, keep the results it has, and send the other requests one by one at the full price',
				},
				{
					name: 'Return the Batch ID',
					value: 'returnBatchId',
					description: 'Return one item per input with the batch ID and its custom ID, to get the results later (Batch > Get Results, or the trigger)',
				},
			],
			...whenOn,
		},
	];
}
