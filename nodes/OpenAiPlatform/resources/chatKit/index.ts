import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../shared/operation';
import { cancelSessionFields, cancelSessionOperation } from './cancelSession';
import { createSessionFields, createSessionOperation } from './createSession';
import { deleteThreadFields, deleteThreadOperation } from './deleteThread';
import { getAllThreadItemsFields, getAllThreadItemsOperation } from './getAllThreadItems';
import { getAllThreadsFields, getAllThreadsOperation } from './getAllThreads';
import { getThreadFields, getThreadOperation } from './getThread';

const OPERATIONS = [
	[createSessionOperation, createSessionFields],
	[cancelSessionOperation, cancelSessionFields],
	[getAllThreadsOperation, getAllThreadsFields],
	[getThreadOperation, getThreadFields],
	[deleteThreadOperation, deleteThreadFields],
	[getAllThreadItemsOperation, getAllThreadItemsFields],
] as const;

export const chatKitDescription: INodeProperties[] = resourceDescription('chatKit', 'createSession', OPERATIONS);
