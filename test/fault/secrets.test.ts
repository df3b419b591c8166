/**
 * Secrets: every contract fixture runs once against a server that echoes the credential back in
 * its error replies (message, param, a header), as a careless OpenAI-compatible server might, and
 * API Call runs with "Debug Output" and the full response against a server that answers normally.
 * The key, organization, project and admin key must not appear in any output item, error message or
 * description, run data, or anything logged. The server must have received them, else the test
 * would prove nothing.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject } from 'n8n-workflow';

import { TEST_ADMIN_KEY, TEST_API_KEY, TEST_ORGANIZATION, TEST_PROJECT, credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import { SECRET_CANARIES } from '../harness/secrets';
import { loadFixtures } from '../contract/fixture';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { startFaultServer } from '../support/faultServer';
import { goodReplyFor } from './goodReplies';

const fixtures = loadFixtures();
const credentials = (url: string) => credentialsFor(url, { organizationId: TEST_ORGANIZATION, projectId: TEST_PROJECT });

/**
 * Everything logged while the runs go: n8n's logger (its calls, whatever transport it writes to),
 * the console (quietened), and stdout and stderr.
 */
const logged: string[] = [];
const spies: jest.SpyInstance[] = [];
const streams = [process.stdout, process.stderr];
const writes = streams.map((stream) => stream.write);
beforeAll(() => {
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))));
	}
	// n8n's logger is a winston stream: every entry it logs passes here, whatever transport prints it.
	Container.get(Logger)
		.getInternalLogger()
		.on('data', (entry: unknown) => void logged.push(JSON.stringify(entry)));
	streams.forEach((stream, index) => {
		stream.write = ((chunk: unknown, ...rest: unknown[]) => {
			logged.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
			return (writes[index] as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
		}) as typeof stream.write;
	});
});

const figures = { runs: 0, requests: 0, requestsWithKey: 0, requestsWithAdminKey: 0, adminKeyElsewhere: [] as string[], errors: 0, redacted: 0, leaks: [] as string[] };
afterAll(() => {
	for (const spy of spies) spy.mockRestore();
	streams.forEach((stream, index) => (stream.write = writes[index]));
	const inLogs = SECRET_CANARIES.filter((secret) => logged.join('\n').includes(secret));
	if (inLogs.length) figures.leaks.push(`logs: ${inLogs.length} secret(s)`);
	console.log(
		`secrets: ${figures.runs} runs (${fixtures.length} fixtures against an echoing server, plus API Call debug runs), ${figures.requests} requests (${figures.requestsWithKey} carried the key, ${figures.requestsWithAdminKey} the admin key, all to /organization/), ${figures.errors} errors, ${figures.redacted} with the echoed secret redacted, ${logged.length} log entries scanned (${logged.filter((line) => line.includes('[redacted]')).length} with the echo redacted), leaks found: ${figures.leaks.length}${figures.leaks.length ? `\n${figures.leaks.join('\n')}` : ''}`,
	);
	expect(figures.leaks).toEqual([]);
	// The admin key went to the organization endpoints (so the runs proved its redaction) and nowhere else.
	expect(figures.requestsWithAdminKey).toBeGreaterThan(0);
	expect(figures.adminKeyElsewhere).toEqual([]);
	// The logs did see the echoed text (redacted): the scan was not of nothing.
	expect(logged.some((line) => line.includes('[redacted]'))).toBe(true);
});

function scan(label: string, data: unknown): void {
	const text = JSON.stringify(data) ?? '';
	const names: Record<string, string> = { [TEST_API_KEY]: 'API key', [TEST_ORGANIZATION]: 'organization', [TEST_PROJECT]: 'project', [TEST_ADMIN_KEY]: 'admin key' };
	for (const secret of SECRET_CANARIES) if (text.includes(secret)) figures.leaks.push(`${label}: ${names[secret] ?? 'secret'}`);
}

function countRequests(server: FaultServer, from: number): void {
	const requests = server.requests.slice(from);
	figures.requests += requests.length;
	figures.requestsWithKey += requests.filter((r) => String(r.headers.authorization ?? '') === `Bearer ${TEST_API_KEY}`).length;
	const withAdminKey = requests.filter((r) => JSON.stringify(r.headers).includes(TEST_ADMIN_KEY));
	figures.requestsWithAdminKey += withAdminKey.length;
	figures.adminKeyElsewhere.push(...withAdminKey.filter((r) => !r.path.startsWith('/v1/organization/')).map((r) => `${r.method} ${r.path}`));
}

/** A 401 that repeats every credential value it got, in the message, the param and a header. */
function echo(request: ReceivedRequest): FaultAction {
	const key = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
	const organization = String(request.headers['openai-organization'] ?? '');
	const project = String(request.headers['openai-project'] ?? '');
	return {
		status: 401,
		body: { error: { message: `Incorrect API key provided: ${key} (organization ${organization}, project ${project}).`, type: 'invalid_request_error', param: key, code: 'invalid_api_key' } },
		headers: { 'x-request-id': `req_${key}`, 'x-echo': `${key} ${organization} ${project}` },
	};
}

describe('secrets never leave the credential', () => {
	let server: FaultServer;
	beforeAll(async () => {
		server = await startFaultServer(echo);
	});
	afterAll(async () => await server.stop());

	it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s against a server that echoes them', async (_file, fixture) => {
		const before = server.requests.length;
		const result = await runWorkflow(singleNodeWorkflow({ ...fixture.parameters, requestOptions: { maxRetries: 0 } }, fixture.items), credentials(server.url));
		countRequests(server, before);
		figures.runs++;
		const error = result.error as (Error & { description?: string }) | undefined;
		if (error) figures.errors++;
		if (`${error?.message ?? ''} ${error?.description ?? ''}`.includes('[redacted]')) figures.redacted++;
		scan(fixture.file, { run: result.run, message: error?.message, description: error?.description, output: result.output('OpenAI') });
		expect(server.requests.length).toBeGreaterThan(before);
		expect(error).toBeDefined();
	});
});

describe('API Call debug output and full response', () => {
	let server: FaultServer;
	beforeAll(async () => {
		server = await startFaultServer(goodReplyFor);
	});
	afterAll(async () => await server.stop());

	it.each(fixtures.filter((fixture) => fixture.file.startsWith('apiCall.')).map((fixture) => [fixture.file, fixture] as const))('%s with Debug Output on', async (_file, fixture) => {
		const before = server.requests.length;
		const parameters = { ...fixture.parameters, options: { ...((fixture.parameters.options as IDataObject) ?? {}), debug: true, fullResponse: true } };
		const result = await runWorkflow(singleNodeWorkflow(parameters, fixture.items), credentials(server.url));
		countRequests(server, before);
		figures.runs++;
		const [item] = result.output('OpenAI');
		scan(`${fixture.file} (debug)`, { run: result.run, output: result.output('OpenAI') });
		expect(result.error?.message).toBeUndefined();
		expect((item.json.request as IDataObject | undefined)?.headers).toMatchObject({ Authorization: 'Bearer [redacted]' });
	});
});
