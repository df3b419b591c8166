/**
 * "Send Through Batch API": the node's items go out as one batch built from the direct bodies, and come back paired
 * and shaped exactly like the direct call's output (each operation's own hooks shape them).
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { BatchLineSent, FakeBatchOptions } from '../support/batchApi';
import { FakeBatchApi } from '../support/batchApi';
import { BATCH_CASES as CASES, lastUserText } from '../support/batchCases';
import { BASE, answerPosts, chatReply, credentials } from '../support/chat';
import { useNock } from '../support/nockApi';

const unmatched = useNock();

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const itemsOf = (...texts: string[]) => texts.map((text, index) => ({ json: { text, n: index } }));

const batched = (parameters: IDataObject, extra: IDataObject = {}) => ({ ...parameters, sendThroughBatch: true, ...extra });

async function run(parameters: IDataObject, items: ReturnType<typeof itemsOf>, nodeExtra: IDataObject = {}) {
	return await runWorkflow(singleNodeWorkflow(parameters, items, nodeExtra), credentials);
}

/** Output items without the harness's undefined fields, for toEqual. */
const plain = (items: INodeExecutionData[]) => items.map(({ json, pairedItem }) => ({ json, pairedItem }));

describe('Send Through Batch API: every operation comes out as its direct call does', () => {
	it.each(CASES.map((entry) => [entry.operation, entry]))('%s', async (_name, entry) => {
		const items = itemsOf('alpha one', 'beta two', 'gamma hurt three');
		const direct = answerPosts(entry.path, 3, entry.reply);
		const directRun = await run(entry.parameters, items);
		expect(directRun.error).toBeUndefined();
		direct.scope.done();

		const api = new FakeBatchApi({ reply: (line) => entry.reply(line.body) });
		api.install(BASE);
		const batchRun = await run(batched(entry.parameters), items);
		expect(batchRun.error).toBeUndefined();
		expect(unmatched).toEqual([]);

		// The batch file holds exactly the bodies the direct calls sent, one line per item, in item order.
		expect(api.batches).toHaveLength(1);
		const [batch] = api.batches;
		expect(batch.lines.map((line) => line.custom_id)).toEqual(['item-0', 'item-1', 'item-2']);
		expect(batch.lines.map((line) => line.url)).toEqual(Array(3).fill(`/v1${entry.path}`));
		const sortedDirect = [...direct.bodies].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
		const sortedLines = batch.lines.map((line) => line.body).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
		expect(sortedLines).toEqual(sortedDirect);
		expect(batch.request).toEqual({
			input_file_id: 'file-in-1',
			endpoint: `/v1${entry.path}`,
			completion_window: '24h',
			metadata: { n8n_operation: entry.operation, n8n_simplify: 'true' },
		});
		expect(api.files.get('file-in-1')?.purpose).toBe('batch');

		// Same output as the direct run, each item paired to its input.
		expect(plain(batchRun.output('OpenAI'))).toEqual(plain(directRun.output('OpenAI')));
		expect(batchRun.output('OpenAI').length).toBeGreaterThanOrEqual(3);
	});

	it('with Simplify off returns the raw replies, as the direct call does', async () => {
		const entry = CASES[0];
		const parameters = { ...entry.parameters, simplify: false };
		const items = itemsOf('one', 'two', 'three');
		answerPosts(entry.path, 3, entry.reply);
		const directRun = await run(parameters, items);
		new FakeBatchApi({ reply: (line) => entry.reply(line.body) }).install(BASE);
		const batchRun = await run(batched(parameters), items);
		expect(batchRun.error).toBeUndefined();
		expect(plain(batchRun.output('OpenAI'))).toEqual(plain(directRun.output('OpenAI')));
		expect(batchRun.output('OpenAI').map((item) => item.json.object)).toEqual(Array(3).fill('chat.completion'));
	});
});

const prompt = CASES[1];
const answer = (line: BatchLineSent) => prompt.reply(line.body);

