import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../shared/operation';
import { createFields, createOperation } from './create';
import { createConsentFields, createConsentOperation } from './createConsent';
import { deleteConsentFields, deleteConsentOperation } from './deleteConsent';
import { getAllConsentsFields, getAllConsentsOperation } from './getAllConsents';
import { getConsentFields, getConsentOperation } from './getConsent';
import { updateConsentFields, updateConsentOperation } from './updateConsent';

const OPERATIONS = [
	[createOperation, createFields],
	[createConsentOperation, createConsentFields],
	[getConsentOperation, getConsentFields],
	[getAllConsentsOperation, getAllConsentsFields],
	[updateConsentOperation, updateConsentFields],
	[deleteConsentOperation, deleteConsentFields],
] as const;

export const voiceDescription: INodeProperties[] = resourceDescription('voice', 'create', OPERATIONS);
