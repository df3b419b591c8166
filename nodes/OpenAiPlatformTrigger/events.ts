import type { INodePropertyOptions } from 'n8n-workflow';

/** Selecting it takes every event, also ones OpenAI adds later. */
export const ALL_EVENTS = '*';

/** OpenAI's webhook events (the `webhooks` of its OpenAPI spec), as the Events field offers them. */
export const WEBHOOK_EVENTS: INodePropertyOptions[] = [
	{ name: 'Batch Cancelled', value: 'batch.cancelled', description: 'A batch was cancelled' },
	{ name: 'Batch Completed', value: 'batch.completed', description: 'A batch finished; its results can be read' },
	{ name: 'Batch Expired', value: 'batch.expired', description: 'A batch did not finish within its completion window' },
	{ name: 'Batch Failed', value: 'batch.failed', description: 'A batch failed, e.g. its input file was invalid' },
	{ name: 'Eval Run Canceled', value: 'eval.run.canceled', description: 'An eval run was canceled' },
	{ name: 'Eval Run Failed', value: 'eval.run.failed', description: 'An eval run failed' },
	{ name: 'Eval Run Succeeded', value: 'eval.run.succeeded', description: 'An eval run succeeded' },
	{ name: 'Fine-Tuning Job Cancelled', value: 'fine_tuning.job.cancelled', description: 'A fine-tuning job was cancelled' },
	{ name: 'Fine-Tuning Job Failed', value: 'fine_tuning.job.failed', description: 'A fine-tuning job failed' },
	{ name: 'Fine-Tuning Job Succeeded', value: 'fine_tuning.job.succeeded', description: 'A fine-tuning job succeeded; its model can be used' },
	{ name: 'Live Call Incoming', value: 'live.call.incoming', description: 'A SIP call is waiting to be accepted by the Live API' },
	{ name: 'Realtime Call Incoming', value: 'realtime.call.incoming', description: 'A SIP call is waiting to be accepted by the Realtime API' },
	{ name: 'Response Cancelled', value: 'response.cancelled', description: 'A background response was cancelled' },
	{ name: 'Response Completed', value: 'response.completed', description: 'A background response completed' },
	{ name: 'Response Failed', value: 'response.failed', description: 'A background response failed' },
	{ name: 'Response Incomplete', value: 'response.incomplete', description: 'A background response ended incomplete' },
];

/** Where "Fetch the Object" reads the object an event names (`data.id`); events of other kinds name nothing to fetch. */
const OBJECT_PATHS: Array<{ prefix: string; path: string }> = [
	{ prefix: 'batch.', path: '/batches/' },
	{ prefix: 'fine_tuning.job.', path: '/fine_tuning/jobs/' },
	{ prefix: 'response.', path: '/responses/' },
];

/** The API path of the object an event names, or undefined when there is none to fetch. */
export function objectPathOf(type: string, objectId: unknown): string | undefined {
	if (typeof objectId !== 'string' || !objectId) return undefined;
	const match = OBJECT_PATHS.find(({ prefix }) => type.startsWith(prefix));
	return match ? `${match.path}${encodeURIComponent(objectId)}` : undefined;
}

export function isSelected(events: unknown, type: string): boolean {
	const selected = Array.isArray(events) ? events.map(String) : [];
	return selected.length === 0 || selected.includes(ALL_EVENTS) || selected.includes(type);
}
