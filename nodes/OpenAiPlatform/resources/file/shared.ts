import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { idLocatorField } from '../../shared/fields';

/** The purposes POST /files accepts, as the purpose selector and the list filter show them. */
export const FILE_PURPOSES: INodePropertyOptions[] = [
	{ name: 'Assistants', value: 'assistants', description: 'For assistants, file search and code interpreter' },
	{ name: 'Batch', value: 'batch', description: 'Batch API input (.jsonl); expires after 30 days by default' },
	{ name: 'Evals', value: 'evals', description: 'Eval data sets (.jsonl)' },
	{ name: 'Fine-Tune', value: 'fine-tune', description: 'Training or validation data for fine-tuning (.jsonl)' },
	{ name: 'User Data', value: 'user_data', description: 'Flexible file type for any purpose' },
	{ name: 'Vision', value: 'vision', description: 'Images for vision fine-tuning' },
];

/** A file picker ("From list" of the account's files, or "By ID"). */
export function fileLocator(options: { name?: string; displayName?: string; description?: string; required?: boolean } = {}): INodeProperties {
	return idLocatorField({
		name: options.name ?? 'fileId',
		displayName: options.displayName ?? 'File',
		searchListMethod: 'searchFiles',
		placeholder: 'e.g. file-abc123',
		description: options.description,
		required: options.required,
	});
}
