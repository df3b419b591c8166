import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { apiCallDescription } from './apiCall';
import { assistantDescription } from './assistant';
import { modelDescription } from './model';

interface Resource {
	option: INodePropertyOptions;
	properties: INodeProperties[];
}

/** Every resource the node offers, in the order the selector shows them. */
const RESOURCES: Resource[] = [
	{ option: { name: 'Model', value: 'model', description: 'List, describe and delete models' }, properties: modelDescription },
	{ option: { name: 'Assistant', value: 'assistant', description: 'Assistants and their threads (retired by OpenAI, still on compatible servers)' }, properties: assistantDescription },
	{ option: { name: 'API Call', value: 'apiCall', description: 'Call any endpoint with this credential' }, properties: apiCallDescription },
];

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map((resource) => resource.option),
	default: 'model',
};

export const resourceProperties: INodeProperties[] = RESOURCES.flatMap((resource) => resource.properties);
