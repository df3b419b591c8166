/**
 * Timeout is a deadline for the whole attempt (issue 15 #2): connecting, the headers and the body.
 * Servers that send their headers and then one byte every 500 ms (for ever), and one that never
 * answers. With Timeout 1000 ms each attempt must end as a timeout, retried as the policy says: the
 * server sees exactly 1 + Max Retries attempts. No elapsed time is asserted: a stalled attempt
 * never ends by itself, so only the deadline can end the run, however loaded the machine is.
 */
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import { loadFixture } from '../contract/fixture';
import { responseObject } from './goodReplies';
import { ok, startFaultServer } from '../support/faultServer';
import type { TrickleServer } from '../support/edgeServers';
import { startTrickleServer } from '../support/edgeServers';

const fixture = loadFixture;

const TIMEOUT_MS = 1000;

interface Case {
	name: string;
	fixture: string;
	server: { contentType?: string; hang?: boolean };
	/** Extra parameters, e.g. API Call's own Timeout option. */
	parameters?: IDataObject;
}

const CASES: Case[] = [
	{ name: 'chat, JSON body trickling', fixture: 'chat.complete', server: { contentType: 'application/json' } },
	{ name: 'speech, binary body trickling', fixture: 'audio.generateSpeech', server: { contentType: 'audio/wav' } },
	// Get Content asks for the file's details first (a raw request): that is the request that stalls.
	{ name: 'file details before a download (raw request), body trickling', fixture: 'file.getContent', server: { contentType: 'application/octet-stream' } },
	{ name: 'chat, server never answers', fixture: 'chat.complete', server: { hang: true } },
	{ name: "API Call with its own Timeout option, JSON trickling", fixture: 'apiCall.request.postJson', server: { contentType: 'application/json' }, parameters: { options: { timeout: TIMEOUT_MS } } },
];

const rows: string[] = [];
afterAll(() => console.log(`deadline: ${rows.length} cases, Timeout ${TIMEOUT_MS} ms\n${rows.join('\n')}`));

describe('Timeout bounds the whole attempt', () => {
	let server: TrickleServer | undefined;
	afterEach(async () => await server?.stop());

	for (const maxRetries of [0, 1]) {
		it.each(CASES.map((entry) => [entry.name, entry] as const))(`%s: each attempt ends at the deadline (Max Retries ${maxRetries})`, async (_name, entry) => {
			server = await startTrickleServer(entry.server);
			const { parameters, items } = fixture(entry.fixture);
			const requestOptions = { timeout: TIMEOUT_MS, maxRetries };
			const result = await runWorkflow(singleNodeWorkflow({ ...parameters, ...(entry.parameters ?? {}), requestOptions }, items), credentialsFor(server.url));
			const error = result.error;
			rows.push(`| ${entry.name} | retries ${maxRetries} | ${server.requests.length} attempt(s) | ${error?.message} | ${error?.description ?? ''} |`);
			// Classified as a timeout (ETIMEDOUT: retried like any timeout), and the deadline is named.
			expect(error?.message).toBe('The request timed out');
			expect(`${error?.description}`).toContain(`Code: ETIMEDOUT; Details: No complete reply within the Timeout of ${TIMEOUT_MS} ms`);
			expect(server.requests).toHaveLength(1 + maxRetries);
		});
	}
});

describe('raw requests (a background response poll) keep the deadline too', () => {
	it('the poll that trickles ends as a timeout', async () => {
		// The create answers at once (queued); the poll never gets an answer.
		const polls: number[] = [];
		const server = await startFaultServer((request, index) => {
			if (request.method === 'POST') return ok(responseObject('', { status: 'queued', output: [] }));
			polls.push(index);
			return { hang: true };
		});
		try {
			const { parameters } = fixture('response.create.background');
			const result = await runWorkflow(singleNodeWorkflow({ ...parameters, requestOptions: { timeout: TIMEOUT_MS, maxRetries: 0 } }), credentialsFor(server.url));
			rows.push(`| background poll, server never answers | retries 0 | ${polls.length} poll(s) | ${result.error?.message} | ${result.error?.description ?? ''} |`);
			expect(result.error?.message).toBe('The request timed out');
			expect(polls).toHaveLength(1);
		} finally {
			await server.stop();
		}
	});
});
