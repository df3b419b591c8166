import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { forOperation } from '../../shared/fields';
import { RESOURCE, videoLocator, videoPath } from './shared';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a video',
	description: 'Delete a video job and its files',
	routing: {
		request: { method: 'DELETE' },
		send: { preSend: [videoPath()] },
	},
};

export const deleteFields: INodeProperties[] = forOperation(RESOURCE, 'delete', [videoLocator]);
