/**
 * Malformed and sparse replies, table-driven: one operation's main request gets a reply no API
 * should send (cut-off JSON, an HTML page, nothing, JSON where a file was due), or a valid reply
 * with every optional field absent. Each must give a clear error or an explicit result: never a
 * TypeError or similar crash, never an item that is empty or has undefined fields.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { ok, startFaultServer } from '../support/faultServer';
import type { Item } from './badInputRows';
import { goodReplyFor } from './goodReplies';

const PROGRAMMING_ERROR = /Cannot read propert|is not a function|is not iterable|is not defined|undefined is not|null is not|Cannot convert undefined|Unexpected token|Unexpected end of JSON/;

function fixture(name: string): { parameters: IDataObject; items?: Item[] } {
	return JSON.parse(readFileSync(path.join(__dirname, '..', 'contract', 'fixtures', `${name}.json`), 'utf8')) as { parameters: IDataObject; items?: Item[] };
}

interface Operation {
	/** Contract fixture that drives it. */
	fixture: string;
	/** The request whose reply is spoiled; every other request gets a good reply. */
	main: (request: ReceivedRequest) => boolean;
	/** The reply binary operations expect is a file, not JSON. */
	binary?: boolean;
	/** Malformed kinds that are fine for this operation (a JSON file's content is JSON): they must give an explicit item. */
	legit?: string[];
	/** A valid reply with every optional field absent (the spec's required ones present), and what it must give. */
	sparse?: { reply: IDataObject; expect: 'error' | 'items' | 'none' };
}

const post = (route: string) => (r: ReceivedRequest) => r.method === 'POST' && r.path === `/v1${route}`;
const get = (pattern: RegExp) => (r: ReceivedRequest) => r.method === 'GET' && pattern.test(r.path.replace(/^\/v1/, ''));

