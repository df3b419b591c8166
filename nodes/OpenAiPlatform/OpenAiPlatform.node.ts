import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from './methods';
import { sendDirectlyOrThroughBatch } from './resources/batch/sendThrough';
import { resourceProperties, resourceSelectors } from './resources';
import { DEFAULT_VERSION, NODE_VERSIONS } from './shared/defaults';
import { requestOptionsProperty, subtitleExpression } from './shared/fields';
import { sendPathProperty } from './shared/hooks';
import { pairedPreSendFailures } from './shared/pairing';
import { mergeSharedFields } from './shared/sharedFields';
import { enumeratedFieldsCheck } from './shared/validation';

/** Merged once when the module loads (about 1 ms); each instance gets its own copy of the list. */
const fields = mergeSharedFields([sendPathProperty, ...resourceSelectors, ...resourceProperties, requestOptionsProperty]);
/** Every preSend failure settles paired; options set by an expression are checked last, before sending. */
const { properties, pagination } = pairedPreSendFailures(fields, sendDirectlyOrThroughBatch, enumeratedFieldsCheck(fields));
const SUBTITLE = subtitleExpression(properties);

export class OpenAiPlatform implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Platform',
		name: 'openAiPlatform',
		icon: { light: 'file:openAiPlatform.svg', dark: 'file:openAiPlatform.dark.svg' },
		group: ['transform'],
		version: NODE_VERSIONS,
		defaultVersion: DEFAULT_VERSION,
		subtitle: SUBTITLE,
		description:
			'Use the whole OpenAI platform: chat, structured data, functions, responses, images, audio, embeddings, files, fine-tuning, batches, vector stores and any API call',
		defaults: { name: 'OpenAI Platform' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openAiPlatformApi', required: true }],
		// No baseURL here: the credential's authenticate adds it (see OpenAiPlatformApi.authenticate).
		requestDefaults: {
			// JSON unless the operation asks for something else (speech, downloads, API Call's text and file formats).
			headers: { Accept: 'application/json' },
			// Error replies come back as data, so checkResponse can read OpenAI's error body and headers.
			ignoreHttpStatusErrors: true,
			// Redirects come back as data too, and refuseRedirect refuses them: the key never follows one (the credential
			// turns them off as well, for every request it authenticates).
			disableFollowRedirect: true,
		},
		requestOperations: { pagination },
		properties: [...properties],
	};

	methods = { listSearch };
}
