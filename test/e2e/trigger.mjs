// The OpenAI Platform Trigger in real n8n: workflows activated under `n8n start`, signed deliveries
// POSTed to their production webhook URLs, executions counted and read through n8n's REST API.
// Signatures are computed here with node's crypto, as OpenAI computes them (Standard Webhooks).
// Fetch the Object and Results as Items read batches the test creates in scripts/mock-openai.mjs.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { startMockOpenAI } from '../../scripts/mock-openai.mjs';
import { CREDENTIAL_TYPE, PACKAGE, ROOT } from './lib.mjs';

export const TRIGGER_TYPE = `${PACKAGE.name}.openAiPlatformTrigger`;
export const WEBHOOK_CREDENTIAL_TYPE = 'openAiPlatformWebhookApi';
/** The example the suite activates: the trigger on batch.completed with Results as Items. */
export const TRIGGER_EXAMPLE = 'batch-results-trigger';

/** Whether a workflow starts with our trigger (it runs on deliveries, not with `n8n execute`). */
export const startsWithTrigger = (workflow) => workflow.nodes.some((node) => node.type === TRIGGER_TYPE);

const KEY = randomBytes(32);
const SECRET = `whsec_${KEY.toString('base64')}`;
const now = () => Math.floor(Date.now() / 1000);

