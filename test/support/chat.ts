import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { RunResult } from '../harness/n8n';

export const BASE = 'https://api.openai.com';
export const credentials = credentialsFor('https://api.openai.com/v1');

export type Items = Parameters<typeof singleNodeWorkflow>[1];

/** A chat completion reply with one choice per message. */
export function chatReply(messages: IDataObject[], extra: IDataObject = {}): IDataObject {
	return {
		id: 'chatcmpl-1',
		object: 'chat.completion',
		created: 1_700_000_000,
		model: 'gpt-4.1-mini-2025-04-14',
		choices: messages.map((message, index) => ({
			index,
			message: { role: 'assistant', refusal: null, annotations: [], ...message },
			logprobs: null,
			finish_reason: (message.finish_reason as string | undefined) ?? 'stop',
		})),
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
		...extra,
	};
}

export const USAGE = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

export interface Captured {
	bodies: IDataObject[];
	scope: nock.Scope;
}

/** Answers POST {path} with the replies in order and records every request body. */
export function expectPosts(path: string, ...replies: Array<IDataObject | [number, IDataObject]>): Captured {
	const bodies: IDataObject[] = [];
	let scope = nock(BASE);
	for (const reply of replies) {
		scope = scope
			.post(`/v1${path}`, (body: IDataObject) => {
				bodies.push(body);
				return true;
			})
			.reply(...((Array.isArray(reply) ? reply : [200, reply]) as [number, IDataObject]));
	}
	return { bodies, scope };
}

/** Answers `times` POSTs to {path} with a reply computed from each request, whatever order they arrive in. */
export function answerPosts(path: string, times: number, answer: (body: IDataObject) => IDataObject): Captured {
	const bodies: IDataObject[] = [];
	const scope = nock(BASE)
		.post(`/v1${path}`)
		.times(times)
		.reply(200, (_uri, body) => {
			bodies.push(body as IDataObject);
			return answer(body as IDataObject);
		});
	return { bodies, scope };
}

export async function runNode(parameters: IDataObject, items?: Items): Promise<RunResult> {
	return await runWorkflow(singleNodeWorkflow(parameters, items), credentials);
}

/** Runs the node expecting it to fail before sending anything; returns the error message. */
export async function failsBeforeSending(path: string, parameters: IDataObject, items?: Items): Promise<string> {
	const { scope } = expectPosts(path, chatReply([{ content: 'unused' }]));
	const result = await runNode(parameters, items);
	expect(scope.isDone()).toBe(false);
	expect(result.error).toBeDefined();
	return result.error?.message ?? '';
}

export function setupNock(): void {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
