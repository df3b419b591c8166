/**
 * The benchmarks' OpenAI-compatible server, run in its own process so its CPU is not counted:
 * deterministic chat completions after a fixed latency, and an optional rate limit (R requests a
 * second, a sliding one-second window) answered with 429 and retry-after-ms beyond it.
 * Usage: node mockServer.js <latencyMs> <ratePerSecond|0> <lifetimeSeconds>; prints its base URL.
 */
import type { FaultAction } from '../test/support/faultServer';
import { ok, openAiError, startFaultServer } from '../test/support/faultServer';

const [latencyMs = 0, ratePerSecond = 0, lifetimeSeconds = 600] = process.argv.slice(2).map(Number);

const admitted: number[] = [];
let rejected = 0;

function rateLimited(now: number): number | undefined {
	if (!ratePerSecond) return undefined;
	while (admitted.length && admitted[0] <= now - 1000) admitted.shift();
	if (admitted.length < ratePerSecond) {
		admitted.push(now);
		return undefined;
	}
	rejected++;
	return Math.max(1, admitted[0] + 1000 - now);
}

function completion(body: Buffer): FaultAction {
	let content = '';
	try {
		const request = JSON.parse(body.toString() || '{}') as { messages?: Array<{ content?: unknown }>; input?: unknown };
		content = String(request.messages?.at(-1)?.content ?? request.input ?? '');
	} catch {
		content = '';
	}
	return {
		...(ok({
			id: 'chatcmpl-bench',
			object: 'chat.completion',
			created: 1,
			model: 'gpt-4.1-mini',
			choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: `echo: ${content}`, refusal: null } }],
			usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
		}) as object),
		delayMs: latencyMs,
	} as FaultAction;
}

void (async () => {
	const server = await startFaultServer(
		(request) => {
			if (request.path.endsWith('/models')) return ok({ object: 'list', data: [{ id: 'gpt-4.1-mini', object: 'model', created: 1, owned_by: 'system' }] });
			const wait = rateLimited(Date.now());
			if (wait !== undefined) {
				return openAiError(429, 'Rate limit reached for requests', { code: 'rate_limit_exceeded', type: 'requests' }, { 'retry-after-ms': String(wait) });
			}
			return completion(request.body);
		},
		{ maxRequests: 1_000_000, lifetimeMs: lifetimeSeconds * 1000 },
	);
	process.stdout.write(`${server.url}\n`);
	process.on('SIGTERM', () => {
		process.stderr.write(`served ${server.requests.length} requests, ${rejected} rate-limited, peak in flight ${server.peakInFlight}\n`);
		void server.stop().then(() => process.exit(0));
	});
})();
