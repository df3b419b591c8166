/** Small helpers for nock-based workflow tests against https://api.openai.com/v1. */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import nock from 'nock';
import type { IBinaryData, IDataObject } from 'n8n-workflow';

import type { RunResult } from '../harness/n8n';
import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';

export const API = 'https://api.openai.com';

type Items = Parameters<typeof singleNodeWorkflow>[1];

/** Runs the node once with these parameters and input items against the OpenAI base URL. */
export async function runNode(parameters: IDataObject, items?: Items, nodeExtra: IDataObject = {}): Promise<RunResult> {
	return await runWorkflow(singleNodeWorkflow(parameters, items, nodeExtra), credentialsFor('https://api.openai.com/v1'));
}

/** Output items of our node, without functions or undefined fields in the way of toEqual. */
export function outputOf(result: RunResult) {
	return result.output('OpenAI');
}

/** What nock saw of each request to one interceptor. */
export interface Captured {
	bodies: unknown[];
	raw: string[];
	headers: Array<Record<string, string | string[] | undefined>>;
	paths: string[];
}

export function captured(): Captured {
	return { bodies: [], raw: [], headers: [], paths: [] };
}

/** A reply function that records the request and answers with `reply` (or a function of the call number). */
export function recordAndReply(into: Captured, reply: unknown | ((call: number) => unknown), status = 200) {
	return function (this: nock.ReplyFnContext, path: string, body: nock.Body): [number, nock.Body] {
		into.paths.push(path);
		into.raw.push(typeof body === 'string' ? body : JSON.stringify(body));
		into.bodies.push(body);
		into.headers.push({ ...this.req.headers });
		const value = typeof reply === 'function' ? (reply as (call: number) => unknown)(into.bodies.length - 1) : reply;
		return [status, value as nock.Body];
	};
}

/**
 * Shared lifecycle: no real network, interceptors cleared after each test. Returns the requests
 * no interceptor matched in the current test ("METHOD path"), so a test can assert none was sent.
 * (test/support/nockReset.ts un-patches http after every file.)
 */
export function useNock(): string[] {
	const unmatched: string[] = [];
	const record = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);
	beforeAll(() => {
		nock.disableNetConnect();
		nock.emitter.on('no match', record);
	});
	beforeEach(() => {
		unmatched.length = 0;
	});
	afterEach(() => nock.cleanAll());
	afterAll(() => {
		nock.emitter.removeListener('no match', record);
		nock.enableNetConnect();
	});
	return unmatched;
}

/** The bytes of an output binary, read back from n8n's binary store. */
export async function binaryBytes(binary: IBinaryData | undefined): Promise<Buffer> {
	if (!binary) throw new Error('no binary data');
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

/** The parts of a multipart body: name -> { filename?, contentType?, value }. nock hands over a body with binary parts as hex; those parts' values are then latin1. */
export function multipartParts(body: string): Record<string, { filename?: string; contentType?: string; value: string }> {
	const raw = /^([0-9a-f]{2})+$/.test(body) ? Buffer.from(body, 'hex').toString('latin1') : body;
	const boundary = /^--([^\r\n]+)/.exec(raw)?.[1];
	if (!boundary) throw new Error(`not multipart: ${raw.slice(0, 80)}`);
	const parts: Record<string, { filename?: string; contentType?: string; value: string }> = {};
	for (const chunk of raw.split(`--${boundary}`).slice(1, -1)) {
		const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
		const name = /name="([^"]+)"/.exec(head)?.[1] ?? '';
		parts[name] = {
			filename: /filename="([^"]+)"/.exec(head)?.[1],
			contentType: /content-type: ([^\r\n]+)/i.exec(head)?.[1],
			value: rest.join('\r\n\r\n').replace(/\r\n$/, ''),
		};
	}
	return parts;
}

/** One request an operation must send, and what it must output for the reply. */
export interface ExchangeCase {
	name: string;
	parameters: IDataObject;
	items?: Items;
	method: 'GET' | 'POST' | 'DELETE';
	/** The whole path with its query, decoded, e.g. `/v1/videos?limit=3&order=asc`. */
	path: string;
	/** The JSON body (or, for multipart, the parts of `multipartParts`); undefined for none. */
	body?: unknown;
	multipart?: boolean;
	reply: nock.Body;
	/** Reply headers, e.g. a content type for bytes. */
	headers?: Record<string, string>;
	/** The JSON of each output item. */
	output: IDataObject[];
	/** Binary output to check: property -> file name and MIME type. */
	binary?: Record<string, { fileName: string; mimeType: string }>;
}

/**
 * Table-driven workflow tests: each case sends exactly one request, which must match the method,
 * path, query and body in full; the output must be exactly `output`, each item paired to item 0.
 */
export function testExchanges(cases: ExchangeCase[]): void {
	const unmatched = useNock();
	it.each(cases)('$name', async (testCase) => {
		const seen = captured();
		const pathname = testCase.path.split('?')[0];
		const scope = nock(API).intercept(pathname, testCase.method).query(true).reply(function (this: nock.ReplyFnContext, path, body) {
			const [status, reply] = recordAndReply(seen, testCase.reply).call(this, path, body);
			return [status, reply, testCase.headers ?? {}];
		});
		const result = await runNode(testCase.parameters, testCase.items);
		expect(result.error?.message).toBeUndefined();
		scope.done();
		expect(unmatched).toEqual([]);
		expect(decodeURIComponent(seen.paths[0])).toBe(testCase.path);
		if (testCase.multipart) expect(multipartParts(seen.raw[0])).toEqual(testCase.body);
		else expect(seen.raw[0] ? JSON.parse(seen.raw[0]) : undefined).toEqual(testCase.body);
		const output = outputOf(result);
		expect(output.map((item) => item.json)).toEqual(testCase.output);
		expect(output.map((item) => item.pairedItem)).toEqual(testCase.output.map(() => ({ item: 0 })));
		for (const [property, file] of Object.entries(testCase.binary ?? {})) {
			expect(output[0].binary?.[property]).toMatchObject(file);
		}
	});
}
