/**
 * Creating things must not create them twice. The server here behaves like OpenAI: it keeps the
 * Idempotency-Key of every create and answers a repeat with the object it already made. Each
 * scenario loses the first attempt of every create in a different way, before or after the server
 * made the object; every input must end with exactly one object of each kind, counted both per
 * Idempotency-Key and per input (the input's number travels in the request body).
 *
 * The scenarios are the failures the node retries, which are the ones OpenAI's SDKs retry with the
 * same key: 408, 409, 429, 500, 502, 503, 504, a refused or reset connection and a timeout.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { ok, openAiError, startFaultServer } from '../support/faultServer';
import { freePort } from '../support/servers';
import type { Item } from './badInputRows';
import { PNG_BASE64 } from './goodReplies';

interface Fixture {
	parameters: IDataObject;
	items?: Item[];
}

function fixture(name: string): Fixture {
	return JSON.parse(readFileSync(path.join(__dirname, '..', 'contract', 'fixtures', `${name}.json`), 'utf8')) as Fixture;
}

/** One kind of object a create makes: which request makes it, and the reply for a made object. */
interface Kind {
	name: string;
	matches: (request: ReceivedRequest) => boolean;
	reply: (id: string) => IDataObject;
}

const FILE: Kind = {
	name: 'file',
	matches: (r) => r.method === 'POST' && r.path === '/v1/files',
	reply: (id) => ({ id, object: 'file', bytes: 120, created_at: 1, filename: 'input.jsonl', purpose: 'batch', status: 'processed', expires_at: null }),
};

interface Create {
	name: string;
	/** The fixture's parameters, changed so that the input's number ("item-N") reaches the request body. */
	parameters: IDataObject;
	/** The input items (with the fixture's binary data where the create reads a file). */
	items: Item[];
	kinds: Kind[];
}

const N = [0, 1, 2];

function itemsFrom(name: string, json: (n: number) => IDataObject = () => ({})): Item[] {
	const [item] = fixture(name).items ?? [{ json: {} }];
	return N.map((n) => ({ ...item, json: { ...item.json, n, ...json(n) } }));
}

function withParameters(name: string, change: (parameters: IDataObject) => void): IDataObject {
	const { parameters } = fixture(name);
	change(parameters);
	return parameters;
}

const CREATES: Create[] = [
	{
		name: 'file.upload',
		parameters: withParameters('file.upload', (p) => void (p.fileName = '=item-{{ $json.n }}.jsonl')),
		items: itemsFrom('file.upload'),
		kinds: [FILE],
	},
	{
		name: 'batch.create',
		parameters: withParameters('batch.create.requests', (p) => void ((p.options as IDataObject).metadata = { pair: [{ key: 'input', value: '=item-{{ $json.n }}' }] })),
		items: itemsFrom('batch.create.requests', (n) => ({
			requests: ['a', 'b'].map((id) => ({ id: `item-${n}-${id}`, model: 'gpt-4.1-mini', messages: [{ role: 'user', content: id }] })),
		})),
		kinds: [
			FILE,
			{
				name: 'batch',
				matches: (r) => r.method === 'POST' && r.path === '/v1/batches',
				reply: (id) => ({ id, object: 'batch', endpoint: '/v1/chat/completions', input_file_id: 'file-1', completion_window: '24h', status: 'validating', created_at: 1, request_counts: { total: 0, completed: 0, failed: 0 } }),
			},
		],
	},
	{
		name: 'fineTuning.create',
		parameters: withParameters('fineTuning.create.supervised', (p) => void ((p.options as IDataObject).suffix = '=item-{{ $json.n }}')),
		items: itemsFrom('fineTuning.create.supervised'),
		kinds: [
			{
				name: 'fine-tuning job',
				matches: (r) => r.method === 'POST' && r.path === '/v1/fine_tuning/jobs',
				reply: (id) => ({ id, object: 'fine_tuning.job', model: 'gpt-4.1-mini-2025-04-14', status: 'validating_files', created_at: 1, training_file: 'file-train123', hyperparameters: {} }),
			},
		],
	},
	{
		name: 'assistant.create',
		parameters: withParameters('assistant.create', (p) => void (p.name = '=Bot item-{{ $json.n }}')),
		items: itemsFrom('assistant.create'),
		kinds: [
			{
				name: 'assistant',
				matches: (r) => r.method === 'POST' && r.path === '/v1/assistants',
				reply: (id) => ({ id, object: 'assistant', created_at: 1, model: 'gpt-4.1-mini', tools: [], name: null, description: null, instructions: null, metadata: {} }),
			},
		],
	},
	{
		name: 'image.generate',
		parameters: withParameters('image.generate.gptImage', (p) => {
			p.imagePrompt = '=A lighthouse at dusk, item-{{ $json.n }}';
			(p.options as IDataObject).n = 1;
			(p.options as IDataObject).outputFormat = 'png';
			delete (p.options as IDataObject).outputCompression;
		}),
		items: itemsFrom('image.generate.gptImage'),
		kinds: [
			{
				name: 'image',
				matches: (r) => r.method === 'POST' && r.path === '/v1/images/generations',
				reply: (id) => ({ created: 1, data: [{ b64_json: PNG_BASE64, revised_prompt: id }], output_format: 'png' }),
			},
		],
	},
	{
		name: 'container.create',
		parameters: withParameters('container.create', (p) => void (p.containerName = '=item-{{ $json.n }}')),
		items: itemsFrom('container.create'),
		kinds: [
			{
				name: 'container',
				matches: (r) => r.method === 'POST' && r.path === '/v1/containers',
				reply: (id) => ({ id, object: 'container', name: 'x', created_at: 1, status: 'running' }),
			},
		],
	},
	{
		name: 'video.generate',
		parameters: withParameters('video.generate', (p) => void (p.videoPrompt = '=A paper boat, item-{{ $json.n }}')),
		items: itemsFrom('video.generate'),
		kinds: [
			{
				name: 'video',
				matches: (r) => r.method === 'POST' && r.path === '/v1/videos',
				reply: (id) => ({ id, object: 'video', model: 'sora-2', status: 'queued', progress: 0, created_at: 1, prompt: 'x', size: '1280x720', seconds: '8' }),
			},
		],
	},
];

