import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { apiCallDescription } from './apiCall';
import { audioDescription } from './audio';
import { imageDescription } from './image';
import { modelDescription } from './model';

interface Resource {
	option: INodePropertyOptions;
	properties: INodeProperties[];
}

/** Every resource the node offers, in the order the selector shows them. */
const RESOURCES: Resource[] = [
	{ option: { name: 'Image', value: 'image', description: 'Generate, edit and vary images' }, properties: imageDescription },
	{ option: { name: 'Audio', value: 'audio', description: 'Generate speech, transcribe and translate audio' }, properties: audioDescription },
	{ option: { name: 'Model', value: 'model', description: 'List, describe and delete models' }, properties: modelDescription },
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
