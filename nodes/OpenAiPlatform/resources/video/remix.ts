import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, promptOf, videoLocator, videoPath, videoPromptField } from './shared';

/** preSend: the prompt that says what to change. */
async function buildRemix(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return { ...requestOptions, body: { prompt: promptOf(this) } };
}

export const remixOperation: INodePropertyOptions = {
	name: 'Remix',
	value: 'remix',
	action: 'Remix a video',
	description: 'Start a new video from a completed one, changed as the prompt says',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [videoPath('/remix'), buildRemix] },
	},
};

export const remixFields: INodeProperties[] = forOperation(RESOURCE, 'remix', [
	videoLocator,
	videoPromptField,
]);
