import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation, modelField } from '../../shared/fields';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a fine-tuned model',
	description: 'Delete a fine-tuned model your organization owns',
	routing: { request: { method: 'DELETE' } },
};

export const deleteFields: INodeProperties[] = forOperation('model', 'delete', [
	{
		...modelField({
			capability: 'fineTuned',
			bodyProperty: false,
			placeholder: 'e.g. ft:gpt-4.1-mini:acme::abc123',
			description: 'The fine-tuned model to delete. Base models cannot be deleted.',
		}),
		routing: { request: { url: '=/models/{{ encodeURIComponent($value) }}' } },
	},
]);
