import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../shared/operation';
import { getAuditLogsFields, getAuditLogsOperation } from './getAuditLogs';
import { getCostsFields, getCostsOperation } from './getCosts';
import { getProjectsFields, getProjectsOperation } from './getProjects';
import { getUsageFields, getUsageOperation } from './getUsage';

const OPERATIONS = [
	[getCostsOperation, getCostsFields],
	[getUsageOperation, getUsageFields],
	[getAuditLogsOperation, getAuditLogsFields],
	[getProjectsOperation, getProjectsFields],
] as const;

export const organizationDescription: INodeProperties[] = resourceDescription('organization', 'getCosts', OPERATIONS);
