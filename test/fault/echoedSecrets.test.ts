/**
 * Secrets echoed in a successful reply (issue 15 #8): a server that repeats the key, organization
 * and project in a 200 body (values and keys) and in its headers. Every JSON output item, and API
 * Call's returned headers, must have them redacted; binary data stays exactly as sent. The harness
 * scans every run for the three values as well (secretGuard fails the file on any).
 */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { TEST_API_KEY, TEST_ORGANIZATION, TEST_PROJECT, credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import { SECRET_CANARIES } from '../harness/secrets';
import { chatCompletion, goodReplyFor, responseObject } from './goodReplies';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { ok, startFaultServer } from '../support/faultServer';

const credentials = (url: string) => credentialsFor(url, { organizationId: TEST_ORGANIZATION, projectId: TEST_PROJECT });

/** Everything the request carried, as a careless server repeats it. */
function echoed(request: ReceivedRequest): string {
	return `${String(request.headers.authorization ?? '')} ${String(request.headers['openai-organization'] ?? '')} ${String(request.headers['openai-project'] ?? '')}`;
}

function echoingReply(request: ReceivedRequest): FaultAction {
	const echo = echoed(request);
	const headers = { 'x-echo': echo, 'openai-organization': String(request.headers['openai-organization'] ?? '') };
	const route = request.path.replace(/^\/v1/, '');
	if (route === '/chat/completions') return ok(chatCompletion(`You sent ${echo}`, { system_fingerprint: echo, [TEST_PROJECT]: 'a key named after the project' }), headers);
	if (route === '/responses') return ok(responseObject(`You sent ${echo}`, { metadata: { seen: echo } }), headers);
	if (route === '/audio/speech') return { status: 200, raw: Buffer.from(`RIFF${echo}`), headers: { ...headers, 'content-type': 'audio/wav' } };
	if (route === '/models') return ok({ object: 'list', data: [{ id: 'gpt-4.1-mini', object: 'model', owned_by: echo, created: 1 }] }, headers);
	const good = goodReplyFor(request);
	return 'body' in good ? { ...good, headers: { ...(good.headers ?? {}), ...headers } } : good;
}

const scanned = { runs: 0, echoesSent: 0, redactedInOutput: 0 };
let server: FaultServer;
beforeAll(async () => {
	server = await startFaultServer(echoingReply);
});
afterAll(async () => {
	await server.stop();
	console.log(`echoed secrets: ${scanned.runs} runs against a server echoing the credential in 200 bodies and headers, ${scanned.echoesSent} echoing replies, ${scanned.redactedInOutput} outputs with the echo redacted, 0 secrets in any output (else the run fails)`);
});

function secretsIn(value: unknown): string[] {
	const text = JSON.stringify(value) ?? '';
	return SECRET_CANARIES.filter((secret) => text.includes(secret));
}

const CASES: Array<{ name: string; parameters: IDataObject }> = [
	{ name: 'chat complete, raw output', parameters: { resource: 'chat', operation: 'complete', model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' }, messages: { message: [{ role: 'user', content: 'hi' }] }, simplify: false } },
	{ name: 'response create', parameters: { resource: 'response', operation: 'create', model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' }, input: 'hi', simplify: false } },
	{ name: 'API Call with headers and status', parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '/models', options: { fullResponse: true, debug: true } } },
	{ name: 'model list', parameters: { resource: 'model', operation: 'getAll', returnAll: true } },
];

describe('secrets a server echoes in a successful reply are redacted from the output', () => {
	it.each(CASES.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
		const before = server.requests.length;
		const result = await runWorkflow(singleNodeWorkflow(entry.parameters), credentials(server.url));
		scanned.runs++;
		const requests = server.requests.slice(before);
		scanned.echoesSent += requests.length;
		// The server did get the credential, so its replies did carry it.
		expect(requests.some((request) => echoed(request).includes(TEST_API_KEY))).toBe(true);
		expect(result.error?.message).toBeUndefined();
		const output = result.output('OpenAI');
		expect(output.length).toBeGreaterThan(0);
		expect(secretsIn(output)).toEqual([]);
		expect(JSON.stringify(output)).toContain('[redacted]');
		scanned.redactedInOutput++;
		if (entry.parameters.resource === 'apiCall') {
			const headers = output[0].json.headers as IDataObject;
			expect(headers['x-echo']).toBe('Bearer [redacted] [redacted] [redacted]');
			expect(headers['openai-organization']).toBe('[redacted]');
		}
	});

	it('binary data stays exactly as the server sent it', async () => {
		const result = await runWorkflow(
			singleNodeWorkflow({ resource: 'audio', operation: 'generateSpeech', model: { __rl: true, mode: 'id', value: 'gpt-4o-mini-tts' }, textToSpeak: 'hi', voice: 'alloy', responseFormat: 'wav' }),
			credentials(server.url),
		);
		expect(result.error?.message).toBeUndefined();
		const [item] = result.output('OpenAI');
		const data = item.binary?.data;
		expect(data).toBeDefined();
		expect(secretsIn(item.json)).toEqual([]);
		// The stored bytes are the server's, key and all: a file is data, not output text.
		const bytes = await Container.get(BinaryDataService).getAsBuffer(data!);
		expect(bytes.equals(Buffer.from(`RIFFBearer ${TEST_API_KEY} ${TEST_ORGANIZATION} ${TEST_PROJECT}`))).toBe(true);
	});
});
