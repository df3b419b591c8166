#!/usr/bin/env node
// A small, deterministic stand-in for the OpenAI API, for the demo and the
// editor check. It listens on 127.0.0.1 only and stops by itself (idle
// timeout, and a hard lifetime cap). It is not a validator: the e2e suite uses
// `steady` with the official OpenAPI spec for that.
//
//   node scripts/mock-openai.mjs [--port 0] [--idle 600] [--lifetime 3600]
//
// Prints "mock-openai listening on http://127.0.0.1:<port>" once ready.
// Also importable: `const mock = await startMockOpenAI({ port: 0 }); mock.url; await mock.close();`
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

import { createBatchApi } from './mock-batches.mjs';

const CREATED = 1735689600; // 2025-01-01, fixed so replies are stable

export const MOCK_MODELS = [
	'gpt-4o',
	'gpt-4o-mini',
	'gpt-4.1-mini',
	'o4-mini',
	'gpt-3.5-turbo-instruct',
	'dall-e-2',
	'dall-e-3',
	'gpt-image-1',
	'tts-1',
	'gpt-4o-mini-tts',
	'whisper-1',
	'gpt-4o-transcribe',
	'text-embedding-3-small',
	'text-embedding-3-large',
	'omni-moderation-latest',
	'ft:gpt-4o-mini-2024-07-18:acme::demo123',
];

// ----------------------------------------------------------------- helpers ---

function seeded(text) {
	// Deterministic pseudo-random numbers from a string.
	let h = createHash('sha256').update(String(text)).digest();
	let i = 0;
	return () => {
		if (i + 4 > h.length) {
			h = createHash('sha256').update(h).digest();
			i = 0;
		}
		const v = h.readUInt32BE(i);
		i += 4;
		return v / 0xffffffff;
	};
}

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
}
/** A valid square RGB PNG with a gradient coloured from the prompt. */
export function makePng(prompt = '', size = 64) {
	const rnd = seeded(prompt);
	const [r0, g0, b0] = [rnd() * 255, rnd() * 255, rnd() * 255];
	const rows = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 3);
		for (let x = 0; x < size; x++) {
			row[1 + x * 3] = (r0 + (x * 255) / size) % 256;
			row[2 + x * 3] = (g0 + (y * 255) / size) % 256;
			row[3 + x * 3] = b0;
		}
		rows.push(row);
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // RGB
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', ihdr),
		pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

/** A short silent WAV file (the mock's "speech"). */
function makeWav(seconds = 0.25, rate = 8000) {
	const samples = Math.round(seconds * rate);
	const b = Buffer.alloc(44 + samples);
	b.write('RIFF', 0);
	b.writeUInt32LE(36 + samples, 4);
	b.write('WAVEfmt ', 8);
	b.writeUInt32LE(16, 16);
	b.writeUInt16LE(1, 20);
	b.writeUInt16LE(1, 22);
	b.writeUInt32LE(rate, 24);
	b.writeUInt32LE(rate, 28);
	b.writeUInt16LE(1, 32);
	b.writeUInt16LE(8, 34);
	b.write('data', 36);
	b.writeUInt32LE(samples, 40);
	b.fill(128, 44);
	return b;
}

