/**
 * Minimal but valid OpenAI replies, by endpoint: what the fault server answers when a test needs
 * a request to succeed (e.g. the good item of a bad-input row).
 */
import type { IDataObject } from 'n8n-workflow';

import type { FaultAction, ReceivedRequest } from '../support/faultServer';
import { ok } from '../support/faultServer';
import { png } from '../support/media';

export const PNG_BASE64 = png(2, 2).toString('base64');

function jsonBody(request: ReceivedRequest): IDataObject {
	try {
		return JSON.parse(request.body.toString('utf8') || '{}') as IDataObject;
	} catch {
		return {};
	}
}

export function chatCompletion(content: string, extra: IDataObject = {}): IDataObject {
	return {
		id: 'chatcmpl-1',
		object: 'chat.completion',
		created: 1,
		model: 'gpt-4.1-mini',
		choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content, refusal: null } }],
		usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
		...extra,
	};
}

export function responseObject(text: string, extra: IDataObject = {}): IDataObject {
	return {
		id: 'resp_1',
		object: 'response',
		created_at: 1,
		status: 'completed',
		model: 'gpt-4.1-mini',
		output: [{ id: 'msg_1', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] }],
		usage: { input_tokens: 3, output_tokens: 2, total_tokens: 5 },
		...extra,
	};
}

/** A JSON reply that matches the schema a chat or response request asked for, as far as these tests need. */
function jsonAnswer(body: IDataObject): string {
	const format = (body.response_format ?? (body.text as IDataObject | undefined)?.format) as IDataObject | undefined;
	if (!format || format.type === 'text') return 'ok';
	return JSON.stringify({ answer: 'ok', summary: 'ok' });
}

const list = (data: IDataObject[] = []): IDataObject => ({ object: 'list', data, first_id: null, last_id: null, has_more: false });
const video = (id: string): IDataObject => ({ id, object: 'video', model: 'sora-2', status: 'queued', progress: 0, created_at: 1, prompt: 'p', size: '720x1280', seconds: '4' });
const evalRun = { id: 'evalrun_1', object: 'eval.run', eval_id: 'eval_1', status: 'queued', model: 'gpt-4.1-mini', name: 'run', created_at: 1 };
const fileBatch = { id: 'vsfb_1', object: 'vector_store.files_batch', created_at: 1, vector_store_id: 'vs_abc123', status: 'completed', file_counts: { in_progress: 0, completed: 1, failed: 0, cancelled: 0, total: 1 } };

/**
 * Replies of the newer endpoints, with the fields the spec requires there (the node refuses a reply
 * without them, see shared/replyShapes.ts): [method, route, reply].
 */
const NEWER_ENDPOINTS: Array<[string, RegExp, IDataObject]> = [
	['POST', /^\/responses\/input_tokens$/, { object: 'response.input_tokens', input_tokens: 3 }],
	['POST', /^\/responses\/compact$/, { id: 'resp_1', object: 'response.compaction', output: [], created_at: 1, usage: { input_tokens: 3, output_tokens: 2, total_tokens: 5 } }],
	['*', /^\/conversations\/[^/]+\/items$/, list()],
	['GET', /^\/chat\/completions$/, list()],
	['DELETE', /^\/chat\/completions\/[^/]+$/, { id: 'chatcmpl-1', object: 'chat.completion.deleted', deleted: true }],
	['*', /^\/chat\/completions\/[^/]+$/, chatCompletion('ok')],
	['POST', /^\/containers$/, { id: 'cntr_1', object: 'container', name: 'c', created_at: 1, status: 'running' }],
	['POST', /^\/containers\/[^/]+\/files$/, { id: 'cfile_1', object: 'container.file', created_at: 1, bytes: 8, container_id: 'cntr_1', path: '/mnt/data/data.csv', source: 'user' }],
	['POST', /^\/videos$/, video('video_1')],
	['POST', /^\/videos\/[^/]+\/remix$/, video('video_2')],
	['POST', /^\/realtime\/client_secrets$/, { value: 'ek_1', expires_at: 2, session: { type: 'realtime' } }],
	['POST', /^\/content_provenance_checks$/, { object: 'content_provenance_check', created_at: 1, results: [] }],
	['POST', /^\/vector_stores\/[^/]+\/file_batches$/, fileBatch],
	['GET', /^\/vector_stores\/[^/]+\/file_batches\/[^/]+$/, fileBatch],
	['POST', /^\/vector_stores\/[^/]+\/file_batches\/[^/]+\/cancel$/, { ...fileBatch, status: 'cancelled' }],
	['POST', /^\/vector_stores\/[^/]+\/files\/[^/]+$/, { id: 'file-1', object: 'vector_store.file', usage_bytes: 8, created_at: 1, vector_store_id: 'vs_abc123', status: 'completed', last_error: null }],
	['POST', /^\/evals$/, { id: 'eval_1', object: 'eval', name: 'e', created_at: 1, data_source_config: { type: 'custom', schema: {} }, testing_criteria: [], metadata: null }],
	['POST', /^\/evals\/[^/]+\/runs$/, evalRun],
	['GET', /^\/evals\/[^/]+\/runs\/[^/]+$/, evalRun],
	['POST', /^\/evals\/[^/]+\/runs\/[^/]+$/, { ...evalRun, status: 'canceled' }],
	['POST', /^\/fine_tuning\/alpha\/graders\/run$/, { reward: 1, metadata: {}, sub_rewards: {}, model_grader_token_usage_per_model: {} }],
	['POST', /^\/audio\/voices$/, { id: 'voice_1', object: 'audio.voice', name: 'v', created_at: 1 }],
	['POST', /^\/audio\/voice_consents$/, { id: 'cons_1', object: 'audio.voice_consent', name: 'c', language: 'en-US', created_at: 1 }],
	['POST', /^\/skills(\/[^/]+)?$/, { id: 'skill_1', object: 'skill', name: 's', description: 'd', created_at: 1, default_version: '1', latest_version: '1' }],
	['POST', /^\/chatkit\/sessions$/, { id: 'cksess_1', object: 'chatkit.session', expires_at: 2, client_secret: 'ck_1', status: 'active' }],
];