const OPERATIONS: Operation[] = [
	{ fixture: 'chat.complete', main: post('/chat/completions'), sparse: { reply: { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'gpt-4.1-mini' }, expect: 'error' } },
	{ fixture: 'chat.extractData', main: post('/chat/completions'), sparse: { reply: { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'gpt-4.1-mini', choices: [] }, expect: 'error' } },
	{ fixture: 'completion.create', main: post('/completions'), sparse: { reply: { id: 'cmpl-1', object: 'text_completion', created: 1, model: 'gpt-3.5-turbo-instruct' }, expect: 'error' } },
	{ fixture: 'response.create.text', main: post('/responses'), sparse: { reply: { id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: 'gpt-4.1-mini', output: [] }, expect: 'items' } },
	{ fixture: 'embedding.create', main: post('/embeddings'), sparse: { reply: { object: 'list', model: 'text-embedding-3-small' }, expect: 'error' } },
	{ fixture: 'moderation.create', main: post('/moderations'), sparse: { reply: { id: 'modr-1', model: 'omni-moderation-latest' }, expect: 'error' } },
	{ fixture: 'image.generate.gptImage', main: post('/images/generations'), sparse: { reply: { created: 1 }, expect: 'items' } },
	{ fixture: 'image.edit.gptImage', main: post('/images/edits'), sparse: { reply: { created: 1, data: [] }, expect: 'items' } },
	{ fixture: 'audio.transcribe', main: post('/audio/transcriptions'), sparse: { reply: {}, expect: 'error' } },
	{ fixture: 'audio.generateSpeech', main: post('/audio/speech'), binary: true },
	{ fixture: 'file.getContent', main: get(/^\/files\/[^/]+\/content$/), binary: true, legit: ['JSON where a file was due'] },
	{ fixture: 'file.getAll', main: get(/^\/files$/), sparse: { reply: { object: 'list', data: [] }, expect: 'none' } },
	{ fixture: 'model.getAll', main: get(/^\/models$/), sparse: { reply: { object: 'list', data: [] }, expect: 'none' } },
	{ fixture: 'fineTuning.listEvents', main: get(/^\/fine_tuning\/jobs\/[^/]+\/events$/), sparse: { reply: { object: 'list', data: [] }, expect: 'none' } },
	{ fixture: 'vectorStore.search', main: post('/vector_stores/vs_abc123/search'), sparse: { reply: { object: 'vector_store.search_results.page', data: [] }, expect: 'none' } },
	{ fixture: 'batch.get', main: get(/^\/batches\/[^/]+$/), sparse: { reply: { id: 'batch_1', object: 'batch' }, expect: 'items' } },
	{ fixture: 'assistant.create', main: post('/assistants'), sparse: { reply: { id: 'asst_1', object: 'assistant' }, expect: 'items' } },
	// issue 19
	{ fixture: 'response.create.mcp', main: post('/responses'), sparse: { reply: { id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: 'gpt-4.1' }, expect: 'error' } },
	{ fixture: 'response.countInputTokens', main: post('/responses/input_tokens'), sparse: { reply: { object: 'response.input_tokens', input_tokens: 0 }, expect: 'items' } },
	{ fixture: 'response.compact', main: post('/responses/compact') },
	{ fixture: 'conversation.listItems', main: get(/^\/conversations\/[^/]+\/items$/), sparse: { reply: { object: 'list' }, expect: 'error' } },
	{ fixture: 'conversation.addItems', main: post('/conversations/conv_689667905b048191b4740501625afd940c7533ace33a2dab/items'), sparse: { reply: { object: 'list' }, expect: 'error' } },
	{ fixture: 'storedCompletion.getAll', main: get(/^\/chat\/completions$/), sparse: { reply: { object: 'list' }, expect: 'error' } },
	{ fixture: 'container.create', main: post('/containers'), sparse: { reply: { id: 'cntr_1', object: 'container' }, expect: 'items' } },
	{ fixture: 'container.delete', main: (r) => r.method === 'DELETE', legit: ['empty body with 200 (JSON content type)', 'empty body with 200, no content type'], sparse: { reply: {}, expect: 'items' } },
	{ fixture: 'container.getFileContent', main: get(/^\/containers\/[^/]+\/files\/[^/]+\/content$/), binary: true, legit: ['JSON where a file was due'] },
	{ fixture: 'video.get', main: get(/^\/videos\/[^/]+$/), sparse: { reply: { id: 'video_1', object: 'video' }, expect: 'items' } },
	{ fixture: 'video.getContent', main: get(/^\/videos\/[^/]+\/content$/), binary: true },
	{ fixture: 'realtime.createClientSecret', main: post('/realtime/client_secrets'), sparse: { reply: { value: 'ek_1', expires_at: 1 }, expect: 'items' } },
	{ fixture: 'realtime.acceptCall', main: (r) => r.method === 'POST' && /\/accept$/.test(r.path), legit: ['empty body with 200 (JSON content type)', 'empty body with 200, no content type'], sparse: { reply: {}, expect: 'items' } },
	{ fixture: 'provenance.check', main: post('/content_provenance_checks'), sparse: { reply: { object: 'content_provenance_check', created_at: 1, results: [] }, expect: 'items' } },
	// issue 20
	{ fixture: 'vectorStore.addFiles', main: post('/vector_stores/vs_abc123/file_batches'), sparse: { reply: { id: 'vsfb_1', object: 'vector_store.files_batch' }, expect: 'items' } },
	{ fixture: 'vectorStore.getFileContent', main: get(/^\/vector_stores\/[^/]+\/files\/[^/]+\/content$/), sparse: { reply: { object: 'vector_store.file_content.page' }, expect: 'error' } },
	{ fixture: 'eval.create', main: post('/evals'), sparse: { reply: { id: 'eval_1', object: 'eval' }, expect: 'items' } },
	{ fixture: 'eval.getAllRuns', main: get(/^\/evals\/[^/]+\/runs$/), sparse: { reply: { object: 'list' }, expect: 'error' } },
	{ fixture: 'fineTuning.createCheckpointPermission', main: (r) => r.method === 'POST' && /\/permissions$/.test(r.path), sparse: { reply: { object: 'list' }, expect: 'error' } },
	{ fixture: 'fineTuning.runGrader', main: post('/fine_tuning/alpha/graders/run') },
	{ fixture: 'voice.createConsent', main: post('/audio/voice_consents'), sparse: { reply: { id: 'cons_1', object: 'audio.voice_consent' }, expect: 'items' } },
	{ fixture: 'skill.create', main: post('/skills'), sparse: { reply: { id: 'skill_1', object: 'skill' }, expect: 'items' } },
	{ fixture: 'skill.getContent', main: get(/^\/skills\/[^/]+\/content$/), binary: true },
	{ fixture: 'chatKit.createSession', main: post('/chatkit/sessions'), sparse: { reply: { id: 'cksess_1', object: 'chatkit.session' }, expect: 'items' } },
	{ fixture: 'organization.getCosts', main: get(/^\/organization\/costs$/), sparse: { reply: { object: 'page' }, expect: 'error' } },
	{ fixture: 'organization.getAuditLogs', main: get(/^\/organization\/audit_logs$/), sparse: { reply: { object: 'list' }, expect: 'error' } },
	{ fixture: 'file.upload.inParts', main: post('/uploads'), sparse: { reply: { object: 'upload' }, expect: 'error' } },
];

