import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { generateSpeechFields, generateSpeechOperation } from './generateSpeech';
import { transcribeFields, transcribeOperation } from './transcribe';
import { translateFields, translateOperation } from './translate';

export const audioDescription: INodeProperties[] = [
	operationSelector('audio', [generateSpeechOperation, transcribeOperation, translateOperation], 'transcribe'),
	...generateSpeechFields,
	...transcribeFields,
	...translateFields,
];
