import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { requestFields, requestOperation } from './request';

export const apiCallDescription: INodeProperties[] = [
	operationSelector('apiCall', [requestOperation], 'request'),
	...requestFields,
];
