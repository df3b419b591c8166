// An AI Agent in real n8n that uses this node as its tool (issue 16): n8n's own AI Agent and OpenAI Chat Model
// sub-node (credential openAiApi, Base URL at the local mock), and "OpenAI Platform Tool" at version 1.1 with no
// parameter set, so its defaults are what is tested: Chat > Message a model, the preselected model, and the prompt
// filled by the agent through $fromAI. The mock (scripts/mock-openai.mjs) first answers the agent with a call to
// the tool, then, once the tool's result is in the conversation, with a final answer built from it.
import { join } from 'node:path';

import { startMockOpenAI } from '../../scripts/mock-openai.mjs';
import { CREDENTIAL_TYPE, NODE_TYPE, ROOT, executeWorkflow, importAll, prepareWorkflows } from './lib.mjs';

export const AGENT_WORKFLOW = join(ROOT, 'test', 'e2e', 'agent', 'agent-tool.json');

export async function runAgentToolCheck({ n8n, userFolder, step, expect }) {
	const mock = await startMockOpenAI({ port: 0, idleSeconds: 300, lifetimeSeconds: 900 });
	try {
		const ours = { id: 'e2eAgentPlatform', name: 'OpenAI Platform (agent mock)', type: CREDENTIAL_TYPE, data: { apiKey: 'sk-e2e-not-a-real-key', baseUrl: mock.url } };
		const openAiApi = { id: 'e2eOpenAiApiMock', name: 'OpenAI (e2e mock)', type: 'openAiApi', data: { apiKey: 'sk-e2e-not-a-real-key', url: mock.url } };
		const [prepared] = prepareWorkflows([AGENT_WORKFLOW], ours, 'agt');
		for (const node of prepared.workflow.nodes) {
			if (node.type === `${NODE_TYPE}Tool`) node.credentials = { [CREDENTIAL_TYPE]: { id: ours.id, name: ours.name } };
		}
		const imported = await step('agent: import the AI Agent workflow and its two credentials (ours, openAiApi)', async () => {
			await importAll(n8n, userFolder, [ours, openAiApi], [prepared]);
		});
		if (!imported) return;
		let exec;
		await step('agent: n8n execute runs the AI Agent workflow', async () => {
			exec = await executeWorkflow(n8n, userFolder, prepared.id, { timeoutMs: 180_000 });
			const error = exec.run?.data?.resultData?.error;
			expect(exec.run && exec.run.status === 'success' && !error, `status ${exec.run?.status}: ${error?.message ?? ''} ${error?.description ?? ''}\n${(exec.stdout + exec.stderr).slice(-1500)}`);
		});
		if (!exec?.run) return;
		const runData = exec.run.data?.resultData?.runData ?? {};
		await step('agent: the agent called "OpenAI Platform" as its tool, with the prompt it chose, on the preselected model', () => {
			const tool = runData['OpenAI Platform']?.[0];
			expect(tool && !tool.error, `the tool did not run: ${JSON.stringify(tool?.error ?? Object.keys(runData))}`);
			const output = JSON.stringify(tool.data);
			expect(output.includes('Mock reply to: Ask the OpenAI Platform tool for a haiku about automation'), `tool output: ${output.slice(0, 600)}`);
			const chats = mock.requests.filter((r) => r.path === '/chat/completions');
			const ours = chats.find((r) => r.model === 'gpt-4.1-mini' && r.tools.length === 0);
			expect(ours, `no chat request with the preselected gpt-4.1-mini: ${JSON.stringify(chats)}`);
			return `tool output: ${output.slice(0, 200)}`;
		});
		await step('agent: the agent answers with the tool\'s result', () => {
			const agent = runData['AI Agent']?.[0];
			const answer = agent?.data?.main?.[0]?.[0]?.json?.output;
			expect(typeof answer === 'string' && answer.startsWith('Mock answer using the tool result:') && answer.includes('Mock reply to: Ask the OpenAI Platform tool'), `agent output: ${JSON.stringify(agent?.data ?? agent?.error).slice(0, 600)}`);
			return `agent output: ${answer}`;
		});
	} finally {
		await mock.close();
	}
}
