// Edges of the send path in real n8n (issue 15 #1 and #2), run by run.mjs:
//  - redirects: a Base URL that answers 301, 302, 307 and 308 with a Location on another origin
//    (another port of 127.0.0.1, and `localhost`), for chat, image, speech, API Call and a
//    background response's poll (workflows in test/e2e/edges/redirects.json), and the credential
//    test through n8n's REST API. Every one must be refused, and the foreign server must see no
//    request at all (so none with the key);
//  - the deadline: a server that sends its headers and then one byte every 500 ms, for ever. With
//    Timeout 1000 ms every attempt must end as a timeout, and the server must see exactly the
//    attempts the retry settings allow (test/e2e/edges/timeouts.json). The longest attempt, as the
//    server saw it, is printed as a figure, never asserted.
// All servers listen on 127.0.0.1 only and close themselves after a lifetime.
import { createServer } from 'node:http';
import { join } from 'node:path';

import { CREDENTIAL_TYPE, NODE_TYPE, ROOT, executeWorkflow, importAll, prepareWorkflows } from './lib.mjs';

const LIFETIME_MS = 20 * 60_000;
const STATUSES = [301, 302, 307, 308];
const HOSTS = ['127.0.0.1', 'localhost'];
const TIMEOUT_MS = 1000;

async function listen(handler) {
	const server = createServer(handler);
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const timer = setTimeout(() => {
		server.closeAllConnections();
		server.close();
	}, LIFETIME_MS);
	timer.unref();
	return {
		server,
		port: server.address().port,
		async stop() {
			clearTimeout(timer);
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

function json(res, status, body) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

/** The three servers; `redirect` says what the Base URL answers next (status and foreign host). */
export async function startEdgeServers() {
	const foreignRequests = [];
	const foreign = await listen((req, res) => {
		req.resume();
		foreignRequests.push({ method: req.method, url: req.url, withCredentials: Boolean(req.headers.authorization || req.headers['openai-organization'] || req.headers['openai-project']) });
		json(res, 200, { id: 'chatcmpl-foreign', object: 'chat.completion', created: 1, model: 'x', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'from the foreign origin' } }] });
	});
	const redirect = { status: 301, host: '127.0.0.1', answered: 0 };
	const base = await listen((req, res) => {
		req.resume();
		req.on('end', () => {
			// A background response is created here (still queued), so its poll is the request that is redirected.
			if (req.method === 'POST' && req.url === '/v1/responses') {
				json(res, 200, { id: 'resp_e2e', object: 'response', created_at: 1, status: 'queued', model: 'gpt-4.1-mini', output: [] });
				return;
			}
			redirect.answered++;
			res.writeHead(redirect.status, { location: `http://${redirect.host}:${foreign.port}${req.url}` });
			res.end();
		});
	});
	const attempts = [];
	const trickle = await listen((req, res) => {
		req.resume();
		req.on('end', () => {
			const attempt = { method: req.method, url: req.url, start: Date.now(), end: undefined };
			attempts.push(attempt);
			const binary = req.url.includes('/audio/');
			res.writeHead(200, { 'content-type': binary ? 'audio/mpeg' : 'application/json' });
			res.write(binary ? 'I' : '{');
			const timer = setInterval(() => res.write(binary ? 'D' : ' '), 500);
			res.on('close', () => {
				clearInterval(timer);
				attempt.end = Date.now();
			});
		});
	});
	return {
		base: { url: `http://127.0.0.1:${base.port}/v1`, redirect },
		foreign: { port: foreign.port, requests: foreignRequests },
		trickle: { url: `http://127.0.0.1:${trickle.port}/v1`, attempts },
		async stop() {
			await Promise.all([base.stop(), foreign.stop(), trickle.stop()]);
		},
	};
}

const credentialFor = (id, baseUrl) => ({
	id,
	name: `OpenAI Platform (e2e edges ${id.slice(-2)})`,
	type: CREDENTIAL_TYPE,
	data: { apiKey: 'sk-e2e-edges-not-a-real-key', organizationId: 'org-e2e-edges', projectId: 'proj_e2e_edges', baseUrl },
});

/** Our nodes' first output item, by node name (the nodes continue on fail, so an error is an item). */
function outputsOf(run) {
	const out = {};
	for (const [name, tasks] of Object.entries(run?.data?.resultData?.runData ?? {})) {
		const task = tasks[0];
		out[name] = task?.error ? { json: { error: task.error.message, description: task.error.description } } : task?.data?.main?.[0]?.[0];
	}
	return out;
}