/**
 * Far above any normal reply, even on a loaded 2-core machine: only the scenario whose reply never
 * comes may time out, so each input's request count is exact (a tight timeout once made a slow
 * normal reply count as a fault).
 */
const TIMEOUT_MS = 5_000;

/**
 * How the first attempt of every create goes wrong. `before`: the server answers with the fault
 * and makes nothing. `after`: it makes the object, then the reply is lost or replaced by the fault.
 * `refused`: nothing listens until every input's first attempt was refused.
 */
type Scenario = { name: string } & ({ before: FaultAction } | { after: FaultAction } | { refused: true });

const error = (status: number, message: string, headers: Record<string, string> = {}) => openAiError(status, message, {}, headers);

const SCENARIOS: Scenario[] = [
	{ name: '429 with retry-after-ms, before creating', before: openAiError(429, 'Rate limit reached', { code: 'rate_limit_exceeded' }, { 'retry-after-ms': '10' }) },
	{ name: '429 with retry-after seconds, before creating', before: openAiError(429, 'Rate limit reached', { code: 'rate_limit_exceeded' }, { 'retry-after': '0' }) },
	{ name: 'connection refused', refused: true },
	{ name: '408 before creating', before: error(408, 'Request timed out') },
	{ name: '409 while the first attempt is still being processed', after: error(409, 'Another request with this Idempotency-Key is in progress') },
	{ name: '500 after creating', after: error(500, 'The server had an error') },
	{ name: '502 before creating', before: { status: 502, raw: '<html><body>Bad gateway</body></html>', headers: { 'content-type': 'text/html' } } },
	{ name: '503 before creating', before: error(503, 'Overloaded') },
	{ name: '504 after creating', after: { status: 504, raw: '<html><body>Gateway timeout</body></html>', headers: { 'content-type': 'text/html' } } },
	{ name: 'connection reset after creating', after: { reset: true } },
	{ name: `no reply within the ${TIMEOUT_MS} ms timeout (it never comes), after creating`, after: { hang: true } },
];

let server: FaultServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

const summary: string[] = [];
let worstDuplicates = 0;
afterAll(() =>
	console.log(
		`idempotency: ${CREATES.length} creates x ${SCENARIOS.length} scenarios = ${summary.length} runs, ${N.length} inputs each; duplicates found: ${worstDuplicates}\n| create | scenario | create requests | refused | objects | inputs with exactly one of each |\n|---|---|---|---|---|---|\n${summary.join('\n')}`,
	),
);

/** Counts, in this process, the requests whose connection was refused, by Idempotency-Key. */
function watchRefusals(): { keys: Set<string>; stop: () => void } {
	const keys = new Set<string>();
	const listener = (message: unknown) => {
		const { request, error: failure } = message as { request: ClientRequest; error: NodeJS.ErrnoException };
		if (failure?.code === 'ECONNREFUSED') keys.add(String(request.getHeader('idempotency-key') ?? ''));
	};
	diagnosticsChannel.subscribe('http.client.request.error', listener);
	return { keys, stop: () => diagnosticsChannel.unsubscribe('http.client.request.error', listener) };
}

