// The AI sub-nodes in real n8n (issue 17): n8n's own AI Agent and Basic LLM Chain with our
// "OpenAI Platform Chat Model" and "OpenAI Conversation Memory", run with `n8n execute`.
//
//  - against steady (OpenAI's spec): a chain with the chat model on each API; every request must be valid;
//  - against the mock (scripts/mock-openai.mjs): an agent answers; an agent calls our action node as a tool
//    and answers with its result (Chat Completions and Responses); an agent with our memory keeps the history
//    of one session across two executions, read back from the mock's conversation items.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { startMockOpenAI } from '../../scripts/mock-openai.mjs';
import { CREDENTIAL_TYPE, PACKAGE, ROOT, executeWorkflow, importAll, listJson, stableId } from './lib.mjs';

const OURS = `${PACKAGE.name}.`;
const CHAT_MODEL = 'OpenAI Platform Chat Model';
const MEMORY = 'OpenAI Conversation Memory';
const SESSION = 'e2e-session-1';

/** The AI workflows, every node of this package given the credential. */
function prepare(names, credential) {
	const files = listJson(join(ROOT, 'test', 'e2e', 'ai')).filter((file) => names.includes(basename(file, '.json')));
	return files.map((file) => {
		const workflow = JSON.parse(readFileSync(file, 'utf8'));
		const name = basename(file, '.json');
		workflow.id = stableId(name, 'ai');
		workflow.active = false;
		for (const node of workflow.nodes) {
			if (node.type.startsWith(OURS)) node.credentials = { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } };
		}
		return { name, id: workflow.id, workflow };
	});
}

/** One execution: it succeeded, and nothing failed in any node, sub-nodes included. */
function succeeded(exec, expect) {
	const run = exec.run;
	expect(run, `no JSON output (exit ${exec.code})\n${(exec.stdout + exec.stderr).slice(-2000)}`);
	const error = run.data?.resultData?.error;
	expect(run.status === 'success' && !error, `status ${run.status}: ${error?.message ?? ''} ${error?.description ?? ''}`);
	const runData = run.data.resultData.runData;
	for (const [node, tasks] of Object.entries(runData)) {
		const failed = tasks.find((task) => task.error);
		expect(!failed, `${node} failed: ${failed?.error?.message}`);
	}
	return runData;
}

const mainOutput = (runData, node) => runData[node]?.[0]?.data?.main?.[0] ?? [];

/** The token usage the chat model reported in its ai_languageModel output, as n8n's own chat models do. */
function tokenUsageOf(runData) {
	const tasks = runData[CHAT_MODEL] ?? [];
	return tasks.map((task) => task.data?.ai_languageModel?.[0]?.[0]?.json?.tokenUsage);
}

function checkTokenUsage(runData, expect) {
	const usages = tokenUsageOf(runData);
	expect(usages.length > 0, `${CHAT_MODEL} has no run data`);
	for (const usage of usages) {
		expect(usage && usage.promptTokens > 0 && usage.completionTokens > 0, `no token usage in the model's output: ${JSON.stringify(usage)}`);
		expect(usage.totalTokens === usage.promptTokens + usage.completionTokens, `token usage does not add up: ${JSON.stringify(usage)}`);
	}
	return usages;
}

const agentAnswer = (runData) => String(mainOutput(runData, 'AI Agent')[0]?.json?.output ?? '');

async function execute(n8n, userFolder, prepared, name) {
	const p = prepared.find((entry) => entry.name === name);
	const exec = await executeWorkflow(n8n, userFolder, p.id, { timeoutMs: 180_000 });
	writeFileSync(join(ROOT, 'test-results', 'e2e', `ai-${name}.json`), JSON.stringify(exec.run ?? { stdout: exec.stdout, stderr: exec.stderr }, null, 1));
	return exec;
}

