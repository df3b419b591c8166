// The AI sub-nodes in the editor (issue 17): the node creator lists them, and an AI Agent wired with our chat
// model, our memory and our action node as a tool runs from the canvas against the mock.
// Screenshot test-results/e2e-editor-ai-agent.png (docs/ai-agent.png in the README is a copy of it).
const CHAT_MODEL = 'OpenAI Platform Chat Model';
const MEMORY = 'OpenAI Conversation Memory';

function agentWorkflow(credential) {
	const credentials = { openAiPlatformApi: credential };
	const node = (id, name, type, position, parameters, extra = {}) => ({ id: `00000000-0000-4000-8000-00000000a00${id}`, name, type, typeVersion: 1, position, parameters, ...extra });
	return {
		name: 'AI Agent with OpenAI Platform',
		nodes: [
			node(1, 'When clicking ‘Execute workflow’', 'n8n-nodes-base.manualTrigger', [0, 0], {}),
			node(2, 'AI Agent', '@n8n/n8n-nodes-langchain.agent', [240, 0], { promptType: 'define', text: 'Which models does my account have?', options: {} }, { typeVersion: 3.1 }),
			node(3, CHAT_MODEL, 'n8n-nodes-openai-platform.openAiPlatformChatModel', [120, 240], { model: { __rl: true, mode: 'list', value: 'gpt-4o-mini' }, api: 'chatCompletions', options: {} }, { credentials }),
			node(4, MEMORY, 'n8n-nodes-openai-platform.openAiConversationMemory', [320, 240], { sessionKey: 'editor-demo', contextWindowLength: 5 }, { credentials }),
			node(5, 'List models', 'n8n-nodes-openai-platform.openAiPlatformTool', [520, 240], { resource: 'model', operation: 'getAll', returnAll: false, limit: 3 }, { credentials }),
		],
		connections: {
			'When clicking ‘Execute workflow’': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			[CHAT_MODEL]: { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			[MEMORY]: { ai_memory: [[{ node: 'AI Agent', type: 'ai_memory', index: 0 }]] },
			'List models': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

export async function checkAiAgentCanvas({ page, server, rest, step, expect, shot, credential, mock }) {
	// Sub-nodes are offered where users look for them: in the node creator opened from the agent's slot.
	await step(`editor: the AI Agent's Chat Model and Memory slots offer "${CHAT_MODEL}" and "${MEMORY}"`, async () => {
		const { nodes, connections } = agentWorkflow(credential);
		const bare = { ...agentWorkflow(credential), name: 'AI Agent, empty slots', nodes: nodes.slice(0, 2), connections: { [nodes[0].name]: connections[nodes[0].name] } };
		const created = await rest.call('POST', '/rest/workflows', bare);
		expect(created.status === 200, `HTTP ${created.status}: ${created.text.slice(0, 300)}`);
		await page.goto(`${server.url}/workflow/${created.json.data.id}`);
		for (const [type, category, name, file] of [
			['ai_languageModel', 'Language Models', CHAT_MODEL, 'ai-chat-model-slot'],
			['ai_memory', 'Memory', MEMORY, 'ai-memory-slot'],
		]) {
			const handle = page.locator(`[data-test-id="canvas-node-input-handle"][data-connection-type="${type}"][data-node-name="AI Agent"]`);
			await handle.hover();
			await handle.getByTestId('canvas-handle-plus').click();
			const creator = page.getByTestId('node-creator');
			// The slot's own list; or, when the editor opens the AI nodes' overview instead, the slot's category in it.
			const entry = creator.getByText(name, { exact: true }).first();
			if (!(await entry.isVisible().catch(() => false))) {
				await creator.getByText(category, { exact: true }).first().click();
			}
			try {
				await entry.waitFor();
			} finally {
				await shot(file);
			}
			await page.keyboard.press('Escape');
		}
		return 'screenshots test-results/e2e-editor-ai-chat-model-slot.png, test-results/e2e-editor-ai-memory-slot.png';
	});

	await step('editor: an AI Agent with our chat model, memory and action node as a tool runs from the canvas', async () => {
		const created = await rest.call('POST', '/rest/workflows', agentWorkflow(credential));
		expect(created.status === 200, `HTTP ${created.status}: ${created.text.slice(0, 300)}`);
		const before = mock.requests.length;
		await page.goto(`${server.url}/workflow/${created.json.data.id}`);
		await page.getByTestId('canvas-node').first().waitFor();
		await page.getByTestId('execute-workflow-button').click();
		await page.getByText('Workflow executed successfully', { exact: false }).first().waitFor({ timeout: 60_000 });
		const chats = mock.requests.slice(before).filter((r) => r.path === '/chat/completions');
		expect(chats.length === 2, `${chats.length} chat requests (expected the tool call, then the answer)`);
		expect(mock.requests.slice(before).some((r) => r.method === 'POST' && r.path.endsWith('/items')), 'the memory saved no turn');
		await page.waitForTimeout(1000);
		await shot('ai-agent');
		return 'screenshot test-results/e2e-editor-ai-agent.png';
	});
}
