/**
 * Redirects (issue 15 #1): a Base URL that answers 301, 302, 307 or 308 with a Location on another
 * origin (another port of 127.0.0.1, or `localhost`). Every path that carries the credential is
 * tried: RoutingNode's own request (chat, image, speech, upload, API Call), the node's raw requests
 * (a background response's poll, a batch's retrieval), a list search and the credential test.
 * Each must end in a clear error naming the target, and the foreign server must get 0 requests.
 * A control run shows the foreign server is reachable at both targets, so the 0 means something.
 */
import type { ICredentialTestRequest, INodeType, IRequestOptions } from 'n8n-workflow';

import { NODE_TYPE, TEST_ORGANIZATION, TEST_PROJECT, credentialsFor, extraNodeTypes, loadOptionsContext, loadPackage, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import { loadFixture } from '../contract/fixture';
import { goodReplyFor, responseObject } from './goodReplies';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { ok, startFaultServer } from '../support/faultServer';
import { FOREIGN_HOSTS, REDIRECT_STATUSES, redirectTo, withCredentials } from '../support/edgeServers';

const fixture = loadFixture;

interface Path {
	name: string;
	/** How it is run: a workflow from a contract fixture, a list search, or the credential test. */
	kind: 'workflow' | 'listSearch' | 'credentialTest';
	fixture?: string;
	/** The request that gets the redirect; the others are answered normally. */
	redirected: (request: ReceivedRequest) => boolean;
	/** Replies before the redirected one (e.g. a background response that is still queued). */
	reply?: (request: ReceivedRequest) => FaultAction | undefined;
}

const route = (request: ReceivedRequest) => request.path.replace(/^\/v1/, '');
const post = (to: string) => (request: ReceivedRequest) => request.method === 'POST' && route(request) === to;

const PATHS: Path[] = [
	{ name: 'chat (RoutingNode)', kind: 'workflow', fixture: 'chat.complete', redirected: post('/chat/completions') },
	{ name: 'image generate (RoutingNode)', kind: 'workflow', fixture: 'image.generate.gptImage', redirected: post('/images/generations') },
	{ name: 'speech, binary reply (RoutingNode)', kind: 'workflow', fixture: 'audio.generateSpeech', redirected: post('/audio/speech') },
	{ name: 'file upload (RoutingNode, multipart)', kind: 'workflow', fixture: 'file.upload', redirected: post('/files') },
	{ name: 'API Call', kind: 'workflow', fixture: 'apiCall.request.postJson', redirected: post('/embeddings') },
	{
		name: 'background response poll (raw request)',
		kind: 'workflow',
		fixture: 'response.create.background',
		redirected: (request) => request.method === 'GET' && route(request) === '/responses/resp_1',
		reply: (request) => (post('/responses')(request) ? ok(responseObject('', { status: 'queued', output: [] })) : undefined),
	},
	{ name: 'batch retrieval (raw request)', kind: 'workflow', fixture: 'batch.getResults', redirected: (request) => request.method === 'GET' && /^\/batches\//.test(route(request)) },
	{ name: 'model list search', kind: 'listSearch', redirected: (request) => route(request) === '/models' },
	{ name: 'credential test', kind: 'credentialTest', redirected: (request) => route(request) === '/models' },
];

let base: FaultServer;
let foreign: FaultServer;
/** Where the Base URL's server redirects the current case's request. */
let current: { path: Path; status: number; origin: string } | undefined;
const figures = { tried: 0, refused: 0, redirectsAnswered: 0, foreignRequests: 0, foreignWithCredentials: 0, rows: [] as string[] };

beforeAll(async () => {
	foreign = await startFaultServer(goodReplyFor);
	base = await startFaultServer((request) => {
		if (!current) return goodReplyFor(request);
		if (current.path.redirected(request)) {
			figures.redirectsAnswered++;
			return redirectTo(current.status, current.origin, request);
		}
		return current.path.reply?.(request) ?? goodReplyFor(request);
	});
});

afterAll(async () => {
	await base.stop();
	await foreign.stop();
	console.log(
		`redirects: ${figures.tried} redirected requests tried (${PATHS.length} paths x ${REDIRECT_STATUSES.length} statuses x ${FOREIGN_HOSTS.length} foreign origins), ${figures.refused} refused with an error naming the target, ${figures.redirectsAnswered} redirects answered by the Base URL, ${figures.foreignRequests} requests reached the foreign origin (${figures.foreignWithCredentials} with credentials)\n${figures.rows.join('\n')}`,
	);
});

const credentials = (url: string) => credentialsFor(url, { organizationId: TEST_ORGANIZATION, projectId: TEST_PROJECT });

/** The node type n8n's credentials tester builds for a credential's own test (CredentialsTester.runRequestTest in n8n 2.41). */
async function credentialTestNode(): Promise<ICredentialTestRequest> {
	const { credentialTypes } = await loadPackage();
	const test = credentialTypes.openAiPlatformApi.test!;
	const type: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: "n8n's stand-in node for a credential's test request",
			defaults: { name: 'Credential Test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'openAiPlatformApi', required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request as IRequestOptions as never } }],
		},
	};
	extraNodeTypes.set('harness.credentialTest', type);
	return test;
}

/** Runs one path against the redirecting Base URL; returns the error message the user would see. */
async function attempt(entry: Path): Promise<string> {
	if (entry.kind === 'listSearch') {
		const { nodeTypes } = await loadPackage();
		const nodeType = nodeTypes.getByNameAndVersion(NODE_TYPE, 1);
		const context = await loadOptionsContext({ resource: 'chat', operation: 'complete' }, credentials(base.url));
		try {
			await nodeType.methods!.listSearch!.searchModels.call(context);
			return '';
		} catch (error) {
			return (error as Error).message;
		}
	}
	if (entry.kind === 'credentialTest') {
		const test = await credentialTestNode();
		const workflow = singleNodeWorkflow({});
		workflow.nodes[1] = { ...workflow.nodes[1], type: 'harness.credentialTest' };
		const { error } = await runWorkflow(workflow, credentials(base.url));
		// What n8n's tester makes of the error: the rule for the status, else the status text.
		const status = Number((error as { cause?: { response?: { status?: number } } } | undefined)?.cause?.response?.status ?? error?.httpCode);
		const rule = test.rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === status);
		return error ? `${rule && rule.type === 'responseCode' ? rule.properties.message : `no rule for HTTP ${status}: ${error.message}`}` : '';
	}
	const { parameters, items } = fixture(entry.fixture!);
	const { error } = await runWorkflow(singleNodeWorkflow({ ...parameters, requestOptions: { maxRetries: 2 } }, items), credentials(base.url));
	return error ? `${error.message}` : '';
}