/** An example value for a JSON schema (used for structured output and tool arguments). */
function sampleFromSchema(schema, name = 'value', rnd = seeded(name), depth = 0) {
	if (!schema || typeof schema !== 'object' || depth > 8) return null;
	if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
	if (schema.enum?.length) return schema.enum[0];
	if (schema.const !== undefined) return schema.const;
	const anyOf = schema.anyOf ?? schema.oneOf;
	if (Array.isArray(anyOf) && anyOf.length) {
		const nonNull = anyOf.find((s) => s?.type !== 'null') ?? anyOf[0];
		return sampleFromSchema(nonNull, name, rnd, depth + 1);
	}
	let type = schema.type;
	if (Array.isArray(type)) type = type.find((t) => t !== 'null') ?? type[0];
	if (!type && schema.properties) type = 'object';
	switch (type) {
		case 'object': {
			const out = {};
			for (const [k, v] of Object.entries(schema.properties ?? {})) {
				out[k] = sampleFromSchema(v, k, rnd, depth + 1);
			}
			return out;
		}
		case 'array':
			return [0, 1].map((i) => sampleFromSchema(schema.items ?? {}, `${name}${i + 1}`, rnd, depth + 1));
		case 'integer':
			return Math.floor(rnd() * 100);
		case 'number':
			return Math.round(rnd() * 10000) / 100;
		case 'boolean':
			return rnd() > 0.5;
		case 'null':
			return null;
		default: {
			const lower = name.toLowerCase();
			if (lower.includes('email')) return 'jane.doe@example.com';
			if (lower.includes('name')) return 'Jane Doe';
			if (lower.includes('city')) return 'Lisbon';
			if (lower.includes('date')) return '2025-01-01';
			if (lower.includes('url')) return 'https://example.com';
			return `sample ${name}`;
		}
	}
}

