import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { createFields, createOperation } from './create';

export const completionDescription: INodeProperties[] = [operationSelector('completion', [createOperation], 'create'), ...createFields];