/** Runs the edge workflows with the n8n CLI; `step(name, fn)` records each check (run.mjs). */
export async function runEdgeWorkflows({ n8n, userFolder, servers, step, expect }) {
	const dir = join(ROOT, 'test', 'e2e', 'edges');
	const redirectCredential = credentialFor('e2eEdgesRedir001', servers.base.url);
	const timeoutCredential = credentialFor('e2eEdgesTimeo002', servers.trickle.url);
	const [redirects] = prepareWorkflows([join(dir, 'redirects.json')], redirectCredential, 'edg');
	const [timeouts] = prepareWorkflows([join(dir, 'timeouts.json')], timeoutCredential, 'edg');
	const imported = await step('edges: import the redirect and timeout workflows and credentials', async () => {
		await importAll(n8n, userFolder, redirectCredential, [redirects]);
		await importAll(n8n, userFolder, timeoutCredential, [timeouts]);
	});
	if (!imported) return {};
	const ours = (prepared) => prepared.workflow.nodes.filter((node) => node.type === NODE_TYPE).map((node) => node.name);
	const figures = { runs: 0, redirectsTried: 0, refused: 0, foreignRequests: 0, foreignWithCredentials: 0, longestAttemptMs: 0, attempts: 0 };

	for (const [index, status] of STATUSES.entries()) {
		const host = HOSTS[index % HOSTS.length];
		await step(`edges: ${status} to ${host} on another port is refused by ${ours(redirects).join(', ')}, 0 requests abroad`, async () => {
			Object.assign(servers.base.redirect, { status, host, answered: 0 });
			const foreignBefore = servers.foreign.requests.length;
			const exec = await executeWorkflow(n8n, userFolder, redirects.id, { timeoutMs: 180_000 });
			figures.runs++;
			expect(exec.run, `no run output (exit ${exec.code}): ${(exec.stdout + exec.stderr).slice(-1500)}`);
			const outputs = outputsOf(exec.run);
			const target = `redirect (HTTP ${status}) to http://${host}:${servers.foreign.port}/v1/`;
			const refused = ours(redirects).filter((name) => String(outputs[name]?.json?.error ?? '').includes(target));
			const abroad = servers.foreign.requests.slice(foreignBefore);
			figures.redirectsTried += servers.base.redirect.answered;
			figures.refused += refused.length;
			figures.foreignRequests += abroad.length;
			figures.foreignWithCredentials += abroad.filter((request) => request.withCredentials).length;
			expect(abroad.length === 0, `${abroad.length} request(s) reached the foreign origin: ${JSON.stringify(abroad)}`);
			expect(servers.base.redirect.answered === ours(redirects).length, `the Base URL answered ${servers.base.redirect.answered} redirects, expected ${ours(redirects).length}`);
			expect(
				refused.length === ours(redirects).length,
				`not refused with "${target}": ${ours(redirects)
					.filter((name) => !refused.includes(name))
					.map((name) => `${name}: ${JSON.stringify(outputs[name]?.json ?? null).slice(0, 300)}`)
					.join('; ')}`,
			);
			return `${refused.length} refused, 0 at the foreign origin`;
		});
	}

	await step(`edges: Timeout ${TIMEOUT_MS} ms ends every attempt against a server that trickles a byte every 500 ms`, async () => {
		const before = servers.trickle.attempts.length;
		const exec = await executeWorkflow(n8n, userFolder, timeouts.id, { timeoutMs: 180_000 });
		figures.runs++;
		expect(exec.run, `no run output (exit ${exec.code}): ${(exec.stdout + exec.stderr).slice(-1500)}`);
		const outputs = outputsOf(exec.run);
		const wrong = ours(timeouts).filter((name) => outputs[name]?.json?.error !== 'The request timed out' || !String(outputs[name]?.json?.description ?? '').includes(`Timeout of ${TIMEOUT_MS} ms`));
		expect(!wrong.length, `not a timeout: ${wrong.map((name) => `${name}: ${JSON.stringify(outputs[name]?.json ?? null).slice(0, 300)}`).join('; ')}`);
		const attempts = servers.trickle.attempts.slice(before);
		// Chat: Max Retries 1 (2 attempts); Speech: 0 (1); API Call: its own Max Retries 0 (1).
		expect(attempts.length === 4, `the server saw ${attempts.length} attempts, expected 4: ${attempts.map((a) => `${a.method} ${a.url}`).join(', ')}`);
		const durations = attempts.map((attempt) => (attempt.end ?? Date.now()) - attempt.start);
		figures.attempts += attempts.length;
		figures.longestAttemptMs = Math.max(figures.longestAttemptMs, ...durations);
		return `${attempts.length} attempts, each ended by the deadline (as the server saw them: ${durations.join(', ')} ms)`;
	});
	return figures;
}

/** The credential test through n8n's REST API with a Base URL that redirects: an error, and nothing abroad. */
export async function edgeCredentialTest({ rest, servers, step, expect }) {
	for (const [index, status] of STATUSES.entries()) {
		const host = HOSTS[index % HOSTS.length];
		await step(`edges: the credential test refuses a ${status} to ${host} (POST /rest/credentials/test)`, async () => {
			Object.assign(servers.base.redirect, { status, host, answered: 0 });
			const before = servers.foreign.requests.length;
			const credential = credentialFor('e2eEdgesRedir001', servers.base.url);
			const r = await rest.call('POST', '/rest/credentials/test', { credentials: { id: credential.id, name: credential.name, type: CREDENTIAL_TYPE, data: credential.data } });
			const result = r.json?.data ?? {};
			expect(servers.foreign.requests.length === before, `${servers.foreign.requests.length - before} request(s) reached the foreign origin`);
			expect(servers.base.redirect.answered === 1, `the Base URL answered ${servers.base.redirect.answered} redirects`);
			expect(r.status === 200 && result.status === 'Error' && String(result.message).includes(`redirect (HTTP ${status})`), `HTTP ${r.status}: ${r.text.slice(0, 400)}`);
			return result.message;
		});
	}
}