describe('Send Through Batch API at scale', () => {
	it('1,000 items come back paired, in order, one line each', async () => {
		const texts = Array.from({ length: 1000 }, (_, index) => `question ${index}`);
		const api = new FakeBatchApi({ reply: answer });
		api.install(BASE);
		const result = await run(batched(prompt.parameters), itemsOf(...texts));
		expect(result.error).toBeUndefined();
		expect(api.batches).toHaveLength(1);
		expect(api.linesSent).toHaveLength(1000);
		const output = result.output('OpenAI');
		expect(output).toHaveLength(1000);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.text).toBe(`Re: question ${index}`);
		});
	});

	it('splits into one batch per model (OpenAI runs one model per batch) and pairs across them', async () => {
		const api = new FakeBatchApi({ reply: answer });
		api.install(BASE);
		const parameters = batched({ ...prompt.parameters, model: rl('={{ $json.n % 2 ? "gpt-4.1-nano" : "gpt-4.1-mini" }}') });
		const result = await run(parameters, itemsOf('a', 'b', 'c', 'd'));
		expect(result.error).toBeUndefined();
		expect(api.batches.map((batch) => batch.lines.map((line) => line.custom_id))).toEqual([
			['item-0', 'item-2'],
			['item-1', 'item-3'],
		]);
		expect(api.batches.map((batch) => (batch.request.metadata as IDataObject).n8n_part)).toEqual(['1 of 2', '2 of 2']);
		expect(result.output('OpenAI').map((item) => [item.pairedItem, item.json.text])).toEqual([
			[{ item: 0 }, 'Re: a'],
			[{ item: 1 }, 'Re: b'],
			[{ item: 2 }, 'Re: c'],
			[{ item: 3 }, 'Re: d'],
		]);
	});
});

describe('Send Through Batch API: failed requests are that item\'s error', () => {
	const failing: FakeBatchOptions = {
		outcome: (line, index) =>
			index === 1
				? { status: 400, body: { error: { message: 'Invalid value for temperature', type: 'invalid_request_error', param: 'temperature', code: null } } }
				: index === 2
					? { error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } }
					: { status: 200, body: answer(line) },
	};

	it('with Continue On Fail, as error items paired to their inputs', async () => {
		new FakeBatchApi(failing).install(BASE);
		const result = await run(batched(prompt.parameters), itemsOf('ok', 'bad', 'late'), { continueOnFail: true });
		expect(result.error).toBeUndefined();
		const output = result.output('OpenAI');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.text).toBe('Re: ok');
		expect(String(output[1].json.error)).toMatch(/Invalid value for temperature/);
		expect(String(output[2].json.error)).toMatch(/could not run this item's request: This request could not be executed/);
	});

	it('an item whose input is bad fails before anything is sent and leaves the batch; the others go in it', async () => {
		const api = new FakeBatchApi({ reply: answer });
		api.install(BASE);
		const result = await run(batched(prompt.parameters), itemsOf('one', '', 'three'), { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(api.linesSent.map((line) => line.custom_id)).toEqual(['item-0', 'item-2']);
		const output = result.output('OpenAI');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.text).toBe('Re: one');
		expect(String(output[1].json.error)).toMatch(/Prompt/);
		expect(output[2].json.text).toBe('Re: three');
	});

	it('without it, the execution fails on the first failed item', async () => {
		new FakeBatchApi(failing).install(BASE);
		const result = await run(batched(prompt.parameters), itemsOf('ok', 'bad', 'late'));
		expect(result.error?.message).toMatch(/Invalid value for temperature|could not run this item's request/);
	});
});

describe('Send Through Batch API at the deadline', () => {
	const pending: FakeBatchOptions = { statuses: ['in_progress'], reply: answer };

	it('"Return the Batch ID": one item per input with the batch ID and its custom ID', async () => {
		const api = new FakeBatchApi(pending);
		api.install(BASE);
		const result = await run(batched(prompt.parameters, { batchWaitMinutes: 0, batchDeadline: 'returnBatchId' }), itemsOf('a', 'b'));
		expect(result.error).toBeUndefined();
		expect(plain(result.output('OpenAI'))).toEqual([
			{ json: { batchId: 'batch_1', customId: 'item-0', status: 'in_progress', inputFileId: 'file-in-1' }, pairedItem: { item: 0 } },
			{ json: { batchId: 'batch_1', customId: 'item-1', status: 'in_progress', inputFileId: 'file-in-1' }, pairedItem: { item: 1 } },
		]);
		expect(api.batches[0].cancelled).toBe(false);
	});

	it('"Fail": the unfinished items fail with the batch ID; the batch keeps running', async () => {
		const api = new FakeBatchApi(pending);
		api.install(BASE);
		const result = await run(batched(prompt.parameters, { batchWaitMinutes: 0, batchDeadline: 'fail' }), itemsOf('a', 'b'), { continueOnFail: true });
		expect(result.error).toBeUndefined();
		const output = result.output('OpenAI');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of output) expect(String(item.json.error)).toBe('Batch batch_1 is still in_progress after 0 minutes');
		expect(api.batches[0].cancelled).toBe(false);
	});

	it('"Finish the Rest Directly": cancels, keeps what finished, sends the rest directly', async () => {
		const api = new FakeBatchApi({ ...pending, doneWhenCancelled: 2 });
		api.install(BASE);
		const direct = answerPosts('/chat/completions', 1, (body) => chatReply([{ content: `Direct: ${lastUserText(body)}` }]));
		const result = await run(batched(prompt.parameters, { batchWaitMinutes: 0, batchDeadline: 'finishDirectly' }), itemsOf('a', 'b', 'c'));
		expect(result.error).toBeUndefined();
		expect(api.batches[0].cancelled).toBe(true);
		direct.scope.done();
		expect(lastUserText(direct.bodies[0])).toBe('c');
		expect(result.output('OpenAI').map((item) => [item.pairedItem, item.json.text])).toEqual([
			[{ item: 0 }, 'Re: a'],
			[{ item: 1 }, 'Re: b'],
			[{ item: 2 }, 'Direct: c'],
		]);
	});

	it('a stopped execution ends the wait at once and sends nothing more', async () => {
		const api = new FakeBatchApi(pending);
		api.install(BASE);
		const result = await runWorkflow(singleNodeWorkflow(batched(prompt.parameters, { batchWaitMinutes: 600 }), itemsOf('a', 'b')), credentials, {
			abortAfterMs: 200,
		});
		const retrievesAtStop = api.batches[0]?.retrieves;
		expect(api.batches).toHaveLength(1);
		expect(api.batches[0].cancelled).toBe(false);
		// Nothing is polled after the stop (the next poll would have come 5 s later).
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(api.batches[0].retrieves).toBe(retrievesAtStop);
		expect(result.run.status === 'canceled' || /stopped/.test(String(result.error?.message))).toBe(true);
	});
});