/** What a broken server or a proxy in front of it sends instead of the API's reply. */
const MALFORMED: Array<{ name: string; reply: FaultAction; forBinary?: boolean; forJson?: boolean }> = [
	{ name: 'truncated JSON', reply: { status: 200, raw: '{"id": "x", "object": "chat.compl', headers: { 'content-type': 'application/json' } }, forJson: true },
	{ name: 'truncated JSON, no content type', reply: { status: 200, raw: '{"id": "x", "data": [{"ob' }, forJson: true },
	{ name: 'HTML page with 200', reply: { status: 200, raw: '<!DOCTYPE html><html><body><h1>Sign in to the proxy</h1></body></html>', headers: { 'content-type': 'text/html; charset=utf-8' } } },
	{ name: 'HTML error page with 502', reply: { status: 502, raw: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: { 'content-type': 'text/html' } } },
	{ name: 'empty body with 200 (JSON content type)', reply: { status: 200, raw: '', headers: { 'content-type': 'application/json' } } },
	{ name: 'empty body with 200, no content type', reply: { status: 200, raw: '' } },
	{ name: 'JSON where a file was due', reply: ok({ error: null, status: 'ok' }), forBinary: true },
	{ name: 'plain text where JSON was due', reply: { status: 200, raw: 'upstream connect error', headers: { 'content-type': 'text/plain' } }, forJson: true },
];

let server: FaultServer;
let spoil: { main: Operation['main']; reply: FaultAction } | undefined;
const table: string[] = [];
const counts = { runs: 0, errors: 0, explicit: 0, crashes: 0, emptyOrUndefined: 0 };

beforeAll(async () => {
	server = await startFaultServer((request) => (spoil && spoil.main(request) ? spoil.reply : goodReplyFor(request)));
});

afterAll(async () => {
	await server.stop();
	console.log(
		`replies: ${counts.runs} runs over ${OPERATIONS.length} operations, ${counts.errors} clear errors, ${counts.explicit} explicit results, ${counts.crashes} crashes, ${counts.emptyOrUndefined} empty items or undefined fields\n| operation | reply | outcome |\n|---|---|---|\n${table.join('\n')}`,
	);
});

/** Paths of values that are undefined, anywhere in an item's JSON. */
function undefinedPaths(value: unknown, at = 'json'): string[] {
	if (value === undefined) return [at];
	if (Array.isArray(value)) return value.flatMap((entry, index) => undefinedPaths(entry, `${at}[${index}]`));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, entry]) => undefinedPaths(entry, `${at}.${key}`));
	return [];
}

