import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { withDefaultFromVersion1_1 } from '../shared/fields';
import { apiCallDescription } from './apiCall';
import { assistantDescription } from './assistant';
import { audioDescription } from './audio';
import { batchDescription } from './batch';
import { chatDescription } from './chat';
import { completionDescription } from './completion';
import { conversationDescription } from './conversation';
import { embeddingDescription } from './embedding';
import { fileDescription } from './file';
import { fineTuningDescription } from './fineTuning';
import { imageDescription } from './image';
import { modelDescription } from './model';
import { moderationDescription } from './moderation';
import { responseDescription } from './response';
import { vectorStoreDescription } from './vectorStore';

interface Resource {
	option: INodePropertyOptions;
	properties: INodeProperties[];
}

/** Every resource the node offers, in the order the selector shows them. */
const RESOURCES: Resource[] = [
	{ option: { name: 'Chat', value: 'chat', description: 'Chat completions: prompts, edits, vision, extraction, functions, translation' }, properties: chatDescription },
	{ option: { name: 'Completion (Legacy)', value: 'completion', description: 'Text completions with instruct models' }, properties: completionDescription },
	{ option: { name: 'Response', value: 'response', description: 'Generate responses with tools and manage stored responses' }, properties: responseDescription },
	{ option: { name: 'Conversation', value: 'conversation', description: 'Conversation state for responses' }, properties: conversationDescription },
	{ option: { name: 'Image', value: 'image', description: 'Generate, edit and vary images' }, properties: imageDescription },
	{ option: { name: 'Audio', value: 'audio', description: 'Generate speech, transcribe and translate audio' }, properties: audioDescription },
	{ option: { name: 'Embedding', value: 'embedding', description: 'Turn texts into vectors' }, properties: embeddingDescription },
	{ option: { name: 'Moderation', value: 'moderation', description: 'Check texts and images against the usage policies' }, properties: moderationDescription },
	{ option: { name: 'File', value: 'file', description: 'Upload, list, download and delete files' }, properties: fileDescription },
	{ option: { name: 'Fine-Tuning', value: 'fineTuning', description: 'Create and manage fine-tuning jobs' }, properties: fineTuningDescription },
	{ option: { name: 'Model', value: 'model', description: 'List, describe and delete models' }, properties: modelDescription },
	{ option: { name: 'Assistant', value: 'assistant', description: 'Assistants and their threads (retired by OpenAI, still on compatible servers)' }, properties: assistantDescription },
	{ option: { name: 'Batch', value: 'batch', description: 'Run many requests at half price within 24 hours' }, properties: batchDescription },
	{ option: { name: 'Vector Store', value: 'vectorStore', description: 'Store files for file search and search them' }, properties: vectorStoreDescription },
	{ option: { name: 'API Call', value: 'apiCall', description: 'Call any endpoint with this credential' }, properties: apiCallDescription },
];

/** The resource picker: version 1.1 starts on Chat (also as an AI Agent tool), version 1 on Model. */
export const resourceSelectors: INodeProperties[] = withDefaultFromVersion1_1(
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map((resource) => resource.option),
		default: 'model',
	},
	'chat',
);

export const resourceProperties: INodeProperties[] = RESOURCES.flatMap((resource) => resource.properties);