function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content))
		return content
			.map((p) => (typeof p === 'string' ? p : p?.text ?? ''))
			.filter(Boolean)
			.join(' ');
	return '';
}
function clip(s, n = 80) {
	s = String(s).replace(/\s+/g, ' ').trim();
	return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
function usage(prompt, completion) {
	const p = Math.max(1, Math.ceil(prompt.length / 4));
	const c = Math.max(1, Math.ceil(completion.length / 4));
	return { prompt_tokens: p, completion_tokens: c, total_tokens: p + c };
}
function id(prefix, seed) {
	return `${prefix}_${createHash('sha1').update(String(seed)).digest('hex').slice(0, 24)}`;
}

// ---------------------------------------------------------------- handlers ---

function chatCompletion(body) {
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const lastUser = [...messages].reverse().find((m) => m?.role === 'user');
	const prompt = textOf(lastUser?.content);
	const images = Array.isArray(lastUser?.content)
		? lastUser.content.filter((p) => p?.type === 'image_url').length
		: 0;
	const model = body.model ?? 'gpt-4o-mini';
	const last = messages[messages.length - 1];
	const message = { role: 'assistant', content: null, refusal: null };
	let finish = 'stop';
	const tools = (body.tools ?? []).filter((t) => t?.type === 'function' && t.function);
	if (tools.length && last?.role !== 'tool' && body.tool_choice !== 'none') {
		// An agent's first turn: a call to its first tool. A free-text argument (an AI Agent tool's $fromAI "prompt")
		// carries the user's request, so the tool's result, and the final answer built from it, show it went through.
		const fn = tools[0].function;
		const args = sampleFromSchema(fn.parameters ?? {}, fn.name);
		for (const key of ['prompt', 'input', 'query', 'question', 'text']) {
			if (args && typeof args === 'object' && fn.parameters?.properties?.[key]?.type === 'string') args[key] = prompt;
		}
		message.tool_calls = [
			{
				id: id('call', prompt + fn.name),
				type: 'function',
				function: {
					name: fn.name,
					arguments: JSON.stringify(args),
				},
			},
		];
		finish = 'tool_calls';
	} else if (body.response_format?.type === 'json_schema') {
		const js = body.response_format.json_schema ?? {};
		message.content = JSON.stringify(sampleFromSchema(js.schema ?? {}, js.name ?? 'result'));
	} else if (body.response_format?.type === 'json_object') {
		message.content = JSON.stringify({ reply: `Mock JSON reply to: ${clip(prompt, 60)}` });
	} else if (last?.role === 'tool') {
		message.content = `Mock answer using the tool result: ${clip(textOf(last.content), 60)}`;
	} else if (images) {
		message.content = `Mock description of ${images} image(s) for: ${clip(prompt, 60)}`;
	} else {
		message.content = `Mock reply to: ${clip(prompt)}`;
	}
	const n = Math.max(1, Math.min(Number(body.n) || 1, 8));
	return {
		id: id('chatcmpl', JSON.stringify(messages)),
		object: 'chat.completion',
		created: CREATED,
		model,
		system_fingerprint: 'fp_mock',
		choices: Array.from({ length: n }, (_, index) => ({
			index,
			message,
			logprobs: null,
			finish_reason: finish,
		})),
		usage: usage(JSON.stringify(messages), message.content ?? JSON.stringify(message.tool_calls)),
	};
}

function embeddings(body) {
	const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
	const dims = Number(body.dimensions) || (String(body.model).includes('large') ? 3072 : 1536);
	const data = inputs.map((text, index) => {
		const rnd = seeded(`${body.model}:${JSON.stringify(text)}`);
		const v = Array.from({ length: dims }, () => rnd() * 2 - 1);
		const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
		const unit = v.map((x) => Math.round((x / norm) * 1e6) / 1e6);
		const embedding =
			body.encoding_format === 'base64'
				? Buffer.from(new Float32Array(unit).buffer).toString('base64')
				: unit;
		return { object: 'embedding', index, embedding };
	});
	const tokens = inputs.reduce((s, t) => s + Math.ceil(JSON.stringify(t).length / 4), 0);
	return {
		object: 'list',
		data,
		model: body.model ?? 'text-embedding-3-small',
		usage: { prompt_tokens: tokens, total_tokens: tokens },
	};
}

function images(body, baseUrl) {
	const n = Math.max(1, Math.min(Number(body.n) || 1, 10));
	const prompt = body.prompt ?? 'variation';
	const wantUrl = body.response_format === 'url' && body.model !== 'gpt-image-1';
	// Square images up to 256 px, whatever size was asked for (keeps replies small).
	const side = Math.min(256, Number(String(body.size ?? '').split('x')[0]) || 64);
	const data = Array.from({ length: n }, (_, i) => {
		const key = `${prompt}#${i}`;
		const item = wantUrl
			? { url: `${baseUrl}/_mock/image.png?seed=${encodeURIComponent(key)}` }
			: { b64_json: makePng(key, side).toString('base64') };
		if (body.model === 'dall-e-3') item.revised_prompt = `A mock rendering of: ${clip(prompt, 60)}`;
		return item;
	});
	return { created: CREATED, data };
}

function moderation(body) {
	const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
	const cats = ['harassment', 'hate', 'self-harm', 'sexual', 'violence'];
	return {
		id: id('modr', JSON.stringify(inputs)),
		model: body.model ?? 'omni-moderation-latest',
		results: inputs.map((input) => {
			const text = textOf(typeof input === 'object' && input?.text ? input.text : input);
			const flagged = /\b(kill|hate)\b/i.test(text);
			return {
				flagged,
				categories: Object.fromEntries(cats.map((c) => [c, flagged && c === 'violence'])),
				category_scores: Object.fromEntries(cats.map((c) => [c, flagged && c === 'violence' ? 0.91 : 0.001])),
			};
		}),
	};
}

function responseObject(body) {
	const last = Array.isArray(body.input) ? body.input.at(-1) : undefined;
	const lastUser = Array.isArray(body.input) ? [...body.input].reverse().find((item) => item?.role === 'user') : undefined;
	const input = typeof body.input === 'string' ? body.input : textOf(lastUser?.content ?? last?.content);
	const respId = id('resp', JSON.stringify(body.input));
	// Like chatCompletion: the first function tool is called until its output comes back.
	const fn = (body.tools ?? []).find((t) => t?.type === 'function');
	if (fn && last?.type !== 'function_call_output' && body.tool_choice !== 'none') {
		return {
			...responseBase(body, respId),
			output: [
				{
					id: id('fc', respId),
					type: 'function_call',
					status: 'completed',
					call_id: id('call', input + fn.name),
					name: fn.name,
					arguments: JSON.stringify(sampleFromSchema(fn.parameters ?? {}, fn.name)),
				},
			],
			output_text: '',
		};
	}
	const text =
		last?.type === 'function_call_output' ? `Mock answer using the tool result: ${clip(textOf(last.output), 60)}` : `Mock response to: ${clip(input)}`;
	return {
		...responseBase(body, respId),
		output: [
			{
				id: id('msg', respId),
				type: 'message',
				status: 'completed',
				role: 'assistant',
				content: [{ type: 'output_text', text, annotations: [] }],
			},
		],
		output_text: text,
	};
}

function responseBase(body, respId) {
	return {
		id: respId,
		object: 'response',
		created_at: CREATED,
		status: 'completed',
		model: body.model ?? 'gpt-4o-mini',
		usage: {
			input_tokens: 5,
			output_tokens: 7,
			total_tokens: 12,
			input_tokens_details: { cached_tokens: 0 },
			output_tokens_details: { reasoning_tokens: 0 },
		},
	};
}

/** Conversations (POST /conversations, their items): kept in memory, newest item last. */
function conversationObject(conversation) {
	const { items, ...object } = conversation;
	return object;
}
function conversationItem(input, seq) {
	const role = input.role ?? 'user';
	const parts = typeof input.content === 'string' ? [{ type: 'input_text', text: input.content }] : (input.content ?? []);
	return {
		id: id('msg', `${seq}:${JSON.stringify(input)}`),
		type: 'message',
		status: 'completed',
		role,
		content: parts.map((part) => ({ type: role === 'assistant' ? 'output_text' : 'input_text', text: part.text ?? '', ...(role === 'assistant' ? { annotations: [] } : {}) })),
	};
}
function itemPage(items, query) {
	const limit = Math.max(1, Math.min(Number(query.get('limit')) || 20, 100));
	const ordered = query.get('order') === 'asc' ? [...items] : [...items].reverse();
	const after = query.get('after');
	const start = after ? ordered.findIndex((item) => item.id === after) + 1 : 0;
	const data = ordered.slice(start, start + limit);
	return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < ordered.length };
}

