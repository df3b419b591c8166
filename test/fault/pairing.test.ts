/**
 * Every item on every output keeps its pair (issue 15, point 3): three items, the middle one fails,
 * for each origin of a failure (a pre-send check, an HTTP error, a malformed reply, a post-receive
 * check) under each of n8n's three On Error modes. Stop: the error names item 1 and nothing is
 * output. Continue (regular output): 3 items, each paired to its input. Continue (using error
 * output): items 0 and 2 on the success output, item 1 on the error output, all paired.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RunResult } from '../harness/n8n';
import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { ok, openAiError, startFaultServer } from '../support/faultServer';
import { chatCompletion, goodReplyFor } from './goodReplies';

const FAULTY = 1;
const items = [0, 1, 2].map((n) => ({ json: { n } }));
const chatOf = (operation: string, extra: IDataObject = {}): IDataObject => ({
	resource: 'chat',
	operation,
	model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' },
	requestOptions: { maxRetries: 0 },
	...extra,
});
const complete = chatOf('complete', { messages: { message: [{ role: 'user', content: '=item {{ $json.n }}' }] } });
const isFaulty = (request: ReceivedRequest) => request.body.toString().includes(`item ${FAULTY}`);

interface Origin {
	name: string;
	parameters: IDataObject;
	/** The server's answer to the faulty item's request (the others get a good reply). */
	fault?: FaultAction;
	/** Requests the faulty item sends. */
	sent: number;
}

const ORIGINS: Origin[] = [
	{
		name: 'a pre-send check (Number of Images 99)',
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: { __rl: true, mode: 'id', value: 'gpt-image-1' },
			imagePrompt: '=item {{ $json.n }}',
			options: { n: `={{ $json.n === ${FAULTY} ? 99 : 1 }}` },
			requestOptions: { maxRetries: 0 },
		},
		sent: 0,
	},
	{ name: 'an HTTP error (400)', parameters: complete, fault: openAiError(400, 'Invalid value for messages'), sent: 1 },
	{ name: 'a malformed reply (HTML with 200)', parameters: complete, fault: { status: 200, raw: '<html><body>proxy login</body></html>', headers: { 'content-type': 'text/html' } }, sent: 1 },
	{
		name: 'a post-receive check (extracted data that is not JSON)',
		parameters: chatOf('extractData', { textToParse: '=item {{ $json.n }}', fields: { field: [{ name: 'number', type: 'integer', required: true }] } }),
		fault: ok(chatCompletion('this is not JSON')),
		sent: 1,
	},
];

const MODES = ['stopWorkflow', 'continueRegularOutput', 'continueErrorOutput'] as const;

let server: FaultServer;
const figures = { runs: 0, outputItems: 0, errorOutputItems: 0, unpaired: 0, errorOutputUnpaired: 0 };

beforeAll(async () => {
	server = await startFaultServer((request) => {
		const origin = current;
		return origin?.fault && isFaulty(request) ? origin.fault : goodReplyFor(request);
	});
});
let current: Origin | undefined;

afterAll(async () => {
	await server.stop();
	console.log(
		`pairing: ${figures.runs} runs (${ORIGINS.length} origins x ${MODES.length} modes), ${figures.outputItems} output items, ${figures.errorOutputItems} on the error output, ${figures.unpaired} without pairedItem (${figures.errorOutputUnpaired} of them on the error output)`,
	);
});

function outputsOf(result: RunResult): INodeExecutionData[][] {
	return (result.run.data.resultData.runData.OpenAI?.[0]?.data?.main ?? []) as INodeExecutionData[][];
}

describe.each(ORIGINS)('a failure from $name', (origin) => {
	it.each(MODES)('keeps every item paired under On Error %s', async (onError) => {
		current = origin;
		const before = server.requests.length;
		const result = await runWorkflow(singleNodeWorkflow(origin.parameters, items, { onError }), credentialsFor(server.url));
		current = undefined;
		const requests = server.requests.slice(before);
		expect(requests.filter(isFaulty)).toHaveLength(origin.sent);

		const outputs = outputsOf(result);
		const all = outputs.flat();
		figures.runs++;
		figures.outputItems += all.length;
		figures.errorOutputItems += onError === 'continueErrorOutput' ? (outputs[1]?.length ?? 0) : 0;
		figures.unpaired += all.filter((item) => item.pairedItem === undefined).length;
		figures.errorOutputUnpaired += onError === 'continueErrorOutput' ? (outputs[1] ?? []).filter((item) => item.pairedItem === undefined).length : 0;

		if (onError === 'stopWorkflow') {
			expect(result.error?.context?.itemIndex).toBe(FAULTY);
			expect(all).toHaveLength(0);
			return;
		}
		expect(result.error).toBeUndefined();
		if (onError === 'continueRegularOutput') {
			expect(outputs).toHaveLength(1);
			expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(outputs[0][FAULTY].json.error).toEqual(expect.any(String));
			expect(outputs[0].filter((item) => item.json.error !== undefined)).toHaveLength(1);
			return;
		}
		const [success, errors] = outputs;
		expect(success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(success.every((item) => item.json.error === undefined)).toBe(true);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: FAULTY }]);
		expect(errors[0].json.error).toEqual(expect.any(String));
	});
});
