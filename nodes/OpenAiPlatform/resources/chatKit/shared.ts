import type { INodeProperties } from 'n8n-workflow';

import { collectionField, orderField } from '../../shared/fields';
import { idField } from '../../shared/ids';
import type { OperationSpec } from '../../shared/operation';
import { defineOperation } from '../../shared/operation';

/** ChatKit is in beta: every request says which beta it speaks, as OpenAI's SDKs do. */
const CHATKIT_BETA = { 'OpenAI-Beta': 'chatkit_beta=v1' };

/** An operation of this resource (`defineOperation` scoped to chatKit, with the beta header). */
export const chatKitOperation = (spec: OperationSpec) => defineOperation('chatKit', { ...spec, headers: { ...CHATKIT_BETA, ...spec.headers } });

export const threadIdField = (description: string): INodeProperties => idField({ name: 'threadId', displayName: 'Thread ID', placeholder: 'e.g. cthr_123', description });

export const THREAD_IDS = { threadId: 'Thread ID' };

/** The newest-first or oldest-first order of a ChatKit list. */
export const orderOptions = collectionField([orderField()]);