describe.each(CREATES)('$name', (create) => {
	it.each(SCENARIOS)('makes one object per input: $name', async (scenario) => {
		/** Objects made, by kind then by Idempotency-Key; and by kind then by input. */
		const byKey = new Map<string, Map<string, string>>();
		const byInput = new Map<string, Map<number, Set<string>>>();
		const attempts = new Map<string, number>();
		let made = 0;
		const plan = (request: ReceivedRequest): FaultAction => {
			const kind = create.kinds.find((k) => k.matches(request));
			if (!kind) return ok({ object: 'list', data: [], has_more: false });
			const key = String(request.headers['idempotency-key'] ?? '');
			const attempt = (attempts.get(`${kind.name} ${key}`) ?? 0) + 1;
			attempts.set(`${kind.name} ${key}`, attempt);
			if (attempt === 1 && 'before' in scenario) return scenario.before;
			const objects = byKey.get(kind.name) ?? new Map<string, string>();
			byKey.set(kind.name, objects);
			// A request without a key is never recognised as a repeat.
			const id = (key && objects.get(key)) || `${kind.name}-${++made}`;
			if (key) objects.set(key, id);
			const input = Number(/item-(\d+)/.exec(request.body.toString('latin1'))?.[1] ?? -1);
			const inputs = byInput.get(kind.name) ?? new Map<number, Set<string>>();
			byInput.set(kind.name, inputs);
			inputs.set(input, (inputs.get(input) ?? new Set()).add(id));
			if (attempt === 1 && 'after' in scenario) return scenario.after;
			return ok(kind.reply(id));
		};

		const refusals = watchRefusals();
		let url: string;
		let opened: Promise<void> = Promise.resolve();
		let finished = false;
		try {
			if ('refused' in scenario) {
				// Nothing listens on the port until every input's first attempt was refused; the retries then find the server.
				const port = await freePort();
				url = `http://127.0.0.1:${port}/v1`;
				opened = (async () => {
					while (refusals.keys.size < N.length && !finished) await new Promise((resolve) => setTimeout(resolve, 5));
					server = await startFaultServer(plan, { port });
				})();
			} else {
				server = await startFaultServer(plan);
				url = server.url;
			}
			const parameters = { ...create.parameters, requestOptions: { maxRetries: 4, timeout: TIMEOUT_MS } };
			const running = runWorkflow(singleNodeWorkflow(parameters, create.items), credentialsFor(url)).finally(() => (finished = true));
			const [result] = await Promise.all([running, opened]);

			const requests = server?.requests.filter((r) => create.kinds.some((k) => k.matches(r))) ?? [];
			const objects = create.kinds.map((kind) => byKey.get(kind.name)?.size ?? 0);
			const exactlyOne = N.filter((n) => create.kinds.every((kind) => byInput.get(kind.name)?.get(n)?.size === 1)).length;
			const duplicates = create.kinds.reduce((sum, kind) => sum + [...(byInput.get(kind.name)?.values() ?? [])].reduce((s, ids) => s + ids.size - 1, 0), 0);
			worstDuplicates += duplicates;
			summary.push(
				`| ${create.name} | ${scenario.name} | ${requests.length} | ${refusals.keys.size} | ${create.kinds.map((kind, i) => `${objects[i]} ${kind.name}`).join(', ')} | ${exactlyOne} of ${N.length} |`,
			);

			expect(result.error?.message).toBeUndefined();
			const output = result.output('OpenAI');
			expect(output).toHaveLength(N.length);
			expect(output.map((item) => item.pairedItem)).toEqual(N.map((item) => ({ item })));
			expect(requests.every((request) => String(request.headers['idempotency-key'] ?? '').startsWith('n8n-'))).toBe(true);
			// Every kind: one object per input, whether counted by key or by input, and a retry for each input.
			for (const [index, kind] of create.kinds.entries()) {
				expect({ kind: kind.name, objects: objects[index] }).toEqual({ kind: kind.name, objects: N.length });
				expect([...(byInput.get(kind.name)?.keys() ?? [])].sort()).toEqual(N);
			}
			expect(exactlyOne).toBe(N.length);
			expect(duplicates).toBe(0);
			if ('refused' in scenario) expect(refusals.keys.size).toBe(N.length);
			else expect(requests.length).toBe(N.length * create.kinds.length * 2);
		} finally {
			refusals.stop();
		}
	});
});
