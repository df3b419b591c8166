/**
 * The benchmarks' OpenAI-compatible server, run in its own process so its CPU is not counted:
 * deterministic chat completions (and Responses API replies for n8n's built-in node, and replies to
 * uploads) after a fixed latency, and optional account limits (test/support/rateLimitServer.ts): R
 * requests and T tokens a second, each bucket holding one second's worth, answered with 429 and
 * retry-after-ms beyond them, and OpenAI's x-ratelimit-* headers on every reply unless turned off.
 * A request costs its prompt at 4 characters a token plus 4, and a 20-token answer, which its
 * reply's usage reports.
 * Usage: node mockServer.js <latencyMs> <requestsPerSecond|0> <lifetimeSeconds> [tokensPerSecond|0] [headers 1|0];
 * prints its base URL.
 */
import type { FaultAction, ReceivedRequest } from '../test/support/faultServer';
import { ok, openAiError, startFaultServer } from '../test/support/faultServer';
import { accountLimiter } from '../test/support/rateLimitServer';

const [latencyMs = 0, ratePerSecond = 0, lifetimeSeconds = 600, tokensPerSecond = 0, headers = 1] = process.argv.slice(2).map(Number);

const limiter = ratePerSecond > 0 ? accountLimiter({ requestsPerSecond: ratePerSecond, tokensPerSecond, headers: headers !== 0 }) : undefined;
const ANSWER_TOKENS = 20;
/** When the first and the last request arrived: the run's time without the client's preparation before its first request. */
const span: { first?: number; last?: number } = {};

function promptOf(request: ReceivedRequest): string {
	if (!String(request.headers['content-type'] ?? '').includes('json')) return '';
	try {
		const body = JSON.parse(request.body.toString() || '{}') as {
			messages?: Array<{ content?: unknown }>;
			input?: string | Array<{ content?: unknown }>;
		};
		const input = Array.isArray(body.input) ? body.input.at(-1)?.content : body.input;
		const last = body.messages?.at(-1)?.content ?? input ?? '';
		return typeof last === 'string' ? last : JSON.stringify(last);
	} catch {
		return '';
	}
}

const promptTokens = (content: string) => Math.ceil(content.length / 4) + 4;

/** A Responses API reply (n8n's built-in OpenAI node, text > Message a Model, posts to /responses). */
function response(content: string, extraHeaders: Record<string, string>): FaultAction {
	const input = promptTokens(content);
	return {
		...(ok({
			id: 'resp_bench',
			object: 'response',
			created_at: 1,
			status: 'completed',
			model: 'gpt-4.1-mini',
			output: [
				{
					type: 'message',
					id: 'msg_bench',
					status: 'completed',
					role: 'assistant',
					content: [{ type: 'output_text', text: `echo: ${content}`, annotations: [] }],
				},
			],
			usage: { input_tokens: input, output_tokens: ANSWER_TOKENS, total_tokens: input + ANSWER_TOKENS },
		}, extraHeaders) as object),
		delayMs: latencyMs,
	} as FaultAction;
}

/** The Uploads API of figure 4c: the upload, its parts (only counted) and the completed file. */
let uploadedBytes = 0;
function uploadsApi(request: ReceivedRequest): FaultAction {
	const [, id, step] = /^\/v1\/uploads(?:\/([^/]+)\/(parts|complete|cancel))?$/.exec(request.path) ?? [];
	if (!id) {
		uploadedBytes = 0;
		return ok({ id: 'upload_bench', object: 'upload', bytes: 0, created_at: 1, filename: 'upload.bin', purpose: 'assistants', status: 'pending', expires_at: 2 });
	}
	if (step === 'parts') {
		uploadedBytes += request.body.length;
		return ok({ id: `part_${uploadedBytes}`, object: 'upload.part', created_at: 1, upload_id: id });
	}
	const file = { id: 'file-bench', object: 'file', bytes: uploadedBytes, created_at: 1, filename: 'upload.bin', purpose: 'assistants', status: 'processed' };
	return ok({ id, object: 'upload', status: step === 'complete' ? 'completed' : 'cancelled', file });
}

/** Replies for the uploads of figure 4 (multipart bodies: the server only counts their bytes). */
function upload(request: ReceivedRequest): FaultAction {
	if (request.path.endsWith('/audio/transcriptions')) return { ...(ok({ text: `heard ${request.body.length} bytes` }) as object), delayMs: latencyMs } as FaultAction;
	return {
		...(ok({ id: 'file-bench', object: 'file', bytes: request.body.length, created_at: 1, filename: 'upload.bin', purpose: 'user_data', status: 'processed' }) as object),
		delayMs: latencyMs,
	} as FaultAction;
}

function completion(content: string, extraHeaders: Record<string, string>): FaultAction {
	const prompt = promptTokens(content);
	return {
		...(ok({
			id: 'chatcmpl-bench',
			object: 'chat.completion',
			created: 1,
			model: 'gpt-4.1-mini',
			choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: `echo: ${content}`, refusal: null } }],
			usage: { prompt_tokens: prompt, completion_tokens: ANSWER_TOKENS, total_tokens: prompt + ANSWER_TOKENS },
		}, extraHeaders) as object),
		delayMs: latencyMs,
	} as FaultAction;
}

void (async () => {
	const server = await startFaultServer(
		(request) => {
			if (request.path.endsWith('/models')) return ok({ object: 'list', data: [{ id: 'gpt-4.1-mini', object: 'model', created: 1, owned_by: 'system' }] });
			const now = Date.now();
			span.first ??= now;
			span.last = now;
			const prompt = promptOf(request);
			const admission = limiter?.admit(promptTokens(prompt) + ANSWER_TOKENS);
			if (admission?.retryAfterMs !== undefined) {
				return openAiError(429, 'Rate limit reached', { code: 'rate_limit_exceeded', type: 'requests' }, { ...admission.headers, 'retry-after-ms': String(admission.retryAfterMs) });
			}
			if (request.path.startsWith('/v1/uploads')) {
				const reply = uploadsApi(request);
				request.body = Buffer.alloc(0); // 64 MB parts: the fault server keeps every request
				return reply;
			}
			if (request.path.endsWith('/audio/transcriptions') || request.path.endsWith('/files')) {
				const reply = upload(request);
				request.body = Buffer.alloc(0); // the fault server keeps every request: let 100 MB bodies go
				return reply;
			}
			if (request.path.endsWith('/responses')) return response(prompt, admission?.headers ?? {});
			return completion(prompt, admission?.headers ?? {});
		},
		{ maxRequests: 1_000_000, lifetimeMs: lifetimeSeconds * 1000 },
	);
	process.stdout.write(`${server.url}\n`);
	process.on('SIGTERM', () => {
		const stats = limiter?.stats;
		process.stderr.write(`served ${server.requests.length} requests, ${stats?.rejected ?? 0} rate-limited, peak in flight ${server.peakInFlight}, ${stats?.tokens ?? 0} tokens admitted, ${(span.last ?? 0) - (span.first ?? 0)} ms from the first request to the last\n`);
		void server.stop().then(() => process.exit(0));
	});
})();
