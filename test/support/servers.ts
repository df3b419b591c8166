import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { existsSync } from 'node:fs';

import { PACKAGE_DIR } from '../harness/n8n';

export const LOOPBACK = '127.0.0.1';

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, LOOPBACK, () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** OpenAI's spec: the repository's own copy (spec/openai-openapi), or where OPENAI_SPEC says. */
export function specPath(): string {
	const candidates = [process.env.OPENAI_SPEC, path.resolve(PACKAGE_DIR, 'spec', 'openai-openapi', 'openapi.yaml')].filter((candidate): candidate is string => Boolean(candidate));
	const found = candidates.find((candidate) => existsSync(candidate));
	if (!found) throw new Error(`OpenAI spec not found (looked at ${candidates.join(', ')}); set OPENAI_SPEC`);
	return found;
}

export interface RunningSteady {
	url: string;
	stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
	return await new Promise((resolve) => {
		const request = http.get(url, (reply) => {
			reply.resume();
			resolve(true);
		});
		request.on('error', () => resolve(false));
		request.setTimeout(1000, () => request.destroy());
	});
}

/**
 * Starts steady (the mock server OpenAI's SDKs test against) on the loopback interface. It runs
 * under `timeout`, so it stops by itself even if the test process dies. Readiness is judged by
 * the port answering, since steady's log format changes under CI.
 */
export async function startSteady(options: { lifetimeSeconds?: number; extraArgs?: string[]; readyWithinMs?: number } = {}): Promise<RunningSteady> {
	const port = await freePort();
	const url = `http://${LOOPBACK}:${port}`;
	const steady = path.join(PACKAGE_DIR, 'node_modules', '.bin', 'steady');
	const child: ChildProcess = spawn(
		'timeout',
		[String(options.lifetimeSeconds ?? 900), steady, '--host', LOOPBACK, '-p', String(port), '--log-format', 'text', '-q', ...(options.extraArgs ?? []), specPath()],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		await new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
	};
	const deadline = Date.now() + (options.readyWithinMs ?? 120_000);
	while (!(await answers(`${url}/models`))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`steady did not start on ${url}:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return { url, stop };
}

export interface RecordedExchange {
	method: string;
	path: string;
	query: string;
	status: number;
	valid: boolean;
	errorCount: number;
	matchedPath?: string;
	errors: Array<{ code?: string; message?: string; path?: string }>;
	requestHeaders: http.IncomingHttpHeaders;
	requestBody: Buffer;
	responseBody: Buffer;
}

export interface RecordingProxy {
	url: string;
	exchanges: RecordedExchange[];
	stop(): Promise<void>;
}

/**
 * Forwards to `target` and records every exchange with steady's validation headers. It serves
 * under `/v1` like api.openai.com (steady serves the spec's paths at its root), so the credential's
 * Base URL has the same shape as in production.
 */
export async function startRecordingProxy(target: string, prefix = '/v1'): Promise<RecordingProxy> {
	const exchanges: RecordedExchange[] = [];
	const targetUrl = new URL(target);
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const requestBody = Buffer.concat(chunks);
			const upstreamPath = (req.url ?? '/').startsWith(`${prefix}/`) ? (req.url ?? '/').slice(prefix.length) : (req.url ?? '/');
			const upstream = http.request(
				{ host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: upstreamPath, headers: { ...req.headers, host: targetUrl.host } },
				(reply) => {
					const replyChunks: Buffer[] = [];
					reply.on('data', (chunk: Buffer) => replyChunks.push(chunk));
					reply.on('end', () => {
						const responseBody = Buffer.concat(replyChunks);
						const headers = reply.headers;
						const errorCount = Number(headers['x-steady-error-count'] ?? 0);
						const errors = [];
						for (let i = 1; i <= errorCount; i++) {
							errors.push({
								code: headers[`x-steady-error-${i}-code`] as string | undefined,
								message: headers[`x-steady-error-${i}-message`] as string | undefined,
								path: headers[`x-steady-error-${i}-path`] as string | undefined,
							});
						}
						const [pathname, query = ''] = upstreamPath.split('?');
						exchanges.push({
							method: req.method ?? 'GET',
							path: pathname,
							query,
							status: reply.statusCode ?? 0,
							valid: headers['x-steady-request-valid'] === 'true',
							errorCount,
							matchedPath: headers['x-steady-matched-path'] as string | undefined,
							errors,
							requestHeaders: req.headers,
							requestBody,
							responseBody,
						});
						res.writeHead(reply.statusCode ?? 502, reply.headers);
						res.end(responseBody);
					});
				},
			);
			upstream.on('error', (error) => {
				res.writeHead(502);
				res.end(String(error));
			});
			upstream.end(requestBody);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${LOOPBACK}:${port}${prefix}`,
		exchanges,
		async stop() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
