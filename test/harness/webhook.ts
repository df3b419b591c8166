/**
 * Delivers one HTTP request to the OpenAI Platform Trigger through n8n-core's own WebhookContext (and
 * runs its activation checks through HookContext), with the built package loaded as in n8n.ts.
 * What n8n's webhook server does around it (routing, starting the execution) is the e2e suite's part.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CREDENTIAL_TYPE, INSTANCE_URLS, TestCredentialsHelper, loadPackage } from './n8n';

export const TRIGGER_TYPE = 'n8n-nodes-openai-platform.openAiPlatformTrigger';
export const WEBHOOK_CREDENTIAL_TYPE = 'openAiPlatformWebhookApi';

export interface Delivered {
	result: IWebhookResponseData;
	/** What the node wrote to the response itself (undefined: n8n answers, after starting the execution). */
	response?: { status: number; body: unknown };
}

/** The trigger node, with a credential selected for each type the test gives one of (as a user would). */
function triggerNode(parameters: IDataObject, id: string, credentialTypes: string[]): INode {
	const selected: INode['credentials'] = {};
	if (credentialTypes.includes(WEBHOOK_CREDENTIAL_TYPE)) selected[WEBHOOK_CREDENTIAL_TYPE] = { id: 'w', name: 'Webhook' };
	if (credentialTypes.includes(CREDENTIAL_TYPE)) selected[CREDENTIAL_TYPE] = { id: '1', name: 'OpenAI' };
	return {
		id,
		name: 'OpenAI Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: `hook-${id}`,
		parameters: parameters as INode['parameters'],
		credentials: selected,
	};
}

async function setup(parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject>, nodeId: string) {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const node = triggerNode(parameters, nodeId, Object.keys(credentials));
	const workflow = new Workflow({ id: 'trigger-test', nodes: [node], connections: {}, nodeTypes, active: true, settings: {} });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credentialTypes, credentials),
		variables: {},
		...INSTANCE_URLS,
	} as unknown as IWorkflowExecuteAdditionalData;
	const nodeType = nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1) as INodeType;
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: `hook-${nodeId}/webhook`,
		webhookDescription: nodeType.description.webhooks![0],
		workflowId: 'trigger-test',
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
	return { node, workflow, additionalData, nodeType, webhookData };
}

/** Runs the trigger's webhook() on one request (Production URL: mode webhook; Test URL: manual): headers and the raw body bytes as n8n's body parser leaves them. */
export async function deliver(
	parameters: IDataObject,
	request: { headers: Record<string, string>; rawBody?: Buffer },
	credentials: Record<string, ICredentialDataDecryptedObject>,
	nodeId = 'node-1',
	mode: 'webhook' | 'manual' = 'webhook',
): Promise<Delivered> {
	const { node, workflow, additionalData, nodeType, webhookData } = await setup(parameters, credentials, nodeId);
	let response: Delivered['response'];
	const res = {
		statusCode: 200,
		status(code: number) {
			this.statusCode = code;
			return this;
		},
		json(body: unknown) {
			if (response) throw new Error('the node answered twice');
			response = { status: this.statusCode, body };
			return this;
		},
	};
	const req = { headers: request.headers, rawBody: request.rawBody, body: {}, params: {}, query: {} };
	const data = { ...additionalData, httpRequest: req, httpResponse: res } as unknown as IWorkflowExecuteAdditionalData;
	const context = new WebhookContext(workflow, node, data, mode, webhookData, [], null);
	const result = await nodeType.webhook!.call(context);
	return { result, response };
}

/** Runs the trigger's activation lifecycle (checkExists, then create when it says no), as n8n does when a workflow is activated. */
export async function activate(parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject>): Promise<void> {
	const { node, workflow, additionalData, nodeType, webhookData } = await setup(parameters, credentials, 'node-activate');
	const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData);
	const methods = nodeType.webhookMethods!.default!;
	if (!(await methods.checkExists.call(context))) await methods.create.call(context);
}
