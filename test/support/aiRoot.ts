/**
 * A root node for the AI sub-nodes, standing in for n8n's AI Agent in the jest harness: n8n-core's WorkflowExecute
 * runs it, and its getInputConnectionData calls the connected sub-nodes' supplyData as it does for the agent. What
 * it then does with the model or memory is a step the test registers by name.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeType } from 'n8n-workflow';

import type { WorkflowJson } from '../harness/n8n';
import { CREDENTIAL_TYPE, extraNodeTypes } from '../harness/n8n';

export type AiStep = (context: IExecuteFunctions) => Promise<IDataObject>;

export const aiSteps = new Map<string, AiStep>();

const aiRootNode: INodeType = {
	description: {
		displayName: 'AI Root',
		name: 'aiRoot',
		group: ['transform'],
		version: 1,
		description: 'Runs a registered step with the connected model and memory',
		defaults: { name: 'AI Root' },
		inputs: ['main', { type: 'ai_languageModel', maxConnections: 1 }, { type: 'ai_memory', maxConnections: 1 }],
		outputs: ['main'],
		properties: [{ displayName: 'Step', name: 'step', type: 'string', default: '' }],
	},
	async execute(this: IExecuteFunctions) {
		const step = aiSteps.get(this.getNodeParameter('step', 0) as string);
		if (!step) throw new Error('unknown AI step');
		return [[{ json: await step(this), pairedItem: { item: 0 } }]];
	},
};

extraNodeTypes.set('harness.aiRoot', aiRootNode);

/** A workflow: a fixture, the AI root running `step`, and the given sub-nodes connected to it. */
export function aiWorkflow(step: string, subNodes: Array<{ type: 'chatModel' | 'memory'; parameters: IDataObject; name?: string }>): WorkflowJson {
	const nodes: INode[] = [
		{ id: '1', name: 'Input', type: 'harness.fixture', typeVersion: 1, position: [0, 0], parameters: { items: '[{"json":{}}]' } },
		{ id: '2', name: 'AI Root', type: 'harness.aiRoot', typeVersion: 1, position: [200, 0], parameters: { step } },
	];
	const connections: IDataObject = { Input: { main: [[{ node: 'AI Root', type: 'main', index: 0 }]] } };
	subNodes.forEach(({ type, parameters, name }, index) => {
		const nodeName = name ?? (type === 'chatModel' ? 'Chat Model' : 'Memory');
		const connection = type === 'chatModel' ? 'ai_languageModel' : 'ai_memory';
		nodes.push({
			id: String(3 + index),
			name: nodeName,
			type: `n8n-nodes-openai-platform.${type === 'chatModel' ? 'openAiPlatformChatModel' : 'openAiConversationMemory'}`,
			typeVersion: 1,
			position: [200, 200],
			parameters: parameters as INode['parameters'],
			credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'OpenAI' } },
		});
		connections[nodeName] = { [connection]: [[{ node: 'AI Root', type: connection, index: 0 }]] };
	});
	return { nodes, connections };
}
