import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../shared/fields';
import { checkFields, checkOperation } from './check';

export const provenanceDescription: INodeProperties[] = [operationSelector('provenance', [checkOperation], 'check'), ...checkFields];
