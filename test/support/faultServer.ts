import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { LOOPBACK } from './servers';

export interface ReceivedRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
	/** How many requests (this one included) were being served when it arrived. */
	inFlight: number;
}

/** What the server does with one request. */
export type FaultAction =
	| { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number; raw?: string | Buffer }
	| { reset: true; delayMs?: number }
	| { hang: true };

export type FaultPlan = (request: ReceivedRequest, index: number) => FaultAction;

export interface FaultServer {
	url: string;
	requests: ReceivedRequest[];
	peakInFlight: number;
	stop(): Promise<void>;
}

/**
 * A scriptable HTTP server for failure tests: rate limits with retry-after, server errors,
 * connection resets, slow and malformed replies. It listens on 127.0.0.1 only, serves at most
 * `maxRequests`, and closes itself after `lifetimeMs` even if a test forgets to stop it. `port`
 * picks the port (a test may refuse connections on it first); by default any free one.
 */
export async function startFaultServer(
	plan: FaultPlan,
	{ maxRequests = 20_000, lifetimeMs = 120_000, port: wantedPort = 0 }: { maxRequests?: number; lifetimeMs?: number; port?: number } = {},
): Promise<FaultServer> {
	const requests: ReceivedRequest[] = [];
	let inFlight = 0;
	const state = { peakInFlight: 0 };
	const server = http.createServer((req, res) => {
		inFlight++;
		state.peakInFlight = Math.max(state.peakInFlight, inFlight);
		const done = () => {
			inFlight--;
		};
		res.on('close', done);
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://local');
			const request: ReceivedRequest = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				body: Buffer.concat(chunks),
				inFlight,
			};
			const index = requests.push(request) - 1;
			if (index >= maxRequests) {
				res.writeHead(503).end('fault server request budget used up');
				return;
			}
			const action = plan(request, index);
			const act = () => {
				if ('hang' in action) return;
				if ('reset' in action) {
					req.socket.destroy();
					return;
				}
				const headers: Record<string, string> = { ...(action.headers ?? {}) };
				let payload: string | Buffer = '';
				if (action.raw !== undefined) payload = action.raw;
				else if (action.body !== undefined) {
					payload = JSON.stringify(action.body);
					headers['content-type'] ??= 'application/json';
				}
				res.writeHead(action.status, headers);
				res.end(payload);
			};
			const delay = 'delayMs' in action ? (action.delayMs ?? 0) : 0;
			if (delay > 0) setTimeout(act, delay).unref();
			else act();
		});
	});
	await new Promise<void>((resolve) => server.listen(wantedPort, LOOPBACK, resolve));
	const lifetime = setTimeout(() => {
		server.closeAllConnections();
		server.close();
	}, lifetimeMs);
	lifetime.unref();
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${LOOPBACK}:${port}/v1`,
		requests,
		get peakInFlight() {
			return state.peakInFlight;
		},
		async stop() {
			clearTimeout(lifetime);
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

export const ok = (body: unknown, headers?: Record<string, string>): FaultAction => ({ status: 200, body, headers });

export const openAiError = (status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): FaultAction => ({
	status,
	body: { error: { message, type: 'invalid_request_error', param: null, code: null, ...extra } },
	headers: { 'x-request-id': `req_${status}_test`, ...headers },
});