describe('Batch > Get Results of a batch made with Send Through Batch API', () => {
	it.each(CASES.map((entry) => [entry.operation, entry]))('%s: results come shaped like the operation\'s output', async (_name, entry) => {
		const items = itemsOf('alpha one', 'beta two');
		answerPosts(entry.path, 2, entry.reply);
		const directRun = await run(entry.parameters, items);
		const api = new FakeBatchApi({ statuses: ['in_progress'], reply: (line) => entry.reply(line.body) });
		api.install(BASE);
		const pending = await run(batched(entry.parameters, { batchWaitMinutes: 0 }), items);
		expect(pending.output('OpenAI').map((item) => item.json.customId)).toEqual(['item-0', 'item-1']);

		api.completeAll();
		const later = await runWorkflow(singleNodeWorkflow({ resource: 'batch', operation: 'getResults', batchId: rl('batch_1') }), credentials);
		expect(later.error).toBeUndefined();
		const results = later.output('OpenAI').map((item) => item.json);
		const direct = directRun.output('OpenAI').map((item) => item.json);
		if (entry.operation === 'chat.translate') {
			// The entry is not in the batch: its translated texts come keyed by their path in it.
			expect(results.map((json) => json.translatedTexts)).toEqual([{ title: 'DE alpha one' }, { title: 'DE beta two' }]);
			return;
		}
		const withIds = (json: IDataObject, index: number) => ({ custom_id: `item-${index}`, batch_id: 'batch_1', ...json });
		const perItem = direct.length / 2;
		expect(results).toEqual(direct.map((json, index) => withIds(json, Math.floor(index / perItem))));
	});
});

describe('Send Through Batch API: settings', () => {
	it('leaves operations without the option alone (image generation is never batched)', async () => {
		const scope = nock(BASE)
			.post('/v1/images/generations')
			.reply(200, { created: 1, data: [{ url: 'https://example.com/a.png' }] });
		const result = await run({ resource: 'image', operation: 'generate', model: 'dall-e-3', imagePrompt: 'x', sendThroughBatch: true, responseFormat: 'url' }, itemsOf('a'));
		scope.done();
		expect(result.error).toBeUndefined();
	});
});
