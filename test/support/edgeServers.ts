/**
 * Servers for the edges of the send path: a Base URL that redirects elsewhere, and one that sends
 * its headers and then a byte now and then, for ever. Both listen on 127.0.0.1 only and close
 * themselves after `lifetimeMs`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { FaultAction, FaultServer, ReceivedRequest } from './faultServer';
import { LOOPBACK } from './servers';

export const REDIRECT_STATUSES = [301, 302, 307, 308] as const;

/** The two kinds of foreign origin: another port of the same address, and another host name for it. */
export const FOREIGN_HOSTS = ['127.0.0.1', 'localhost'] as const;

/** A redirect to the same path on another origin. */
export function redirectTo(status: number, origin: string, request: ReceivedRequest): FaultAction {
	const query = request.query.toString();
	return { status, headers: { location: `${origin}${request.path}${query ? `?${query}` : ''}` }, raw: '' };
}

/** Requests that reached a server with any of the credential's values (key, organization, project). */
export function withCredentials(server: FaultServer, from = 0): ReceivedRequest[] {
	return server.requests.slice(from).filter((request) => request.headers.authorization !== undefined || request.headers['openai-organization'] !== undefined || request.headers['openai-project'] !== undefined);
}

export interface TrickleServer {
	url: string;
	/** Requests received (method and path), in order. */
	requests: Array<{ method: string; path: string }>;
	stop(): Promise<void>;
}

/**
 * Answers every request with 200 and its headers at once, then one byte of body every `intervalMs`
 * and never finishes (until the client goes or the server's lifetime ends). `hang: true` sends
 * nothing at all.
 */
export async function startTrickleServer({
	intervalMs = 500,
	contentType = 'application/json',
	hang = false,
	lifetimeMs = 120_000,
}: { intervalMs?: number; contentType?: string; hang?: boolean; lifetimeMs?: number } = {}): Promise<TrickleServer> {
	const requests: TrickleServer['requests'] = [];
	const timers = new Set<NodeJS.Timeout>();
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			requests.push({ method: req.method ?? 'GET', path: new URL(req.url ?? '/', 'http://local').pathname });
			if (hang) return;
			res.writeHead(200, { 'content-type': contentType });
			res.write(contentType.includes('json') ? '{' : 'R');
			const timer = setInterval(() => res.write(contentType.includes('json') ? ' ' : 'I'), intervalMs);
			timers.add(timer);
			res.on('close', () => {
				clearInterval(timer);
				timers.delete(timer);
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
	const stop = async () => {
		for (const timer of timers) clearInterval(timer);
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	const lifetime = setTimeout(() => void stop(), lifetimeMs);
	lifetime.unref();
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${LOOPBACK}:${port}/v1`,
		requests,
		async stop() {
			clearTimeout(lifetime);
			if (server.listening) await stop();
		},
	};
}