export function goodReplyFor(request: ReceivedRequest): FaultAction {
	const { method, path } = request;
	const body = jsonBody(request);
	const route = path.replace(/^\/v1/, '');
	const newer = NEWER_ENDPOINTS.find(([verb, pattern]) => (verb === '*' || verb === method) && pattern.test(route));
	if (newer) return ok(newer[2]);
	if (route === '/chat/completions') return ok(chatCompletion(jsonAnswer(body)));
	if (route === '/completions') return ok({ id: 'cmpl-1', object: 'text_completion', created: 1, model: 'gpt-3.5-turbo-instruct', choices: [{ index: 0, text: 'ok', finish_reason: 'stop', logprobs: null }] });
	if (route === '/responses') return ok(responseObject(jsonAnswer(body)));
	if (route.startsWith('/conversations')) return ok({ id: 'conv_1', object: 'conversation', created_at: 1, metadata: {} });
	if (route.startsWith('/images/')) return ok({ created: 1, data: [{ b64_json: PNG_BASE64 }] });
	if (route === '/audio/speech') return { status: 200, raw: Buffer.alloc(64, 1), headers: { 'content-type': 'audio/wav' } };
	if (route.startsWith('/audio/')) return ok({ text: 'ok' });
	if (route === '/embeddings') return ok({ object: 'list', model: 'text-embedding-3-small', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }], usage: { prompt_tokens: 1, total_tokens: 1 } });
	if (route === '/moderations') return ok({ id: 'modr-1', model: 'omni-moderation-latest', results: [{ flagged: false, categories: {}, category_scores: {} }] });
	if (/^\/containers\/[^/]+\/files\/[^/]+$/.test(route) && method === 'GET') return ok({ id: route.split('/')[4], object: 'container.file', container_id: route.split('/')[2], created_at: 1, bytes: 8, path: '/mnt/data/data.csv', source: 'user' });
	if (/^(\/containers\/[^/]+)?\/files\/[^/]+\/content$/.test(route)) return { status: 200, raw: Buffer.from('{"a":1}\n'), headers: { 'content-type': 'application/octet-stream' } };
	if (/^\/files\/[^/]+$/.test(route) && method === 'GET') return ok({ id: route.split('/')[2], object: 'file', bytes: 8, created_at: 1, filename: 'data.jsonl', purpose: 'batch', status: 'processed' });
	if (/^\/batches\/[^/]+$/.test(route) && method === 'GET') return ok({ id: route.split('/')[2], object: 'batch', status: 'in_progress', endpoint: '/v1/chat/completions', input_file_id: 'file-1', completion_window: '24h', created_at: 1 });
	if (route === '/files' && method === 'POST') return ok({ id: 'file-1', object: 'file', bytes: 1, created_at: 1, filename: 'f.jsonl', purpose: 'batch', status: 'processed' });
	if (route === '/fine_tuning/jobs' && method === 'POST') return ok({ id: 'ftjob-1', object: 'fine_tuning.job', status: 'queued', model: 'gpt-4.1-mini', created_at: 1 });
	if (route.startsWith('/models/')) return ok({ id: route.slice('/models/'.length), object: 'model', created: 1, owned_by: 'openai' });
	if (route === '/assistants' && method === 'POST') return ok({ id: 'asst_1', object: 'assistant', created_at: 1, model: 'gpt-4.1-mini', tools: [], metadata: {} });
	if (route === '/batches' && method === 'POST') return ok({ id: 'batch_1', object: 'batch', status: 'validating', endpoint: '/v1/chat/completions', input_file_id: 'file-1', created_at: 1 });
	if (route === '/vector_stores' && method === 'POST') return ok({ id: 'vs_1', object: 'vector_store', name: 'x', status: 'completed', created_at: 1, metadata: {} });
	if (/^\/vector_stores\/[^/]+\/search$/.test(route)) return ok({ object: 'vector_store.search_results.page', search_query: ['q'], data: [], has_more: false, next_page: null });
	if (route === '/uploads' && method === 'POST') return ok({ id: 'upload_1', object: 'upload', bytes: 1, created_at: 1, filename: 'f.jsonl', purpose: 'fine-tune', status: 'pending', expires_at: 2 });
	if (/^\/uploads\/[^/]+\/parts$/.test(route)) return ok({ id: 'part_1', object: 'upload.part', created_at: 1, upload_id: route.split('/')[2] });
	if (/^\/uploads\/[^/]+\/(complete|cancel)$/.test(route)) return ok({ id: route.split('/')[2], object: 'upload', status: route.endsWith('complete') ? 'completed' : 'cancelled', file: { id: 'file-1', object: 'file', bytes: 1, created_at: 1, filename: 'f.jsonl', purpose: 'fine-tune' } });
	if (/^\/skills\/[^/]+(\/versions\/[^/]+)?\/content$/.test(route)) return { status: 200, raw: Buffer.from('PK\u0005\u0006'), headers: { 'content-type': 'application/zip' } };
	return ok(list());
}