export async function runAiChecks({ n8n, userFolder, steady, step, expect, specViolations, requestsIn, only }) {
	const wanted = (name) => !only || only.includes(name) || only.includes('ai');
	let runs = 0;

	// ------------------------------------------------------------ steady ----
	const steadyCredential = {
		id: 'e2eAiSteadyCrd01',
		name: 'OpenAI Platform (e2e AI, steady)',
		type: CREDENTIAL_TYPE,
		data: { apiKey: 'sk-e2e-not-a-real-key', organizationId: 'org-e2e', projectId: 'proj_e2e', baseUrl: steady.url },
	};
	const againstSpec = prepare(['chain-responses', 'chain-chat-completions'].filter(wanted), steadyCredential);
	if (againstSpec.length && (await step('ai: import the AI workflows for steady', async () => void (await importAll(n8n, userFolder, steadyCredential, againstSpec))))) {
		for (const { name } of againstSpec) {
			const path = name === 'chain-responses' ? '/responses' : '/chat/completions';
			await step(`ai: ${name} › the chat model's POST ${path} is valid against the OpenAPI spec`, async () => {
				const before = steady.output().length;
				const exec = await execute(n8n, userFolder, againstSpec, name);
				runs++;
				const log = steady.output().slice(before);
				const violations = specViolations(log);
				expect(violations.length === 0, violations.join('\n'));
				expect(requestsIn(log) > 0 && log.includes(`POST ${path}`), `no POST ${path} in steady's log:\n${log.slice(-1500)}`);
				const runData = succeeded(exec, expect);
				expect(runData[CHAT_MODEL]?.length, `${CHAT_MODEL} did not run`);
				return `${requestsIn(log)} request(s), 0 violations`;
			});
		}
	}

	// -------------------------------------------------------------- mock ----
	const mockNames = ['agent', 'agent-tool', 'agent-tool-responses', 'agent-memory'].filter(wanted);
	if (!mockNames.length) return runs;
	const mock = await startMockOpenAI({ port: 0, idleSeconds: 300, lifetimeSeconds: 1200 });
	try {
		const mockCredential = {
			id: 'e2eAiMockCrede01',
			name: 'OpenAI Platform (e2e AI, mock)',
			type: CREDENTIAL_TYPE,
			data: { apiKey: 'sk-e2e-not-a-real-key', organizationId: 'org-e2e', projectId: 'proj_e2e', baseUrl: mock.url },
		};
		const prepared = prepare(mockNames, mockCredential);
		if (!(await step('ai: import the AI workflows for the mock', async () => void (await importAll(n8n, userFolder, mockCredential, prepared))))) return runs;
		const sent = (path, since) => mock.requests.slice(since).filter((request) => request.method === 'POST' && request.path === path);

		if (wanted('agent')) {
			await step('ai: agent › the AI Agent answers through the chat model, token usage reported', async () => {
				const since = mock.requests.length;
				const runData = succeeded(await execute(n8n, userFolder, prepared, 'agent'), expect);
				runs++;
				const answer = agentAnswer(runData);
				expect(answer === 'Mock reply to: What is the capital of Portugal?', `agent output: ${answer}`);
				const [request] = sent('/chat/completions', since);
				expect(request?.body.model === 'gpt-4o-mini', `request: ${JSON.stringify(request)}`);
				expect(request.body.messages.some((m) => m.role === 'user' && m.content === 'What is the capital of Portugal?'), `messages: ${JSON.stringify(request.body.messages)}`);
				return `"${answer}", token usage ${JSON.stringify(checkTokenUsage(runData, expect))}`;
			});
		}

		for (const [name, path, resultOf] of [
			['agent-tool', '/chat/completions', (body) => body.messages.find((m) => m.role === 'tool')?.content],
			['agent-tool-responses', '/responses', (body) => body.input.find((item) => item.type === 'function_call_output')?.output],
		]) {
			if (!wanted(name)) continue;
			await step(`ai: ${name} › the agent calls the action node as a tool and answers with its result (POST ${path})`, async () => {
				const since = mock.requests.length;
				const runData = succeeded(await execute(n8n, userFolder, prepared, name), expect);
				runs++;
				const toolRuns = runData['List models tool'] ?? [];
				expect(toolRuns.length === 1, `the tool ran ${toolRuns.length} times`);
				const calls = sent(path, since);
				expect(calls.length === 2, `${calls.length} POST ${path} (expected the tool call, then the answer)`);
				expect(mock.requests.slice(since).some((r) => r.method === 'GET' && r.path === '/models'), 'the tool sent no GET /models');
				const toolResult = String(resultOf(calls[1].body) ?? '');
				expect(toolResult.includes('gpt-'), `the second request carries no tool result with models: ${toolResult.slice(0, 300)}`);
				const answer = agentAnswer(runData);
				expect(answer.startsWith('Mock answer using the tool result:'), `agent output: ${answer}`);
				checkTokenUsage(runData, expect);
				return `"${answer.slice(0, 80)}"`;
			});
		}

		if (wanted('agent-memory')) {
			await step(`ai: agent-memory › two executions of session "${SESSION}" share one OpenAI conversation`, async () => {
				const since = mock.requests.length;
				const first = succeeded(await execute(n8n, userFolder, prepared, 'agent-memory'), expect);
				const second = succeeded(await execute(n8n, userFolder, prepared, 'agent-memory'), expect);
				runs += 2;
				const sessions = [...mock.conversations.values()].filter((c) => c.metadata?.session === SESSION);
				expect(sessions.length === 1, `${sessions.length} conversations with metadata session=${SESSION} (expected 1, created by the first run, found again by the second)`);
				const [conversation] = sessions;
				const items = conversation.items.map((item) => `${item.role}: ${item.content.map((part) => part.text).join('')}`);
				expect(items.length === 4, `conversation items:\n${items.join('\n')}`);
				const [firstPrompt, secondPrompt] = [first, second].map((runData) => String(runData.Start ? mainOutput(runData, 'AI Agent')[0]?.json?.output ?? '' : ''));
				expect(items[0].startsWith('user: My lucky number is') && items[1] === `assistant: ${firstPrompt}`, `first turn: ${items.slice(0, 2).join(' | ')}`);
				expect(items[2].startsWith('user: My lucky number is') && items[3] === `assistant: ${secondPrompt}`, `second turn: ${items.slice(2).join(' | ')}`);
				// The second run's model request carried the first turn, read back from the conversation.
				const chats = sent('/chat/completions', since);
				const history = chats.at(-1)?.body.messages.map((m) => `${m.role}: ${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`) ?? [];
				expect(history.includes(items[0]) && history.includes(items[1]), `the second request's messages lack the first turn:\n${history.join('\n')}`);
				expect(mock.requests.slice(since).filter((r) => r.method === 'POST' && r.path === '/conversations').length === 1, 'a second conversation was created');
				return `${conversation.id}: ${items.length} items`;
			});
		}
	} finally {
		await mock.close();
	}
	return runs;
}
