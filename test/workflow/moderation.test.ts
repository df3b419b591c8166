import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, captured, outputOf, recordAndReply, runNode, useNock } from '../support/nockApi';

useNock();

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const texts = (...values: string[]) => ({ values: values.map((text) => ({ text })) });
const moderate = (extra: IDataObject = {}) => ({
	resource: 'moderation',
	operation: 'create',
	model: { __rl: true, mode: 'id', value: 'omni-moderation-latest' },
	texts: texts('I will hurt you'),
	...extra,
});
const categories = (flagged: string[] = []) =>
	Object.fromEntries(['harassment', 'hate', 'illicit', 'self-harm', 'sexual', 'violence'].map((name) => [name, flagged.includes(name)]));
const result = (flagged: string[] = [], extra: IDataObject = {}) => ({
	flagged: flagged.length > 0,
	categories: categories(flagged),
	category_scores: { harassment: 0.4, violence: 0.9 },
	category_applied_input_types: { violence: ['text'] },
	...extra,
});
const reply = (...results: IDataObject[]) => ({ id: 'modr-1', model: 'omni-moderation-latest', results });

describe('moderation.create', () => {
	it('classifies one text: sent as a string; simplified to flagged + flagged categories', async () => {
		const seen = captured();
		const scope = nock(API).post('/v1/moderations').reply(recordAndReply(seen, reply(result(['harassment', 'violence']))));
		const run = await runNode(moderate());
		expect(run.error).toBeUndefined();
		expect(seen.bodies).toEqual([{ model: 'omni-moderation-latest', input: 'I will hurt you' }]);
		expect(outputOf(run)).toEqual([
			{ json: { input: 'I will hurt you', flagged: true, flaggedCategories: ['harassment', 'violence'] }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	it('classifies several texts (an entry may be an expression returning a list): one item per text', async () => {
		const seen = captured();
		nock(API)
			.post('/v1/moderations')
			.reply(recordAndReply(seen, reply(result(), result(['hate']), result())));
		const params = moderate({ texts: { values: [{ text: 'hello' }, { text: '={{ $json.more }}' }, { text: '' }] } });
		const run = await runNode(params, [{ json: { more: ['bad words', 'fine'] } }]);
		expect(run.error).toBeUndefined();
		expect(seen.bodies).toEqual([{ model: 'omni-moderation-latest', input: ['hello', 'bad words', 'fine'] }]);
		expect(outputOf(run).map((item) => item.json)).toEqual([
			{ input: 'hello', flagged: false, flaggedCategories: [] },
			{ input: 'bad words', flagged: true, flaggedCategories: ['hate'] },
			{ input: 'fine', flagged: false, flaggedCategories: [] },
		]);
	});

	it('sends image URLs and binaries as data URLs in the multi-modal form; without simplify, every score', async () => {
		const seen = captured();
		const full = result(['violence']);
		nock(API).post('/v1/moderations').reply(recordAndReply(seen, reply(full)));
		const params = moderate({
			simplify: false,
			imagesToClassify: {
				values: [
					{ source: 'url', url: 'https://example.com/a.jpg' },
					{ source: 'binary', binaryPropertyName: 'photo' },
				],
			},
		});
		const run = await runNode(params, [{ json: {}, binary: { photo: { data: PNG.toString('base64'), fileName: 'p.png', mimeType: 'image/png' } } }]);
		expect(run.error).toBeUndefined();
		expect(seen.bodies).toEqual([
			{
				model: 'omni-moderation-latest',
				input: [
					{ type: 'text', text: 'I will hurt you' },
					{ type: 'image_url', image_url: { url: 'https://example.com/a.jpg' } },
					{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG.toString('base64')}` } },
				],
			},
		]);
		// A multi-modal request is judged as a whole: no single input label.
		expect(outputOf(run)).toEqual([{ json: { ...full, id: 'modr-1', model: 'omni-moderation-latest' }, pairedItem: { item: 0 } }]);
	});

	it('leaves the model out when it is empty (the API default applies)', async () => {
		const seen = captured();
		nock(API).post('/v1/moderations').reply(recordAndReply(seen, reply(result())));
		await runNode(moderate({ model: { __rl: true, mode: 'id', value: '' } }));
		expect(seen.bodies).toEqual([{ input: 'I will hurt you' }]);
	});

	it('copes with a sparse result: no flagged field, no categories', async () => {
		nock(API)
			.post('/v1/moderations')
			.reply(200, { results: [{}] });
		const run = await runNode(moderate());
		expect(run.error).toBeUndefined();
		expect(outputOf(run)[0].json).toEqual({ input: 'I will hurt you', flagged: false, flaggedCategories: [] });
	});

	it('says plainly when the reply has no results', async () => {
		nock(API).post('/v1/moderations').reply(200, { id: 'modr-1', model: 'm' });
		const run = await runNode(moderate());
		expect(run.error?.message).toBe('The reply has no "results", which OpenAI\'s API always sends for this request');
	});

	it.each([
		['no text and no image', { texts: texts('', ' ') }, undefined, 'Texts: add at least one text or image to classify'],
		['an object as a text', { texts: { values: [{ text: '={{ $json.o }}' }] } }, [{ json: { o: { a: 1 } } }], 'Texts: an entry is not a text (got an object)'],
		['a non-http image URL', { imagesToClassify: { values: [{ source: 'url', url: 'ftp://x/y.png' }] } }, undefined, 'Images: image 1 "ftp://x/y.png" is not an http(s) URL or an image data URL'],
		['a missing binary property', { imagesToClassify: { values: [{ source: 'binary', binaryPropertyName: 'nope' }] } }, undefined, 'Images (image 1): the input item has no binary property "nope"'],
		[
			'a binary that is not an image',
			{ imagesToClassify: { values: [{ source: 'binary', binaryPropertyName: 'data' }] } },
			[{ json: {}, binary: { data: { data: Buffer.from('%PDF').toString('base64'), fileName: 'a.pdf', mimeType: 'application/pdf' } } }],
			'Images (image 1): "a.pdf" (application/pdf) is not an accepted file type',
		],
	])('refuses %s before sending anything', async (_, extra, items, message) => {
		const scope = nock(API).post('/v1/moderations').reply(200, reply(result()));
		const run = await runNode(moderate(extra), items as never);
		expect(run.error?.message).toBe(message);
		expect(scope.isDone()).toBe(false);
	});

	it('keeps items paired under Continue On Fail: a bad item becomes an error item, the others go through', async () => {
		nock(API).post('/v1/moderations').reply(200, reply(result()));
		const run = await runNode(moderate({ texts: { values: [{ text: '={{ $json.text }}' }] } }), [{ json: { text: '' } }, { json: { text: 'fine' } }], {
			continueOnFail: true,
		});
		expect(run.error).toBeUndefined();
		const output = outputOf(run);
		expect(output).toHaveLength(2);
		expect(output[1].json).toEqual({ input: 'fine', flagged: false, flaggedCategories: [] });
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(JSON.stringify(output[0].json)).toContain('Texts: add at least one text or image');
	});
});
