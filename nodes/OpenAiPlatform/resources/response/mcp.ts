/**
 * Remote MCP servers for response.create: the "MCP Servers" field, the tools it becomes, the
 * approval responses a user sends back, and the redaction of the headers the reply echoes.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { ResponseInputItem, Tool } from 'openai/resources/responses/responses';

import { fail, isPlainObject, optionalJsonObject, splitList } from '../../shared/validation';

type McpTool = Extract<Tool, { type: 'mcp' }>;

interface McpServerEntry {
	serverLabel?: string;
	serverUrl?: string;
	connectorId?: string;
	authorization?: string;
	headers?: unknown;
	allowedTools?: unknown;
	requireApproval?: 'always' | 'never' | 'perTool';
	toolsNeedingApproval?: unknown;
	serverDescription?: string;
}

const SERVER_LABEL = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** The connectors OpenAI hosts (spec 2.3.0), in place of a server URL. */
const CONNECTORS = ['dropbox', 'gmail', 'googlecalendar', 'googledrive', 'microsoftteams', 'outlookcalendar', 'outlookemail', 'sharepoint'];

export const mcpServersField: INodeProperties = {
	displayName: 'MCP Servers',
	name: 'mcpServers',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add MCP Server',
	default: {},
	description: 'Remote MCP servers or OpenAI connectors whose tools the model may call. Calls that need approval come out as approval requests; answer them with Input Type "MCP Approvals".',
	options: [
		{
			name: 'server',
			displayName: 'Server',
			values: [
				{ displayName: 'Allowed Tools', name: 'allowedTools', type: 'string', default: '', placeholder: 'e.g. search, fetch', description: 'Only these tools of the server, separated by commas. Empty allows all.' },
				{
					displayName: 'Authorization',
					name: 'authorization',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: 'An OAuth access token for the server or connector. Never shown in the output.',
				},
				{
					displayName: 'Connector',
					name: 'connectorId',
					type: 'options',
					default: '',
					description: 'An OpenAI connector instead of a server URL',
					options: [{ name: 'None (Use Server URL)', value: '' }, ...CONNECTORS.map((name) => ({ name: `connector_${name}`, value: `connector_${name}` }))],
				},
				{
					displayName: 'Headers (JSON)',
					name: 'headers',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					placeholder: '{"X-Api-Key": "..."}',
					description: 'HTTP headers sent to the server, as a JSON object of strings (e.g. an API key). Never shown in the output.',
				},
				{
					displayName: 'Require Approval',
					name: 'requireApproval',
					type: 'options',
					default: 'always',
					options: [
						{ name: 'Always', value: 'always', description: 'Every call waits for your approval' },
						{ name: 'Never', value: 'never', description: 'Calls run without approval' },
						{ name: 'Per Tool', value: 'perTool', description: 'Only the tools listed in Tools Needing Approval wait for it' },
					],
				},
				{ displayName: 'Server Description', name: 'serverDescription', type: 'string', default: '', description: 'What the server offers, to help the model use it' },
				{ displayName: 'Server Label', name: 'serverLabel', type: 'string', default: '', placeholder: 'e.g. deepwiki', description: 'A name for the server, used in tool calls: a letter, then letters, digits, underscores or dashes' },
				{ displayName: 'Server URL', name: 'serverUrl', type: 'string', default: '', placeholder: 'e.g. https://mcp.deepwiki.com/mcp', description: 'The MCP server (HTTPS). Leave empty when a connector is chosen.' },
				{ displayName: 'Tools Needing Approval', name: 'toolsNeedingApproval', type: 'string', default: '', placeholder: 'e.g. send_email', description: 'With Require Approval "Per Tool": the tools that wait for approval, separated by commas; the others run without' },
			],
		},
	],
};

function headersOf(context: IExecuteSingleFunctions, label: string, raw: unknown): Record<string, string> | undefined {
	const headers = optionalJsonObject(context, `MCP Servers: headers of "${label}"`, raw);
	if (!headers) return undefined;
	for (const [name, value] of Object.entries(headers)) {
		if (typeof value !== 'string') fail(context, `MCP Servers: header "${name}" of "${label}" must be a string`);
	}
	return headers as Record<string, string>;
}

