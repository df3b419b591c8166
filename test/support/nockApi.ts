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
