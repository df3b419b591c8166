import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, withDefaultFromVersion1_1 } from '../../shared/fields';
import { analyzeImageFields, analyzeImageOperation } from './analyzeImage';
import { callFunctionsFields, callFunctionsOperation } from './callFunctions';
import { completeFields, completeOperation } from './complete';
import { editFields, editOperation } from './edit';
import { extractDataFields, extractDataOperation } from './extractData';
import { promptFields, promptOperation } from './prompt';
import { respondToFunctionsFields, respondToFunctionsOperation } from './respondToFunctions';
import { translateFields, translateOperation } from './translate';

export const chatDescription: INodeProperties[] = [
	// Version 1.1 starts on "Message a model", the one most users (and AI agents) want.
	...withDefaultFromVersion1_1(operationSelector(
		'chat',
		[
			completeOperation,
			promptOperation,
			editOperation,
			analyzeImageOperation,
			extractDataOperation,
			callFunctionsOperation,
			respondToFunctionsOperation,
			translateOperation,
		],
		'complete',
	), 'prompt'),
	...completeFields,
	...promptFields,
	...editFields,
	...analyzeImageFields,
	...extractDataFields,
	...callFunctionsFields,
	...respondToFunctionsFields,
	...translateFields,
];