function mcpToolOf(context: IExecuteSingleFunctions, entry: McpServerEntry, index: number): McpTool {
	const label = String(entry.serverLabel ?? '').trim();
	if (!SERVER_LABEL.test(label)) {
		fail(context, `MCP Servers: "${label}" (server ${index + 1}) is not a valid server label`, 'Start with a letter; use up to 64 letters, digits, underscores or dashes.');
	}
	const url = String(entry.serverUrl ?? '').trim();
	const connector = String(entry.connectorId ?? '').trim();
	if (!url === !connector) fail(context, `MCP Servers: give "${label}" either a Server URL or a Connector, not ${url ? 'both' : 'neither'}`);
	if (url && !/^https?:\/\/[^\s/]+/i.test(url)) fail(context, `MCP Servers: the Server URL of "${label}" is not an http(s) URL`);
	const tool: McpTool = { type: 'mcp', server_label: label, ...(url ? { server_url: url } : { connector_id: connector as McpTool['connector_id'] }) };
	const authorization = String(entry.authorization ?? '').trim();
	if (authorization) tool.authorization = authorization;
	const headers = headersOf(context, label, entry.headers);
	if (headers) tool.headers = headers;
	const allowed = splitList(entry.allowedTools);
	if (allowed.length) tool.allowed_tools = allowed;
	const approval = entry.requireApproval ?? 'always';
	if (approval === 'perTool') {
		const names = splitList(entry.toolsNeedingApproval);
		if (!names.length) fail(context, `MCP Servers: "${label}" asks approval per tool but lists no Tools Needing Approval`);
		tool.require_approval = { always: { tool_names: names } };
	} else {
		tool.require_approval = approval;
	}
	if (entry.serverDescription?.trim()) tool.server_description = entry.serverDescription.trim();
	return tool;
}

/** The MCP tools of the "MCP Servers" field; labels must differ, as calls name their server by it. */
export function mcpToolsOf(context: IExecuteSingleFunctions): McpTool[] {
	const entries = (context.getNodeParameter('mcpServers', {}) as { server?: McpServerEntry[] }).server ?? [];
	const tools = entries.map((entry, index) => mcpToolOf(context, entry, index));
	const labels = new Set<string>();
	for (const tool of tools) {
		if (labels.has(tool.server_label)) fail(context, `MCP Servers: the label "${tool.server_label}" is used twice`);
		labels.add(tool.server_label);
	}
	return tools;
}

export const mcpApprovalsField: INodeProperties = {
	displayName: 'MCP Approvals',
	name: 'mcpApprovals',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Approval',
	default: {},
	description: "Your answers to the previous response's MCP approval requests (its mcpApprovalRequests). Set Previous Response ID in Options.",
	options: [
		{
			name: 'approval',
			displayName: 'Approval',
			values: [
				{ displayName: 'Approval Request ID', name: 'approvalRequestId', type: 'string', default: '', placeholder: 'e.g. mcpr_682d498e3bd4819196a0ce1664f8e77b' },
				{ displayName: 'Approve', name: 'approve', type: 'boolean', default: true, description: 'Whether the call may run' },
				{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Why, shown to the model (optional)' },
			],
		},
	],
};

/** Input type "MCP Approvals": one mcp_approval_response item per answer. */
export function mcpApprovalsInput(context: IExecuteSingleFunctions): ResponseInputItem[] {
	const entries = (context.getNodeParameter('mcpApprovals', {}) as { approval?: Array<{ approvalRequestId?: string; approve?: boolean; reason?: string }> }).approval ?? [];
	if (!entries.length) fail(context, 'MCP Approvals: add at least one approval');
	return entries.map((entry, index) => {
		const id = String(entry.approvalRequestId ?? '').trim();
		if (!id) fail(context, `MCP Approvals: approval ${index + 1} has no Approval Request ID`);
		const reason = String(entry.reason ?? '').trim();
		return { type: 'mcp_approval_response', approval_request_id: id, approve: entry.approve !== false, ...(reason ? { reason } : {}) };
	});
}

/** A reply's `tools` without the MCP headers and authorization a server may echo: they hold the user's secrets. */
export function withoutMcpSecrets(reply: IDataObject): IDataObject {
	if (!Array.isArray(reply.tools)) return reply;
	const tools = (reply.tools as unknown[]).map((tool) => {
		if (!isPlainObject(tool) || tool.type !== 'mcp') return tool;
		const { headers, authorization, ...rest } = tool;
		return { ...rest, ...(headers ? { headers: '[hidden]' } : {}), ...(authorization ? { authorization: '[hidden]' } : {}) };
	});
	return { ...reply, tools } as IDataObject;
}
