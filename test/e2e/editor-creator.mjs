// Editor checks of issue 16, in Chromium against `n8n start`: what a new user meets in the node creator, in a
// newly added node (version 1.1) and in the AI Agent's tools panel. Screenshots go to test-results/e2e-editor-*.png.

/** The chat actions as the creator should list them: in the order they read. */
export const CHAT_ACTIONS = [
	'Analyze an image',
	'Call functions',
	'Complete a chat',
	'Edit a text',
	'Extract data from a text',
	'Message a model',
	'Respond with function results',
	'Translate an entry',
];

/** Search words users type, each of which must find the node (the codex aliases). */
export const ALIASES = ['transcribe', 'tts', 'whisper', 'dall-e', 'embedding', 'vector store', 'fine-tune', 'moderation', 'sora', 'batch'];

/** Models of the mock that a chat model list must not offer (scripts/mock-openai.mjs MOCK_MODELS). */
const NOT_CHAT = ['dall-e-2', 'dall-e-3', 'gpt-image-1', 'tts-1', 'gpt-4o-mini-tts', 'whisper-1', 'gpt-4o-transcribe', 'text-embedding-3-small', 'text-embedding-3-large', 'omni-moderation-latest', 'gpt-3.5-turbo-instruct'];

/** A new workflow with a manual trigger, the node creator closed. */
export async function newWorkflowWithTrigger(page, server) {
	await page.goto(`${server.url}/workflow/new`);
	await page.getByTestId('canvas-add-button').click();
	await page.keyboard.type('manual');
	await page.getByText('Trigger manually', { exact: false }).first().waitFor().catch(() => {});
	await page.keyboard.press('Enter');
	await page.getByTestId('canvas-trigger-node').waitFor();
	await page.keyboard.press('Escape');
}

async function searchCreator(page, text) {
	const input = page.locator('input[data-test-id="node-creator-search-bar"], [data-test-id="node-creator-search-bar"] input').first();
	await input.fill('');
	await input.fill(text);
}

/** Back to the canvas, when the node details view is open. */
async function closeNdv(page) {
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor({ timeout: 3000 }).catch(() => {});
	if (!(await ndv.isVisible())) return;
	const close = page.locator('[data-test-id="ndv-close-button"]:visible, [data-test-id="ndv-close-modal"]:visible').first();
	if (await close.count()) await close.click();
	else await page.keyboard.press('Escape');
	await ndv.waitFor({ state: 'hidden' });
}

const ourEntry = (page) => page.getByTestId('node-creator-item-name').filter({ hasText: /^\s*OpenAI Platform\s*$/ }).first();