function modelObject(m) {
	return {
		id: m,
		object: 'model',
		created: CREATED,
		owned_by: m.startsWith('ft:') ? 'acme' : m.startsWith('gpt') || m.startsWith('o') ? 'openai' : 'system',
	};
}

function openAiError(res, status, message, type = 'invalid_request_error', code = null) {
	send(res, status, { error: { message, type, param: null, code } });
}
function send(res, status, body, headers = {}) {
	const buf = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
	res.writeHead(status, {
		'content-type': Buffer.isBuffer(body) ? headers['content-type'] : 'application/json',
		'content-length': buf.length,
		'x-request-id': id('req', Date.now() + Math.random()),
		...headers,
	});
	res.end(buf);
}

async function readBody(req) {
	const chunks = [];
	for await (const c of req) chunks.push(c);
	const raw = Buffer.concat(chunks);
	const type = req.headers['content-type'] ?? '';
	if (type.includes('application/json') && raw.length) {
		try {
			return JSON.parse(raw.toString('utf8'));
		} catch {
			return { __invalid: true };
		}
	}
	if (type.includes('multipart/form-data')) {
		// Enough parsing for the mock: plain text fields by name, files by count.
		const fields = {};
		const text = raw.toString('latin1');
		for (const m of text.matchAll(/name="([^"]+)"(; filename="[^"]*")?\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/g)) {
			if (!m[2]) fields[m[1]] = m[3];
			else fields.__files = (fields.__files ?? 0) + 1;
		}
		return fields;
	}
	return {};
}

/** The mock's direct reply to one Batch API request line, or undefined for an endpoint batches do not run here. */
function directAnswer(url, body) {
	const answers = {
		'/v1/chat/completions': chatCompletion,
		'/v1/embeddings': embeddings,
		'/v1/moderations': moderation,
		'/v1/responses': responseObject,
	};
	return answers[url]?.(body);
}

// ------------------------------------------------------------------ server ---

