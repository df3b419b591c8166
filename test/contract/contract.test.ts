/**
 * Every operation mode against steady serving OpenAI's official spec. A request passes only when
 * steady says it is valid with no diagnostics; every reply (random, but valid under the spec) must
 * become output or a clear node error, never a crash.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { TEST_API_KEY, TEST_ORGANIZATION, TEST_PROJECT, credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { RecordedExchange, RecordingProxy, RunningSteady } from '../support/servers';
import { startRecordingProxy, startSteady } from '../support/servers';
import type { AllowlistEntry } from './fixture';
import { loadAllowlist, loadFixtures } from './fixture';

const RUNS_PER_FIXTURE = Number(process.env.CONTRACT_RUNS ?? 3);
const PROGRAMMING_ERROR = /Cannot read propert|is not a function|is not iterable|is not defined|undefined is not|null is not|Cannot convert undefined/;

let steady: RunningSteady;
let proxy: RecordingProxy;
const allowlist = loadAllowlist();
const fixtures = loadFixtures();
const summary = { fixtures: 0, runs: 0, requests: 0, invalid: 0, allowlisted: 0, nodeErrors: 0 };
/** fixture -> distinct node error messages from random replies, printed so each one can be judged. */
const nodeErrors = new Map<string, Set<string>>();

beforeAll(async () => {
	// Multipart objects as OpenAI's SDKs send them (expires_after[anchor]=...); steady reads the flag only space-separated.
	// Query objects likewise (metadata[key]=value, as the spec's own description of GET /chat/completions says; the audit log's
	// effective_at[gte]=...: the spec gives effective_at no style, which would mean a bare gte=).
	steady = await startSteady({ extraArgs: ['--validator-form-object-format', 'brackets', '--validator-query-object-format', 'brackets'] });
	proxy = await startRecordingProxy(steady.url);
}, 150_000);

afterAll(async () => {
	await proxy?.stop();
	await steady?.stop();
	console.log(
		`contract: ${summary.fixtures} fixtures, ${summary.runs} runs, ${summary.requests} requests, ${summary.invalid} invalid, ${summary.allowlisted} allowlisted diagnostics, ${summary.nodeErrors} clear node errors from random replies` +
			[...nodeErrors].map(([file, messages]) => `\n  ${file}: ${[...messages].join(' | ')}`).join(''),
	);
});

function isAllowlisted(exchange: RecordedExchange, entry: AllowlistEntry): boolean {
	return exchange.errors.every(
		(error) => error.code === entry.code && (error.path ?? '').includes(entry.path) && (error.message ?? '').includes(entry.message),
	);
}

function describeExchange(exchange: RecordedExchange): string {
	const errors = exchange.errors.map((e) => `${e.code} ${e.path}: ${e.message}`).join('\n    ');
	return `${exchange.method} ${exchange.path}${exchange.query ? `?${exchange.query}` : ''} -> ${exchange.status}\n    ${errors}\n    body: ${exchange.requestBody.toString('utf8').slice(0, 600)}`;
}

function assertItemsWellFormed(items: INodeExecutionData[]): void {
	for (const item of items) {
		expect(item.json).toBeInstanceOf(Object);
		expect(JSON.stringify(item.json)).not.toContain(TEST_API_KEY);
	}
}

describe('contract (steady + OpenAI spec)', () => {
	it('has fixtures', () => {
		expect(fixtures.length).toBeGreaterThan(0);
	});

	for (const fixture of fixtures) {
		it(`${fixture.file}: ${fixture.description}`, async () => {
			summary.fixtures++;
			for (let run = 0; run < RUNS_PER_FIXTURE; run++) {
				const before = proxy.exchanges.length;
				const result = await runWorkflow(singleNodeWorkflow(fixture.parameters, fixture.items), credentialsFor(proxy.url, { organizationId: TEST_ORGANIZATION, projectId: TEST_PROJECT }));
				const exchanges = proxy.exchanges.slice(before);
				summary.runs++;
				summary.requests += exchanges.length;

				expect(exchanges.length).toBeGreaterThan(0);
				for (const exchange of exchanges) {
					if (exchange.valid && exchange.errorCount === 0) continue;
					const allowed = exchange.valid && allowlist.some((entry) => isAllowlisted(exchange, entry));
					if (allowed) {
						summary.allowlisted++;
						continue;
					}
					summary.invalid++;
					throw new Error(`steady rejected a request of ${fixture.file}:\n  ${describeExchange(exchange)}`);
				}
				if (fixture.expectRequests && run === 0) {
					const seen = exchanges.map((e) => `${e.method} ${e.matchedPath ?? e.path}`);
					expect(seen.slice(0, fixture.expectRequests.length)).toEqual(fixture.expectRequests);
				}

				if (result.error) {
					// A random but valid reply may legitimately be unusable (e.g. a failed run); it must then say so plainly.
					const error = result.error as Error & { cause?: Error };
					const text = `${error.message} ${error.cause?.message ?? ''} ${(error as { description?: string }).description ?? ''}`;
					expect(error.cause?.name).not.toBe('TypeError');
					expect(text).not.toMatch(PROGRAMMING_ERROR);
					expect(text).not.toContain(TEST_API_KEY);
					summary.nodeErrors++;
					if (!nodeErrors.has(fixture.file)) nodeErrors.set(fixture.file, new Set());
					nodeErrors.get(fixture.file)?.add(error.message);
				} else {
					assertItemsWellFormed(result.output('OpenAI'));
				}
			}
		});
	}
});
