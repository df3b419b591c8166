/**
 * Creating things must not create them twice. The server here behaves like OpenAI: it keeps the
 * Idempotency-Key of every create and answers a repeat with the object it already made. Each
 * scenario loses the first reply in a different way; every input must end with exactly one object.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { ok, openAiError, startFaultServer } from '../support/faultServer';

interface Fixture {
	parameters: IDataObject;
	items?: Parameters<typeof singleNodeWorkflow>[1];
}

function fixture(name: string): Fixture {
	return JSON.parse(readFileSync(path.join(__dirname, '..', 'contract', 'fixtures', `${name}.json`), 'utf8')) as Fixture;
}

/** Creates and the fixture that drives each; the reply is what the server sends for a made object. */
const CREATES: Array<{ name: string; fixture: string; isCreate: (request: ReceivedRequest) => boolean; reply: (id: string) => IDataObject }> = [
	{
		name: 'assistant.create',
		fixture: 'assistant.create',
		isCreate: (r) => r.method === 'POST' && r.path === '/v1/assistants',
		reply: (id) => ({ id, object: 'assistant', created_at: 1, model: 'gpt-4.1-mini', tools: [], name: null, description: null, instructions: null, metadata: {} }),
	},
];

/** How the first attempt's reply is lost, after the server already made the object. */
const SCENARIOS: Array<{ name: string; firstReply: FaultAction | 'created-then-reset' | 'created-then-500' }> = [
	{ name: '429 before creating', firstReply: openAiError(429, 'Rate limit reached', { code: 'rate_limit_exceeded' }, { 'retry-after-ms': '10' }) },
	{ name: '503 before creating', firstReply: openAiError(503, 'Overloaded') },
	{ name: 'created, then the connection was reset', firstReply: 'created-then-reset' },
	{ name: 'created, then a 500', firstReply: 'created-then-500' },
];

let server: FaultServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

const summary: string[] = [];
afterAll(() => console.log(`idempotency: ${summary.length} create x scenario runs\n${summary.join('\n')}`));

describe.each(CREATES)('$name', (create) => {
	it.each(SCENARIOS)('makes one object per item when $name', async (scenario) => {
		const objects = new Map<string, string>();
		let made = 0;
		const attempts = new Map<string, number>();
		server = await startFaultServer((request) => {
			if (!create.isCreate(request)) return ok({ object: 'list', data: [], has_more: false });
			const key = String(request.headers['idempotency-key'] ?? '');
			const attempt = (attempts.get(key) ?? 0) + 1;
			attempts.set(key, attempt);
			const existing = objects.get(key);
			if (attempt === 1 && typeof scenario.firstReply === 'object') return scenario.firstReply;
			const id = existing ?? `obj_${++made}`;
			if (key) objects.set(key, id);
			if (attempt === 1 && scenario.firstReply === 'created-then-reset') return { reset: true };
			if (attempt === 1 && scenario.firstReply === 'created-then-500') return openAiError(500, 'The server had an error');
			return ok(create.reply(id));
		});
		const { parameters } = fixture(create.fixture);
		const items = [{ json: { n: 0 } }, { json: { n: 1 } }, { json: { n: 2 } }];
		const result = await runWorkflow(singleNodeWorkflow(parameters, items), credentialsFor(server.url));
		const creates = server.requests.filter(create.isCreate);
		summary.push(`| ${create.name} | ${scenario.name} | ${creates.length} requests | ${made} objects for ${items.length} items |`);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')).toHaveLength(items.length);
		expect(creates.every((request) => String(request.headers['idempotency-key'] ?? '').startsWith('n8n-'))).toBe(true);
		expect(made).toBe(items.length);
		expect(new Set(result.output('OpenAI').map((item) => item.json.id)).size).toBe(items.length);
	});
});
