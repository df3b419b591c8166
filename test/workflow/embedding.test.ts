import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, captured, outputOf, recordAndReply, runNode, useNock } from '../support/nockApi';

useNock();

const model = { __rl: true, mode: 'id', value: 'text-embedding-3-small' };
const embed = (extra: IDataObject = {}) => ({ resource: 'embedding', operation: 'create', model, embeddingInput: 'hello', ...extra });
const usage = { prompt_tokens: 3, total_tokens: 3 };
const reply = (data: IDataObject[]) => ({ object: 'list', model: 'text-embedding-3-small', data, usage });
const vector = (index: number, embedding: number[] | string) => ({ object: 'embedding', index, embedding });

describe('embedding.create', () => {
	it('embeds one text: the exact body, one item with index, text, vector, model and usage', async () => {
		const seen = captured();
		const scope = nock(API).post('/v1/embeddings').reply(recordAndReply(seen, reply([vector(0, [0.1, -0.2])])));
		const result = await runNode(embed());
		expect(result.error).toBeUndefined();
		expect(seen.bodies).toEqual([{ model: 'text-embedding-3-small', input: 'hello' }]);
		expect(outputOf(result)).toEqual([
			{ json: { index: 0, text: 'hello', embedding: [0.1, -0.2], model: 'text-embedding-3-small', usage }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('embeds the array an expression returns, with every option, one item per text in index order', async () => {
		const seen = captured();
		nock(API)
			.post('/v1/embeddings')
			.reply(recordAndReply(seen, reply([vector(1, 'AAAAQA=='), vector(0, 'AACAPw==')])));
		const params = embed({
			embeddingInput: '={{ $json.texts }}',
			options: { dimensions: 256, encodingFormat: 'base64', user: 'user-42' },
		});
		const result = await runNode(params, [{ json: { texts: ['first', 'second'] } }]);
		expect(result.error).toBeUndefined();
		expect(seen.bodies).toEqual([
			{ model: 'text-embedding-3-small', input: ['first', 'second'], dimensions: 256, encoding_format: 'base64', user: 'user-42' },
		]);
		expect(outputOf(result)).toEqual([
			{ json: { index: 0, text: 'first', embedding: 'AACAPw==', model: 'text-embedding-3-small', usage }, pairedItem: { item: 0 } },
			{ json: { index: 1, text: 'second', embedding: 'AAAAQA==', model: 'text-embedding-3-small', usage }, pairedItem: { item: 0 } },
		]);
	});

	it('returns one item holding the whole list with "One Item for All Texts"', async () => {
		nock(API)
			.post('/v1/embeddings')
			.reply(200, reply([vector(0, [1]), vector(1, [2])]));
		const result = await runNode(embed({ embeddingInput: '={{ ["a", "b"] }}', options: { oneItem: true } }));
		expect(outputOf(result)).toEqual([
			{
				json: {
					model: 'text-embedding-3-small',
					usage,
					embeddings: [
						{ index: 0, text: 'a', embedding: [1] },
						{ index: 1, text: 'b', embedding: [2] },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('returns the raw reply when Simplify Output is off', async () => {
		const raw = reply([vector(0, [0.5])]);
		nock(API).post('/v1/embeddings').reply(200, raw);
		const result = await runNode(embed({ simplify: false }));
		expect(outputOf(result)).toEqual([{ json: raw, pairedItem: { item: 0 } }]);
	});

	it('sends one request per input item and pairs each output with its item', async () => {
		const seen = captured();
		nock(API)
			.post('/v1/embeddings')
			.times(2)
			.reply(recordAndReply(seen, (call: number) => reply([vector(0, [call])])));
		const result = await runNode(embed({ embeddingInput: '={{ $json.text }}' }), [{ json: { text: 'one' } }, { json: { text: 'two' } }]);
		expect(result.error).toBeUndefined();
		expect((seen.bodies as IDataObject[]).map((body) => body.input).sort()).toEqual(['one', 'two']);
		const output = outputOf(result);
		expect(output.map((item) => [item.json.text, item.pairedItem])).toEqual([
			['one', { item: 0 }],
			['two', { item: 1 }],
		]);
	});

	it('copes with a sparse reply: no index, model or usage', async () => {
		nock(API)
			.post('/v1/embeddings')
			.reply(200, { object: 'list', data: [{ embedding: [0.3] }] });
		const result = await runNode(embed());
		expect(result.error).toBeUndefined();
		expect(outputOf(result)).toEqual([{ json: { index: 0, text: 'hello', embedding: [0.3] }, pairedItem: { item: 0 } }]);
	});

	it('says plainly when the reply holds no embeddings', async () => {
		nock(API).post('/v1/embeddings').reply(200, { object: 'list', model: 'x', usage });
		const result = await runNode(embed());
		expect(result.error?.message).toBe('The reply has no "data", which OpenAI\'s API always sends for this request');
	});

	it.each([
		['an empty text', { embeddingInput: '  ' }, [{ json: {} }], 'Input: the text is empty'],
		['an empty list', { embeddingInput: '={{ [] }}' }, [{ json: {} }], 'Input: the list of texts is empty'],
		['an object in the list', { embeddingInput: '={{ $json.texts }}' }, [{ json: { texts: ['ok', { a: 1 }] } }], 'Input: text 2 is not a text (got object)'],
		['an empty text in the list', { embeddingInput: '={{ $json.texts }}' }, [{ json: { texts: ['ok', ''] } }], 'Input: text 2 is empty'],
		['too many texts', { embeddingInput: '={{ Array(2049).fill("x") }}' }, [{ json: {} }], 'Input: at most 2048 texts per request, got 2049'],
		['zero dimensions', { options: { dimensions: 0 } }, [{ json: {} }], 'Dimensions: must be a whole number of at least 1'],
	])('refuses %s before sending anything', async (_, extra, items, message) => {
		const scope = nock(API).post('/v1/embeddings').reply(200, reply([vector(0, [1])]));
		const result = await runNode(embed(extra), items);
		expect(result.error?.message).toBe(message);
		expect(scope.isDone()).toBe(false);
	});

	it('turns an API error into a node error with OpenAI\'s message', async () => {
		nock(API)
			.post('/v1/embeddings')
			.reply(400, { error: { message: "This model's maximum context length is 8192 tokens", type: 'invalid_request_error', code: null, param: 'input' } });
		const result = await runNode(embed());
		expect(result.error?.message).toBe("This model's maximum context length is 8192 tokens");
		expect(result.error?.description).toContain('Param: input');
	});
});
