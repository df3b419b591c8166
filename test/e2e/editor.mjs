// The editor in a real browser: Debian's Chromium driven by playwright-core
// against a running `n8n start`, with the deterministic mock OpenAI server
// (scripts/mock-openai.mjs) behind the credential so the model list is known.
// Screenshots go to test-results/e2e-editor-*.png.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MOCK_MODELS, startMockOpenAI } from '../../scripts/mock-openai.mjs';
import { checkCreatorAndDefaults, newWorkflowWithTrigger } from './editor-creator.mjs';
import { CHROMIUM, CHROMIUM_ARGS, CREDENTIAL_TYPE, NODE_TYPE, OWNER, ROOT, loadPlaywright } from './lib.mjs';

const SHOTS = join(ROOT, 'test-results');

export async function runEditorChecks({ server, rest, step, expect, skip }) {
	mkdirSync(SHOTS, { recursive: true });
	if (!existsSync(CHROMIUM)) {
		await step(`editor: Chromium at ${CHROMIUM}`, () => {
			throw new Error('not installed: apt-get install -y chromium chromium-driver (or set CHROMIUM_PATH)');
		});
		return;
	}
	const mock = await startMockOpenAI({ port: 0, idleSeconds: 600, lifetimeSeconds: 1200 });
	const { chromium, selectors } = await loadPlaywright();
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(join(tmpdir(), 'oap-e2e-chromium-'));
	let context;
	let credential;
	try {
		// One credential of our type, pointing at the mock: the editor then picks it by itself.
		const ok = await step('editor: credential pointing at the mock server created through REST', async () => {
			const list = await rest.call('GET', '/rest/credentials');
			for (const c of list.json?.data ?? []) {
				if (c.type === CREDENTIAL_TYPE) await rest.call('DELETE', `/rest/credentials/${c.id}`);
			}
			const r = await rest.call('POST', '/rest/credentials', {
				name: 'OpenAI Platform (mock)',
				type: CREDENTIAL_TYPE,
				data: { apiKey: 'sk-mock-not-a-real-key', baseUrl: mock.url },
			});
			expect(r.status === 200, `HTTP ${r.status}: ${r.text.slice(0, 300)}`);
			credential = { id: r.json.data.id, name: r.json.data.name };
		});
		if (!ok) return;

		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: { width: 1440, height: 900 },
		});
		context.setDefaultTimeout(20_000);
		const page = context.pages()[0] ?? (await context.newPage());
		const consoleErrors = [];
		page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
		const shot = (name) => page.screenshot({ path: join(SHOTS, `e2e-editor-${name}.png`) });

		const signedIn = await step('editor: sign in as the owner', async () => {
			await page.goto(`${server.url}/signin`);
			await page.fill('input[name=emailOrLdapLoginId]', OWNER.email);
			await page.fill('input[name=password]', OWNER.password);
			await page.keyboard.press('Enter');
			await page.waitForURL((u) => !u.pathname.includes('signin'));
		});
		if (!signedIn) return;

		const added = await step('editor: add "OpenAI Platform" from the node creator (action "Get many models")', async () => {
			await newWorkflowWithTrigger(page, server);
			await page.getByTestId('node-creator-plus-button').click();
			await page.keyboard.type('OpenAI Platform');
			const entry = page.getByText('OpenAI Platform', { exact: true });
			try {
				await entry.waitFor({ timeout: 5000 });
			} catch {
				await shot('node-creator');
				throw new Error(
					'the node creator does not list "OpenAI Platform" (it is served in /types/nodes.json). ' +
						'Check the codex: an "AI" subcategory list without "Root Nodes" hides a node from the creator. ' +
						'Screenshot: test-results/e2e-editor-node-creator.png',
				);
			}
			await shot('node-creator');
			await entry.click();
			await page.getByText('Get many models', { exact: true }).waitFor();
			await shot('node-creator-actions');
			await page.getByText('Get many models', { exact: true }).click();
			await page.getByTestId('ndv').waitFor();
			const resource = await page.getByTestId('parameter-input-resource').locator('input').inputValue();
			const operation = await page.getByTestId('parameter-input-operation').locator('input').inputValue();
			expect(resource === 'Model' && operation === 'Get Many', `resource "${resource}", operation "${operation}"`);
			const credential = await page.getByTestId('node-credentials-select').locator('input').inputValue();
			expect(credential === 'OpenAI Platform (mock)', `credential "${credential}" was not picked by itself`);
			return 'screenshots test-results/e2e-editor-node-creator.png, test-results/e2e-editor-node-creator-actions.png';
		});
		if (!added) return;

		await step('editor: pick operation "Get" in the operation dropdown', async () => {
			await page.getByTestId('parameter-input-operation').click();
			await page.locator('.el-select-dropdown__item:visible').filter({ has: page.getByText('Get', { exact: true }) }).click();
			await page.getByTestId('resource-locator-model').waitFor();
			const operation = await page.getByTestId('parameter-input-operation').locator('input').inputValue();
			expect(operation === 'Get', `operation "${operation}"`);
		});

		await step('editor: model "From list" shows the models of the local server, and searches them', async () => {
			await page.getByTestId('rlc-input').click();
			await page.getByTestId('rlc-item').first().waitFor();
			const shown = (await page.getByTestId('rlc-item').allInnerTexts()).map((t) => t.trim());
			await shot('model-list');
			for (const model of ['gpt-4o-mini', 'dall-e-3', 'ft:gpt-4o-mini-2024-07-18:acme::demo123']) {
				expect(shown.includes(model), `"${model}" not in the list: ${shown.join(', ')}`);
			}
			expect(shown.every((m) => MOCK_MODELS.includes(m)), `unexpected entries: ${shown.join(', ')}`);
			await page.getByTestId('rlc-search').fill('embedding');
			await page.waitForFunction(
				() => {
					const items = [...document.querySelectorAll('[data-test-id="rlc-item"]')];
					return items.length > 0 && items.every((el) => el.textContent.includes('embedding'));
				},
			);
			const filtered = (await page.getByTestId('rlc-item').allInnerTexts()).map((t) => t.trim());
			expect(
				filtered.length === 2 && filtered.every((m) => m.includes('embedding')),
				`search "embedding" shows: ${filtered.join(', ')}`,
			);
			await page.getByTestId('rlc-search').fill('');
			return `${shown.length} models shown; screenshot test-results/e2e-editor-model-list.png`;
		});

		await step('editor: run the node from the editor and see its output', async () => {
			await page.getByTestId('rlc-search').fill('gpt-4o-mini');
			await page.getByTestId('rlc-item').filter({ hasText: /^\s*gpt-4o-mini\s*$/ }).click();
			await page.getByTestId('node-execute-button').click();
			const output = page.getByTestId('output-panel');
			await output.getByText('owned_by', { exact: false }).first().waitFor();
			await output.getByText('gpt-4o-mini', { exact: false }).first().waitFor();
			await shot('model-get-output');
			return 'screenshot test-results/e2e-editor-model-get-output.png';
		});

		// Image operations: the fields shown must follow the chosen model.
		const types = (await rest.call('GET', '/types/nodes.json')).json ?? [];
		const node = types.find((n) => n.name === NODE_TYPE);
		const resource = node?.properties.find((p) => p.name === 'resource');
		if (!resource?.options?.some((o) => o.value === 'image')) {
			skip('editor: image operation shows only the fields of the chosen model', 'the node has no image resource yet');
		} else {
			const { checkImageFields } = await import('./editor-image.mjs');
			await checkImageFields({ page, server, step, expect, shot, node });
		}

		const { checkAiAgentCanvas } = await import('./editor-ai.mjs');
		await checkAiAgentCanvas({ page, server, rest, step, expect, shot, credential, mock });
		// Issue 16: the node creator, version 1.1's defaults, the subtitle, the model lists, the AI Agent tool.
		await checkCreatorAndDefaults({ page, server, step, expect, shot });

		await step('editor: no errors about the node in the browser console', () => {
			const ours = consoleErrors.filter((e) => /openAiPlatform|openai-platform/i.test(e));
			expect(!ours.length, ours.join('\n'));
		});
	} finally {
		await context?.close().catch(() => {});
		await mock.close();
		rmSync(profile, { recursive: true, force: true });
	}
}
