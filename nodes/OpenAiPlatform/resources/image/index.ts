import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { createVariationFields, createVariationOperation } from './createVariation';
import { editFields, editOperation } from './edit';
import { generateFields, generateOperation } from './generate';

export const imageDescription: INodeProperties[] = [
	operationSelector('image', [generateOperation, editOperation, createVariationOperation], 'generate'),
	...generateFields,
	...editFields,
	...createVariationFields,
];
