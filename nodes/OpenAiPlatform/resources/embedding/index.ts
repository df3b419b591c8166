import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { createFields, createOperation } from './create';

export const embeddingDescription: INodeProperties[] = [operationSelector('embedding', [createOperation], 'create'), ...createFields];