async function runWith(operation: Operation, replyName: string, reply: FaultAction) {
	const { parameters, items } = fixture(operation.fixture);
	spoil = { main: operation.main, reply };
	const before = server.requests.length;
	const result = await runWorkflow(singleNodeWorkflow({ ...parameters, requestOptions: { maxRetries: 0 } }, items), credentialsFor(server.url));
	spoil = undefined;
	const spoiled = server.requests.slice(before).filter(operation.main).length;
	const output: INodeExecutionData[] = result.output('OpenAI');
	const error = result.error;
	const message = error ? `${error.message} ${error.description ?? ''}`.trim() : '';
	const crashed = PROGRAMMING_ERROR.test(message) || error instanceof TypeError || (error as { cause?: unknown } | undefined)?.cause instanceof TypeError;
	const holes = output.flatMap((item) => undefinedPaths(item.json));
	const empty = output.filter((item) => Object.keys(item.json).length === 0 && !item.binary).length;
	counts.runs++;
	if (crashed) counts.crashes++;
	else if (error) counts.errors++;
	else counts.explicit++;
	if (holes.length || empty) counts.emptyOrUndefined++;
	const outcome = error
		? `${crashed ? 'CRASH' : 'error'}: ${error.message}`
		: `${output.length} item(s)${holes.length ? `, undefined at ${holes.join(', ')}` : ''}${empty ? `, ${empty} empty` : ''}`;
	table.push(`| ${operation.fixture} | ${replyName} | ${outcome.replace(/\|/g, '/').replace(/\n/g, ' ')} |`);
	return { result, output, error, message, crashed, holes, empty, spoiled };
}

describe('malformed replies', () => {
	for (const operation of OPERATIONS) {
		const kinds = MALFORMED.filter((kind) => (operation.binary ? !kind.forJson : !kind.forBinary));
		it.each(kinds)(`${operation.fixture}: $name gives a clear error`, async ({ name, reply }) => {
			const run = await runWith(operation, name, reply);
			expect(run.spoiled).toBe(1);
			expect(run.crashed).toBe(false);
			if (operation.legit?.includes(name)) {
				expect(run.error?.message).toBeUndefined();
				expect(run.output).toHaveLength(1);
				expect({ holes: run.holes, empty: run.empty }).toEqual({ holes: [], empty: 0 });
				return;
			}
			expect(run.error).toBeDefined();
			expect(run.error?.message).toMatch(/\w/);
			expect(run.error?.context?.itemIndex).toBe(0);
			expect(run.output).toHaveLength(0);
		});
	}
});

describe('sparse but valid replies', () => {
	for (const operation of OPERATIONS.filter((entry) => entry.sparse)) {
		const { reply, expect: expected } = operation.sparse!;
		it(`${operation.fixture}: ${JSON.stringify(reply)} gives ${expected === 'error' ? 'a clear error' : expected === 'none' ? 'no items' : 'an explicit item'}`, async () => {
			const run = await runWith(operation, `sparse ${JSON.stringify(reply)}`, ok(reply));
			expect(run.crashed).toBe(false);
			expect(run.holes).toEqual([]);
			expect(run.empty).toBe(0);
			if (expected === 'error') {
				expect(run.error).toBeDefined();
				expect(run.error?.context?.itemIndex).toBe(0);
			} else {
				expect(run.error?.message).toBeUndefined();
				if (expected === 'none') expect(run.output).toHaveLength(0);
				else expect(run.output.length).toBeGreaterThan(0);
			}
		});
	}
});

/**
 * Replies that lack what the operation needs (issue 15, point 4): a 200 "{}" from a proxy or a
 * half-compatible server, one operation of each family. The field the spec requires there must be
 * named in a clear error; never a success item or an empty list.
 */