/** A delivery as OpenAI sends one: `rawBody` signed over `${id}.${timestamp}.${rawBody}`. */
function signed(rawBody, { key = KEY, id = `wh_${randomUUID()}`, timestamp = now() } = {}) {
	const bytes = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody);
	const signature = createHmac('sha256', key).update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), bytes])).digest('base64');
	return {
		body: bytes,
		headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` },
	};
}

const eventBody = (type, data, id = `evt_${randomUUID().replace(/-/g, '')}`) => JSON.stringify({ id, object: 'event', created_at: now(), type, data });

export async function runTriggerChecks({ n8n, server, rest, step, expect }) {
	const { parse } = createRequire(join(n8n.n8nDir, 'package.json'))('flatted');
	const mock = await startMockOpenAI({ port: 0, idleSeconds: 600, lifetimeSeconds: 1200 });
	const workflows = [];
	const post = async (url, { body, headers }) => {
		const res = await fetch(url, { method: 'POST', headers, body });
		return { status: res.status, text: await res.text() };
	};
	const executionsOf = async (workflowId) => {
		const r = await rest.call('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`);
		expect(r.status === 200, `GET /rest/executions: HTTP ${r.status} ${r.text.slice(0, 300)}`);
		return r.json.data.results;
	};
	/** Waits (generously: the machine may be loaded) until the workflow has `count` finished executions. */
	const finishedExecutions = async (workflowId, count) => {
		const deadline = Date.now() + 120_000;
		for (;;) {
			const list = await executionsOf(workflowId);
			if (list.length >= count && list.every((e) => e.finished || ['success', 'error', 'crashed'].includes(e.status))) return list;
			if (Date.now() > deadline) throw new Error(`expected ${count} finished executions, have ${JSON.stringify(list.map((e) => e.status))}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	};
	/** The output items of a node in one execution (n8n stores the run data flatted). */
	const outputOf = async (executionId, nodeName) => {
		const r = await rest.call('GET', `/rest/executions/${executionId}`);
		expect(r.status === 200, `GET /rest/executions/${executionId}: HTTP ${r.status}`);
		const run = parse(r.json.data.data);
		const task = run.resultData.runData[nodeName]?.[0];
		expect(task && !task.error, `${nodeName}: ${task?.error?.message ?? 'did not run'}`);
		return task.data.main[0].map((item) => item.json);
	};
	const credentialId = async (type, name, data) => {
		const r = await rest.call('POST', '/rest/credentials', { name, type, data });
		expect(r.status === 200, `POST /rest/credentials (${type}): HTTP ${r.status} ${r.text.slice(0, 300)}`);
		return { id: r.json.data.id, name };
	};
	/** Creates and activates a workflow; returns its id and the trigger's production URL. */
	const activated = async (workflow) => {
		const created = await rest.call('POST', '/rest/workflows', { name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings ?? {} });
		expect(created.status === 200, `POST /rest/workflows: HTTP ${created.status} ${created.text.slice(0, 400)}`);
		const { id, versionId } = created.json.data;
		workflows.push(id);
		const r = await rest.call('POST', `/rest/workflows/${id}/activate`, { versionId });
		expect(r.status === 200, `activate: HTTP ${r.status} ${r.text.slice(0, 400)}`);
		const trigger = workflow.nodes.find((node) => node.type === TRIGGER_TYPE);
		const url = `${server.url}/webhook/${trigger.webhookId}/webhook`;
		// n8n registers the production webhook after the activate call returns. Until then it answers 404; then the
		// node answers this unsigned probe 400, which starts nothing.
		const deadline = Date.now() + 120_000;
		for (;;) {
			const probe = await post(url, { headers: { 'content-type': 'application/json' }, body: '{}' });
			if (probe.status !== 404) {
				expect(probe.status === 400, `unsigned probe: HTTP ${probe.status} ${probe.text.slice(0, 200)}`);
				break;
			}
			if (Date.now() > deadline) throw new Error(`the production webhook ${url} was not registered within 120 s`);
			await new Promise((r) => setTimeout(r, 250));
		}
		return { id, url };
	};
	const triggerOnly = (name, parameters, credentials) => ({
		name,
		nodes: [{ id: randomUUID(), name: 'OpenAI Trigger', type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0], webhookId: randomUUID(), parameters, credentials }],
		connections: {},
	});

	try {
		let credentials;
		const ready = await step('trigger: webhook and API credentials created through REST', async () => {
			credentials = {
				[WEBHOOK_CREDENTIAL_TYPE]: await credentialId(WEBHOOK_CREDENTIAL_TYPE, 'OpenAI webhook (e2e)', { secret: SECRET }),
				[CREDENTIAL_TYPE]: await credentialId(CREDENTIAL_TYPE, 'OpenAI Platform (e2e trigger mock)', { apiKey: 'sk-e2e-not-a-real-key', baseUrl: mock.url }),
			};
		});
		if (!ready) return;

		await step(`trigger: node type ${TRIGGER_TYPE} and credential type ${WEBHOOK_CREDENTIAL_TYPE} are served; the credential test checks the secret`, async () => {
			const nodes = (await rest.call('GET', '/types/nodes.json')).json ?? [];
			const node = nodes.find((n) => n.name === TRIGGER_TYPE);
			expect(node?.webhooks?.[0]?.httpMethod === 'POST', `${TRIGGER_TYPE}: ${JSON.stringify(node?.webhooks)}`);
			const creds = (await rest.call('GET', '/types/credentials.json')).json ?? [];
			const cred = creds.find((c) => c.name === WEBHOOK_CREDENTIAL_TYPE);
			expect(cred?.properties?.some((p) => p.name === 'secret' && p.typeOptions?.password), `${WEBHOOK_CREDENTIAL_TYPE}: ${JSON.stringify(cred?.properties)}`);
			const test = async (secret) => {
				const r = await rest.call('POST', '/rest/credentials/test', { credentials: { ...credentials[WEBHOOK_CREDENTIAL_TYPE], type: WEBHOOK_CREDENTIAL_TYPE, data: { secret } } });
				return r.json?.data ?? { http: r.status, text: r.text.slice(0, 300) };
			};
			const good = await test(SECRET);
			const bad = await test('sk-not-a-signing-secret');
			expect(good?.status === 'OK' && bad?.status === 'Error', `credential test: ${JSON.stringify({ good, bad })}`);
			return `${node.displayName}; credential test: ${good.message} / ${bad.message}`;
		});

		let plain;
		await step('trigger: a workflow with the trigger (all events) is activated under n8n start', async () => {
			plain = await activated(triggerOnly('e2e: trigger, all events', {}, { [WEBHOOK_CREDENTIAL_TYPE]: credentials[WEBHOOK_CREDENTIAL_TYPE] }));
			return plain.url;
		});
		if (plain) {
			// Tabs, spaces before colons, \u escapes and raw non-ASCII: JSON.stringify(JSON.parse(body)) differs from it,
			// so the signature only matches if n8n hands the node the bytes as they came.
			const body = `{"id":"evt_rawbytes1", "object" : "event",\t"created_at":${now()},"type":"batch.completed","data":{"id":"batch_raw","note":"caf\\u00e9 \u2615 \u00fcber"}}\n`;
			expect(JSON.stringify(JSON.parse(body)) !== body.trimEnd(), 'the test body must change under re-serialisation');
			const good = signed(body);
			const cases = [];
			await step('trigger: refused deliveries get 4xx and start nothing', async () => {
				const stale = signed(eventBody('batch.completed', { id: 'batch_old' }), { timestamp: now() - 600 });
				const future = signed(eventBody('batch.completed', { id: 'batch_future' }), { timestamp: now() + 600 });
				const forged = signed(body, { key: randomBytes(32) });
				const { 'webhook-signature': _, ...unsignedHeaders } = good.headers;
				const reserialised = { headers: good.headers, body: Buffer.from(JSON.stringify(JSON.parse(body))) };
				for (const [label, delivery, status] of [
					['wrong signature (another secret)', forged, 401],
					['stale timestamp (10 minutes old, signed)', stale, 401],
					['future timestamp (10 minutes ahead, signed)', future, 401],
					['missing webhook-signature', { headers: unsignedHeaders, body: good.body }, 400],
					['body re-serialised after signing', reserialised, 401],
				]) {
					const r = await post(plain.url, delivery);
					cases.push({ label, r });
					expect(r.status === status, `${label}: HTTP ${r.status} (expected ${status}) ${r.text.slice(0, 200)}`);
				}
			});
			await step('trigger: a signed event with unusual bytes gets 2xx and one execution with the event', async () => {
				const r = await post(plain.url, good);
				expect(r.status >= 200 && r.status < 300, `HTTP ${r.status} ${r.text.slice(0, 200)}`);
				const list = await finishedExecutions(plain.id, 1);
				cases.push({ label: 'signed event (raw bytes kept)', r });
				const [item, ...rest] = await outputOf(list[0].id, 'OpenAI Trigger');
				expect(rest.length === 0, `expected one item, got ${rest.length + 1}`);
				expect(item.type === 'batch.completed' && item.id === 'evt_rawbytes1', `item: ${JSON.stringify(item)}`);
				expect(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/.test(item.createdAt), `createdAt: ${item.createdAt}`);
				expect(item.data?.note === 'café ☕ über' && item.data?.id === 'batch_raw', `data: ${JSON.stringify(item.data)}`);
			});
			await step('trigger: the same delivery again (replay) gets 409 and starts nothing', async () => {
				const r = await post(plain.url, good);
				cases.push({ label: 'replay of the signed event', r });
				expect(r.status === 409, `HTTP ${r.status} ${r.text.slice(0, 200)}`);
				// A later good delivery is counted after the refused ones: when it is there, nothing else came.
				const next = signed(eventBody('response.completed', { id: 'resp_1' }));
				const ok = await post(plain.url, next);
				expect(ok.status === 200, `HTTP ${ok.status}`);
				const list = await finishedExecutions(plain.id, 2);
				expect(list.length === 2, `executions: ${list.length}`);
				cases.push({ label: 'another signed event (response.completed)', r: ok });
			});
			await step('trigger: cases and executions', async () => {
				const total = (await executionsOf(plain.id)).length;
				expect(total === 2, `the workflow has ${total} executions, expected 2 (the two signed events)`);
				return cases.map(({ label, r }) => `${label}: HTTP ${r.status}`).join('\n') + `\nexecutions created: ${total} (the 2 signed events only)`;
			});
		}

		await step('trigger: Fetch the Object adds the batch from the API (mock)', async () => {
			const workflow = triggerOnly('e2e: trigger, fetch the object', { events: ['batch.completed', 'batch.failed'], fetchObject: true }, credentials);
			const { id, url } = await activated(workflow);
			const batch = await createMockBatch(mock.url, ['q1', 'q2']);
			const r = await post(url, signed(eventBody('batch.completed', { id: batch.id })));
			expect(r.status === 200, `HTTP ${r.status} ${r.text.slice(0, 200)}`);
			const ignored = await post(url, signed(eventBody('response.completed', { id: 'resp_x' })));
			expect(ignored.status === 200, `unselected event: HTTP ${ignored.status}`);
			const bad = await post(url, signed(eventBody('batch.completed', { id: batch.id }), { timestamp: now() - 400 }));
			expect(bad.status === 401, `stale: HTTP ${bad.status}`);
			const list = await finishedExecutions(id, 1);
			const [item, ...more] = await outputOf(list[0].id, 'OpenAI Trigger');
			expect(more.length === 0 && item.object?.id === batch.id && item.object.status === 'completed', `item: ${JSON.stringify(item).slice(0, 400)}`);
			expect(item.object.request_counts?.total === 2, `request_counts: ${JSON.stringify(item.object.request_counts)}`);
			expect(!JSON.stringify(item).includes('sk-e2e'), 'the API key leaked into the item');
			const total = (await executionsOf(id)).length;
			expect(total === 1, `executions: ${total}`);
			return `batch.completed: HTTP ${r.status}; response.completed (not selected): HTTP ${ignored.status}; stale: HTTP ${bad.status}; executions created: ${total}`;
		});

		await step(`trigger: examples/${TRIGGER_EXAMPLE}.json activated; Results as Items gives one item per request, matched by custom_id`, async () => {
			const example = JSON.parse(readFileSync(join(ROOT, 'examples', `${TRIGGER_EXAMPLE}.json`), 'utf8'));
			for (const node of example.nodes) {
				if (node.type === TRIGGER_TYPE) node.credentials = credentials;
			}
			const { id, url } = await activated(example);
			// Three requests: two the mock answers, one for an endpoint it does not run (an error line).
			const batch = await createMockBatch(mock.url, ['mug-01', 'lamp-02'], [{ custom_id: 'sock-03', method: 'POST', url: '/v1/completions', body: { model: 'gpt-4o-mini', prompt: 'x' } }]);
			const r = await post(url, signed(eventBody('batch.completed', { id: batch.id })));
			expect(r.status === 200, `HTTP ${r.status} ${r.text.slice(0, 200)}`);
			const list = await finishedExecutions(id, 1);
			const items = await outputOf(list[0].id, 'Description per product');
			expect(items.length === 3, `expected 3 items, got ${items.length}: ${JSON.stringify(items).slice(0, 400)}`);
			expect(JSON.stringify(items.map((i) => i.sku)) === '["mug-01","lamp-02","sock-03"]', `skus: ${items.map((i) => i.sku)}`);
			expect(items[0].description === 'Mock reply to: mug-01' && !items[0].failed, `first: ${JSON.stringify(items[0])}`);
			expect(items[2].failed === true && items[2].description === '', `third: ${JSON.stringify(items[2])}`);
			expect(items.every((i) => i.batch === batch.id), 'batch ids');
			return `batch.completed: HTTP ${r.status}; executions created: ${(await executionsOf(id)).length}; items: ${items.map((i) => `${i.sku}${i.failed ? ' (error)' : ''}`).join(', ')}`;
		});
	} finally {
		for (const id of workflows) await rest.call('POST', `/rest/workflows/${id}/deactivate`, {}).catch(() => undefined);
		await mock.close();
	}
}

/** A batch in the mock, created as the node creates one (upload the JSONL, then POST /batches); its object is completed at once. */
async function createMockBatch(baseUrl, questions, extraLines = []) {
	const auth = { authorization: 'Bearer sk-e2e-not-a-real-key' };
	const lines = [
		...questions.map((q) => ({ custom_id: q, method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] } })),
		...extraLines,
	];
	const form = new FormData();
	form.append('purpose', 'batch');
	form.append('file', new Blob([lines.map((l) => JSON.stringify(l)).join('\n')]), 'input.jsonl');
	const file = await (await fetch(`${baseUrl}/files`, { method: 'POST', headers: auth, body: form })).json();
	const res = await fetch(`${baseUrl}/batches`, {
		method: 'POST',
		headers: { ...auth, 'content-type': 'application/json' },
		body: JSON.stringify({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }),
	});
	return await res.json();
}