describe('no request follows a redirect to another origin', () => {
	for (const entry of PATHS) {
		for (const status of REDIRECT_STATUSES) {
			it.each(FOREIGN_HOSTS.map((host) => [host]))(`${entry.name}: ${status} to %s on another port is refused`, async (host) => {
				const origin = `http://${host}:${new URL(foreign.url).port}`;
				current = { path: entry, status, origin };
				const before = { base: base.requests.length, foreign: foreign.requests.length, redirects: figures.redirectsAnswered };
				const message = await attempt(entry);
				current = undefined;
				const redirected = figures.redirectsAnswered - before.redirects;
				const reachedForeign = foreign.requests.length - before.foreign;
				const leaked = withCredentials(foreign, before.foreign).length;
				figures.tried += redirected;
				figures.foreignRequests += reachedForeign;
				figures.foreignWithCredentials += leaked;
				const refused = entry.kind === 'credentialTest' ? new RegExp(`redirect \\(HTTP ${status}\\)`).test(message) : message.includes(`redirect (HTTP ${status}) to ${origin}/`);
				if (refused) figures.refused++;
				figures.rows.push(`| ${entry.name} | ${status} | ${host} | ${redirected} redirect(s), ${reachedForeign} at the foreign origin | ${message.slice(0, 140)} |`);
				expect({ redirected, reachedForeign, leaked }).toEqual({ redirected: 1, reachedForeign: 0, leaked: 0 });
				expect(message).toMatch(/redirect/);
				expect(refused).toBe(true);
			});
		}
	}
});

describe('control: the foreign origin is reachable by a client that follows redirects', () => {
	it.each(FOREIGN_HOSTS.map((host) => [host]))('fetch follows the Base URL to %s and arrives', async (host) => {
		current = { path: PATHS[0], status: 307, origin: `http://${host}:${new URL(foreign.url).port}` };
		const before = foreign.requests.length;
		const answered = figures.redirectsAnswered;
		const reply = await fetch(`${base.url}/chat/completions`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
		current = undefined;
		// The node's figures count the node's requests only.
		figures.redirectsAnswered = answered;
		expect(reply.status).toBe(200);
		expect(foreign.requests.length - before).toBe(1);
	});
});