const LACKING: Array<{ fixture: string; main: Operation['main']; names: string[] }> = [
	{ fixture: 'chat.complete', main: post('/chat/completions'), names: ['choices'] },
	{ fixture: 'chat.prompt', main: post('/chat/completions'), names: ['choices'] },
	{ fixture: 'completion.create', main: post('/completions'), names: ['choices'] },
	{ fixture: 'response.create.text', main: post('/responses'), names: ['id', 'output'] },
	{ fixture: 'response.get', main: get(/^\/responses\/[^/]+$/), names: ['id', 'output'] },
	{ fixture: 'embedding.create', main: post('/embeddings'), names: ['data'] },
	{ fixture: 'moderation.create', main: post('/moderations'), names: ['results'] },
	{ fixture: 'image.generate.gptImage', main: post('/images/generations'), names: ['created'] },
	{ fixture: 'image.edit.gptImage', main: post('/images/edits'), names: ['created'] },
	{ fixture: 'audio.transcribe', main: post('/audio/transcriptions'), names: ['text'] },
	{ fixture: 'file.upload', main: post('/files'), names: ['id'] },
	{ fixture: 'file.get', main: get(/^\/files\/[^/]+$/), names: ['id'] },
	{ fixture: 'file.delete', main: (r) => r.method === 'DELETE', names: ['id', 'deleted'] },
	{ fixture: 'file.getAll', main: get(/^\/files$/), names: ['data'] },
	{ fixture: 'model.getAll', main: get(/^\/models$/), names: ['data'] },
	{ fixture: 'model.get', main: get(/^\/models\/[^/]+$/), names: ['id'] },
	{ fixture: 'fineTuning.get', main: get(/^\/fine_tuning\/jobs\/[^/]+$/), names: ['id'] },
	{ fixture: 'fineTuning.listEvents', main: get(/^\/fine_tuning\/jobs\/[^/]+\/events$/), names: ['data'] },
	{ fixture: 'batch.get', main: get(/^\/batches\/[^/]+$/), names: ['id'] },
	{ fixture: 'assistant.create', main: post('/assistants'), names: ['id'] },
	{ fixture: 'conversation.create', main: post('/conversations'), names: ['id'] },
	{ fixture: 'vectorStore.create', main: post('/vector_stores'), names: ['id'] },
	{ fixture: 'vectorStore.search', main: post('/vector_stores/vs_abc123/search'), names: ['data'] },
	{ fixture: 'response.create.mcp', main: post('/responses'), names: ['id', 'output'] },
	{ fixture: 'response.countInputTokens', main: post('/responses/input_tokens'), names: ['input_tokens'] },
	{ fixture: 'response.compact', main: post('/responses/compact'), names: ['id', 'output'] },
	{ fixture: 'conversation.listItems', main: get(/^\/conversations\/[^/]+\/items$/), names: ['data'] },
	{ fixture: 'storedCompletion.get', main: get(/^\/chat\/completions\/[^/]+$/), names: ['id'] },
	{ fixture: 'container.create', main: post('/containers'), names: ['id'] },
	{ fixture: 'video.getAll', main: get(/^\/videos$/), names: ['data'] },
	{ fixture: 'video.delete', main: (r) => r.method === 'DELETE', names: ['id', 'deleted'] },
	{ fixture: 'realtime.createClientSecret', main: post('/realtime/client_secrets'), names: ['value'] },
	{ fixture: 'provenance.check', main: post('/content_provenance_checks'), names: ['results'] },
	{ fixture: 'vectorStore.addFiles', main: post('/vector_stores/vs_abc123/file_batches'), names: ['id'] },
	{ fixture: 'vectorStore.getFileContent', main: get(/^\/vector_stores\/[^/]+\/files\/[^/]+\/content$/), names: ['data'] },
	{ fixture: 'eval.create', main: post('/evals'), names: ['id'] },
	{ fixture: 'eval.delete', main: (r) => r.method === 'DELETE', names: ['eval_id', 'deleted'] },
	{ fixture: 'fineTuning.runGrader', main: post('/fine_tuning/alpha/graders/run'), names: ['reward'] },
	{ fixture: 'fineTuning.getAllCheckpointPermissions', main: get(/\/permissions$/), names: ['data'] },
	{ fixture: 'voice.createConsent', main: post('/audio/voice_consents'), names: ['id'] },
	{ fixture: 'skill.getAllVersions', main: get(/^\/skills\/[^/]+\/versions$/), names: ['data'] },
	{ fixture: 'chatKit.createSession', main: post('/chatkit/sessions'), names: ['id'] },
	{ fixture: 'organization.getUsage', main: get(/^\/organization\/usage\/\w+$/), names: ['data'] },
	{ fixture: 'organization.getProjects', main: get(/^\/organization\/projects$/), names: ['data'] },
];

describe('replies that lack what the operation needs', () => {
	it.each(LACKING)('$fixture: {} names $names', async ({ fixture: name, main, names }) => {
		const run = await runWith({ fixture: name, main }, 'lacking: {}', ok({}));
		expect(run.spoiled).toBe(1);
		expect(run.crashed).toBe(false);
		expect(run.output).toHaveLength(0);
		expect(run.error?.context?.itemIndex).toBe(0);
		for (const field of names) expect(run.error?.message).toContain(`"${field}"`);
	});
});
