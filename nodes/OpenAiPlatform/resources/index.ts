import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { withDefaultFromVersion1_1 } from '../shared/fields';
import { apiCallDescription } from './apiCall';
import { assistantDescription } from './assistant';
import { audioDescription } from './audio';
import { batchDescription } from './batch';
import { chatDescription } from './chat';
import { completionDescription } from './completion';
import { containerDescription } from './container';
import { conversationDescription } from './conversation';
import { embeddingDescription } from './embedding';
import { fileDescription } from './file';
import { fineTuningDescription } from './fineTuning';
import { imageDescription } from './image';
import { modelDescription } from './model';
import { moderationDescription } from './moderation';
import { provenanceDescription } from './provenance';
import { realtimeDescription } from './realtime';
import { responseDescription } from './response';
import { storedCompletionDescription } from './storedCompletion';
import { vectorStoreDescription } from './vectorStore';
import { videoDescription } from './video';
import { evalDescription } from './eval';
import { voiceDescription } from './voice';
import { skillDescription } from './skill';
import { chatKitDescription } from './chatKit';
import { organizationDescription } from './organization';

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
	{ option: { name: 'Stored Chat Completion', value: 'storedCompletion', description: 'List, read, tag and delete chat completions stored with Store on' }, properties: storedCompletionDescription },
	{ option: { name: 'Container', value: 'container', description: 'Code interpreter containers and their files' }, properties: containerDescription },
	{ option: { name: 'Video', value: 'video', description: 'Generate and remix videos with Sora (deprecated in the spec)' }, properties: videoDescription },
	{ option: { name: 'Realtime', value: 'realtime', description: 'Client secrets for realtime sessions, and SIP call control' }, properties: realtimeDescription },
	{ option: { name: 'Provenance', value: 'provenance', description: 'Check images and audio for OpenAI provenance signals' }, properties: provenanceDescription },
	{ option: { name: 'Eval', value: 'eval', description: 'Evals and their runs: test models against graders' }, properties: evalDescription },
	{ option: { name: 'Voice', value: 'voice', description: 'Custom voices and the consent recordings they need' }, properties: voiceDescription },
	{ option: { name: 'Skill', value: 'skill', description: 'Skills (folders with SKILL.md) and their versions' }, properties: skillDescription },
	{ option: { name: 'ChatKit (Beta)', value: 'chatKit', description: 'ChatKit sessions and threads' }, properties: chatKitDescription },
	{ option: { name: 'Organization', value: 'organization', description: 'Costs, usage, audit logs and projects (needs an admin API key)' }, properties: organizationDescription },
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