/** A chat completion as the server-sent events of `stream: true`: the whole message in one delta, then the end. */
function sendChatStream(res, completion) {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	const chunk = (choices, extra = {}) => ({ id: completion.id, object: 'chat.completion.chunk', created: completion.created, model: completion.model, choices, ...extra });
	const delta = ({ message }) => ({
		role: 'assistant',
		content: message.content ?? null,
		...(message.tool_calls ? { tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) } : {}),
	});
	const events = [
		chunk(completion.choices.map((choice) => ({ index: choice.index, delta: delta(choice), finish_reason: null }))),
		chunk(completion.choices.map((choice) => ({ index: choice.index, delta: {}, finish_reason: choice.finish_reason }))),
		chunk([], { usage: completion.usage }),
	];
	for (const event of events) res.write(`data: ${JSON.stringify(event)}\n\n`);
	res.end('data: [DONE]\n\n');
}

export async function startMockOpenAI({ port = 0, idleSeconds = 600, lifetimeSeconds = 3600, log = () => {} } = {}) {
	let idleTimer;
	let baseUrl = '';
	const conversations = new Map();
	let sequence = 0;
	// The JSON requests received, newest last (at most 500), for checks that read what a node sent.
	const requests = [];
	const batchApi = createBatchApi(directAnswer);
	const server = createServer(async (req, res) => {
		resetIdle();
		const url = new URL(req.url, 'http://127.0.0.1');
		// Accept both "<base>" and "<base>/v1" as the API root.
		const path = url.pathname.replace(/^\/v1(?=\/|$)/, '').replace(/\/+$/, '') || '/';
		log(`${req.method} ${url.pathname}`);
		try {
			if (path === '/_mock/image.png') {
				return send(res, 200, makePng(url.searchParams.get('seed') ?? ''), { 'content-type': 'image/png' });
			}
			const auth = req.headers.authorization ?? '';
			if (!/^Bearer \S+/.test(auth)) {
				return openAiError(res, 401, 'You didn\'t provide an API key.', 'invalid_request_error', 'missing_api_key');
			}
			if (auth === 'Bearer sk-invalid') {
				return openAiError(res, 401, 'Incorrect API key provided: sk-inval**id.', 'invalid_request_error', 'invalid_api_key');
			}
			if (await batchApi(req, res, path, { send, openAiError })) return;
			const body = req.method === 'GET' || req.method === 'DELETE' ? {} : await readBody(req);
			if (body.__invalid) return openAiError(res, 400, 'We could not parse the JSON body of your request.');
			// With the model, tool names and stream flag at hand for checks that only ask which was used.
			requests.push({ method: req.method, path, body, model: body.model, tools: (body.tools ?? []).map((t) => t?.function?.name ?? t?.name ?? t?.type), stream: body.stream === true });
			if (requests.length > 500) requests.shift();
			const m = req.method;
			if (m === 'GET' && path === '/models') {
				return send(res, 200, { object: 'list', data: MOCK_MODELS.map(modelObject) });
			}
			let mm = path.match(/^\/models\/(.+)$/);
			if (mm) {
				const modelId = decodeURIComponent(mm[1]);
				if (!MOCK_MODELS.includes(modelId))
					return openAiError(res, 404, `The model '${modelId}' does not exist`, 'invalid_request_error', 'model_not_found');
				if (m === 'GET') return send(res, 200, modelObject(modelId));
				if (m === 'DELETE') return send(res, 200, { id: modelId, object: 'model', deleted: true });
			}
			if (m === 'POST' && path === '/chat/completions') {
				if (body.stream === true) return sendChatStream(res, chatCompletion(body));
				return send(res, 200, chatCompletion(body));
			}
			if (m === 'POST' && path === '/completions') {
				const text = ` Mock completion of: ${clip(textOf(body.prompt), 60)}`;
				return send(res, 200, {
					id: id('cmpl', body.prompt),
					object: 'text_completion',
					created: CREATED,
					model: body.model,
					choices: [{ index: 0, text, logprobs: null, finish_reason: 'stop' }],
					usage: usage(textOf(body.prompt), text),
				});
			}
			if (m === 'POST' && path === '/embeddings') return send(res, 200, embeddings(body));
			if (m === 'POST' && ['/images/generations', '/images/edits', '/images/variations'].includes(path)) {
				return send(res, 200, images(body, baseUrl));
			}
			if (m === 'POST' && path === '/audio/speech') {
				return send(res, 200, makeWav(), { 'content-type': 'audio/wav' });
			}
			if (m === 'POST' && (path === '/audio/transcriptions' || path === '/audio/translations')) {
				const text = 'This is a mock transcription.';
				if (body.response_format === 'text') return send(res, 200, Buffer.from(text), { 'content-type': 'text/plain' });
				return send(res, 200, { text });
			}
			if (m === 'POST' && path === '/moderations') return send(res, 200, moderation(body));
			if (m === 'POST' && path === '/responses') return send(res, 200, responseObject(body));
			if (m === 'POST' && path === '/conversations') {
				const conversation = { id: id('conv', `${Date.now()}:${++sequence}`), object: 'conversation', created_at: CREATED, metadata: body.metadata ?? {}, items: [] };
				for (const input of body.items ?? []) conversation.items.push(conversationItem(input, ++sequence));
				conversations.set(conversation.id, conversation);
				return send(res, 200, conversationObject(conversation));
			}
			mm = path.match(/^\/conversations\/([^/]+)(?:\/items(?:\/([^/]+))?)?$/);
			if (mm) {
				const conversation = conversations.get(decodeURIComponent(mm[1]));
				if (!conversation) return openAiError(res, 404, `Conversation with id '${decodeURIComponent(mm[1])}' not found.`, 'invalid_request_error', 'not_found');
				const onItems = path.includes('/items');
				const itemId = mm[2] && decodeURIComponent(mm[2]);
				if (!onItems && m === 'GET') return send(res, 200, conversationObject(conversation));
				if (!onItems && m === 'DELETE') {
					conversations.delete(conversation.id);
					return send(res, 200, { id: conversation.id, object: 'conversation.deleted', deleted: true });
				}
				if (onItems && !itemId && m === 'GET') return send(res, 200, itemPage(conversation.items, url.searchParams));
				if (onItems && !itemId && m === 'POST') {
					const added = (body.items ?? []).map((input) => conversationItem(input, ++sequence));
					conversation.items.push(...added);
					return send(res, 200, { object: 'list', data: added, first_id: added[0]?.id ?? null, last_id: added.at(-1)?.id ?? null, has_more: false });
				}
				if (itemId && m === 'DELETE') {
					conversation.items = conversation.items.filter((item) => item.id !== itemId);
					return send(res, 200, conversationObject(conversation));
				}
			}
			return openAiError(res, 404, `Unknown request URL: ${m} ${url.pathname}. (mock-openai serves a subset of the API)`, 'invalid_request_error', 'unknown_url');
		} catch (error) {
			return openAiError(res, 500, `mock-openai failed: ${error.message}`, 'server_error');
		}
	});
	const resetIdle = () => {
		clearTimeout(idleTimer);
		idleTimer = setTimeout(() => close(), idleSeconds * 1000);
		idleTimer.unref();
	};
	const lifeTimer = setTimeout(() => close(), lifetimeSeconds * 1000);
	lifeTimer.unref();
	const close = () =>
		new Promise((resolve) => {
			clearTimeout(idleTimer);
			clearTimeout(lifeTimer);
			server.closeAllConnections?.();
			server.close(() => resolve());
		});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	resetIdle();
	baseUrl = `http://127.0.0.1:${server.address().port}`;
	return { url: baseUrl, port: server.address().port, close, server, conversations, requests };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const arg = (name, def) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? Number(process.argv[i + 1]) : def;
	};
	const mock = await startMockOpenAI({
		port: arg('port', 0),
		idleSeconds: arg('idle', 600),
		lifetimeSeconds: arg('lifetime', 3600),
		log: process.argv.includes('--verbose') ? (l) => console.log(l) : () => {},
	});
	console.log(`mock-openai listening on ${mock.url}`);
	mock.server.on('close', () => process.exit(0));
	for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => mock.close().then(() => process.exit(0)));
}
