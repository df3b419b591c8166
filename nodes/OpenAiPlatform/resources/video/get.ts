import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, videoLocator, videoPath } from './shared';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a video',
	description: "Get a video job's status, progress and settings",
	routing: {
		request: { method: 'GET' },
		send: { preSend: [videoPath()] },
	},
};

export const getFields: INodeProperties[] = forOperation(RESOURCE, 'get', [videoLocator]);
