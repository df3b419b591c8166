/**
 * Table-driven workflow tests for operations that send one request per page: each case gives the node's
 * parameters, every request it must send (method, path with query, body, headers) and the replies, and the
 * output it must give. The whole request is asserted, not just that something was sent.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import type { RunResult } from '../harness/n8n';
import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import { API, useNock } from './nockApi';

type Items = Parameters<typeof singleNodeWorkflow>[1];

export interface ExpectedRequest {
	method: 'GET' | 'POST' | 'DELETE';
	/** Path after /v1 with the query, decoded, e.g. `/evals?limit=100&order=asc`. */
	path: string;
	/** The JSON body; `null` for none. Multipart bodies are checked with `form`. */
	body?: unknown;
	/** Parts of a multipart body that must appear in it (names, values, file names, bytes). */
	form?: string[];
	headers?: Record<string, string | RegExp>;
	reply: unknown;
	status?: number;
	replyHeaders?: Record<string, string>;
}

export interface OperationCase {
	name: string;
	parameters: IDataObject;
	items?: Items;
	credentials?: IDataObject;
	requests: ExpectedRequest[];
	/** The json of every output item, in order (each paired to item 0 unless `pairedItems` says otherwise). */
	output?: IDataObject[];
	pairedItems?: number[];
	/** Further checks (binary output, an error). */
	check?: (result: RunResult) => void | Promise<void>;
}

interface Seen {
	method: string;
	path: string;
	raw: string;
	headers: Record<string, string | string[] | undefined>;
}

/** Registers one jest test per case. */
export function describeCases(cases: OperationCase[]): void {
	const unmatched = useNock();
	for (const testCase of cases) {
		it(testCase.name, async () => {
			const seen: Seen[] = [];
			const scope = nock(API);
			for (const expected of testCase.requests) {
				const pathOnly = `/v1${expected.path.split('?')[0]}`;
				scope
					.intercept((uri) => decodeURIComponent(uri.split('?')[0]) === pathOnly, expected.method)
					.reply(function (path, body) {
						seen.push({ method: expected.method, path: decodeURIComponent(path), raw: typeof body === 'string' ? body : JSON.stringify(body), headers: { ...this.req.headers } });
						const reply = Buffer.isBuffer(expected.reply) || typeof expected.reply === 'string' ? expected.reply : JSON.stringify(expected.reply);
						return [expected.status ?? 200, reply as nock.Body, { 'content-type': 'application/json', ...expected.replyHeaders }];
					});
			}
			const result = await runWorkflow(singleNodeWorkflow(testCase.parameters, testCase.items), credentialsFor(`${API}/v1`, testCase.credentials));
			if (!testCase.check) expect(result.error?.message).toBeUndefined();
			expect(unmatched).toEqual([]);
			expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual(testCase.requests.map((request) => `${request.method} /v1${request.path}`));
			testCase.requests.forEach((expected, index) => {
				const request = seen[index];
				if (expected.form) {
					for (const part of expected.form) expect(request.raw).toContain(part);
				} else if (expected.body !== undefined) {
					expect(request.raw ? JSON.parse(request.raw) : null).toEqual(expected.body);
				}
				for (const [name, value] of Object.entries(expected.headers ?? {})) {
					const header = String(request.headers[name.toLowerCase()] ?? '');
					if (typeof value === 'string') expect(header).toBe(value);
					else expect(header).toMatch(value);
				}
			});
			if (testCase.output) {
				const paired = testCase.pairedItems ?? testCase.output.map(() => 0);
				expect(result.output('OpenAI').map((item) => ({ json: item.json, pairedItem: item.pairedItem }))).toEqual(
					testCase.output.map((json, index) => ({ json, pairedItem: { item: paired[index] } })),
				);
			}
			await testCase.check?.(result);
			scope.done();
		});
	}
}

/** A resource locator "By ID". */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
/** An OpenAI list page. */
export const page = (data: IDataObject[], hasMore = false, extra: IDataObject = {}) => ({ object: 'list', data, has_more: hasMore, ...(data.length ? { first_id: data[0].id, last_id: data[data.length - 1].id } : {}), ...extra });