export async function checkCreatorAndDefaults({ page, server, step, expect, shot }) {
	const opened = await step('editor: open the node creator on a new workflow', async () => {
		await newWorkflowWithTrigger(page, server);
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').waitFor();
	});
	if (!opened) return;

	await step(`editor: a search by alias finds the node (${ALIASES.join(', ')})`, async () => {
		const missed = [];
		for (const alias of ALIASES) {
			await searchCreator(page, alias);
			try {
				await ourEntry(page).waitFor({ timeout: 5000 });
			} catch {
				missed.push(alias);
			}
			if (alias === 'transcribe') await shot('creator-search-transcribe');
		}
		expect(!missed.length, `no "OpenAI Platform" for: ${missed.join(', ')} (screenshot test-results/e2e-editor-creator-search-transcribe.png)`);
		return 'screenshot test-results/e2e-editor-creator-search-transcribe.png';
	});

	const listed = await step('editor: the creator lists the chat actions in the order they read', async () => {
		await searchCreator(page, 'OpenAI Platform');
		await ourEntry(page).click();
		await page.getByText('Message a model', { exact: true }).first().waitFor();
		// Every label of the actions panel, top to bottom (resource headers and actions).
		const labels = (await page.locator('[data-test-id="node-creator-action-item"]:visible, [data-test-id="node-creator-item-name"]:visible').allTextContents()).map((text) => text.trim());
		const actions = labels.filter(Boolean);
		await shot('creator-actions');
		const chat = actions.filter((action) => CHAT_ACTIONS.includes(action));
		const html = chat.length ? '' : await page.getByTestId('node-creator-action-item').first().evaluate((el) => el.outerHTML.slice(0, 800)).catch(() => '');
		expect(JSON.stringify(chat) === JSON.stringify(CHAT_ACTIONS), `chat actions as listed: ${chat.join(' | ')}\nall: ${actions.join(' | ')}\n${html}`);
		return `${actions.length} actions; chat: ${chat.join(', ')}; screenshot test-results/e2e-editor-creator-actions.png`;
	});
	if (!listed) return;

	const added = await step('editor: "Message a model" adds a version 1.1 node on Chat › Message with gpt-4.1-mini preselected', async () => {
		await page.getByText('Message a model', { exact: true }).first().click();
		await page.getByTestId('ndv').waitFor();
		const resource = await page.getByTestId('parameter-input-resource').locator('input').inputValue();
		const operation = await page.getByTestId('parameter-input-operation').locator('input').inputValue();
		const model = await page.getByTestId('resource-locator-model').getByTestId('rlc-input').inputValue();
		await shot('message-a-model');
		expect(resource === 'Chat' && operation === 'Message' && model === 'gpt-4.1-mini', `resource "${resource}", operation "${operation}", model "${model}"`);
		return 'screenshot test-results/e2e-editor-message-a-model.png';
	});
	if (!added) return;

	await step('editor: the chat model list offers chat models only', async () => {
		// The list loads from the server after the dropdown opens; on a loaded machine the first click can land while
		// the panel still settles, so the dropdown is opened again rather than failing on one slow or lost click.
		for (let attempt = 1; ; attempt++) {
			await page.getByTestId('resource-locator-model').getByTestId('rlc-input').click();
			try {
				await page.getByTestId('rlc-item').first().waitFor({ timeout: 30_000 });
				break;
			} catch (error) {
				if (attempt >= 3) throw error;
				await page.keyboard.press('Escape');
			}
		}
		const shown = (await page.getByTestId('rlc-item').allInnerTexts()).map((text) => text.trim());
		await shot('chat-model-list');
		await page.keyboard.press('Escape');
		const wrong = shown.filter((model) => NOT_CHAT.includes(model));
		expect(!wrong.length && ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1-mini', 'o4-mini'].every((model) => shown.includes(model)), `shown: ${shown.join(', ')}`);
		return `${shown.join(', ')}; screenshot test-results/e2e-editor-chat-model-list.png`;
	});

	await step('editor: the canvas subtitle shows display names ("Message: Chat")', async () => {
		await closeNdv(page);
		const node = page.getByTestId('canvas-node').filter({ hasText: 'Message a model' });
		await node.first().waitFor();
		const text = await node.first().innerText();
		await shot('canvas-subtitle');
		expect(text.includes('Message: Chat') && !text.includes('prompt: chat'), `canvas node text: ${JSON.stringify(text)}`);
		return `canvas node: ${text.replace(/\s+/g, ' ')}; screenshot test-results/e2e-editor-canvas-subtitle.png`;
	});

	await step('editor: OpenAI Platform Tool arrives in an AI Agent as Chat › Message, its prompt filled by the agent', async () => {
		await page.getByTestId('node-creator-plus-button').click();
		await searchCreator(page, 'AI Agent');
		await page.getByTestId('node-creator-item-name').filter({ hasText: /^\s*AI Agent\s*$/ }).first().click();
		await closeNdv(page);
		const agent = page.getByTestId('canvas-node').filter({ hasText: 'AI Agent' }).first();
		await agent.waitFor();
		// The "+" under the agent's Tool input opens the tools panel.
		const toolHandle = page.locator('[data-test-id="canvas-node-input-handle"][data-connection-type="ai_tool"][data-node-name="AI Agent"]').first();
		await toolHandle.waitFor();
		const plus = toolHandle.locator('[data-test-id="canvas-handle-plus"], [class*="plus"]').first();
		if (await plus.count()) await plus.click();
		else await toolHandle.click();
		await shot('agent-tools-panel');
		await searchCreator(page, 'OpenAI Platform');
		await page.getByTestId('node-creator-item-name').filter({ hasText: /OpenAI Platform Tool/ }).first().click();
		await page.getByTestId('ndv').waitFor();
		const resource = await page.getByTestId('parameter-input-resource').locator('input').inputValue();
		const operation = await page.getByTestId('parameter-input-operation').locator('input').inputValue();
		const ndvText = await page.getByTestId('ndv').innerText();
		await shot('agent-tool');
		expect(resource === 'Chat' && operation === 'Message', `resource "${resource}", operation "${operation}"`);
		expect(/Defined automatically by the model/i.test(ndvText), `the prompt is not filled by the model:\n${ndvText.slice(0, 1500)}`);
		return 'screenshot test-results/e2e-editor-agent-tool.png';
	});
}
