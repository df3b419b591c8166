import { USAGE, byId, chatReply, expectPosts, failsBeforeSending, runNode, setupNock } from '../support/chat';

setupNock();

const PATH = '/chat/completions';

describe('chat.extractData', () => {
	const extract = (extra: Record<string, unknown> = {}) => ({
		resource: 'chat',
		operation: 'extractData',
		model: byId('gpt-4.1-mini'),
		textToParse: 'Invoice INV-7 from ACME, 12 Main St, Springfield. Items: 2 bolts at 1.50, 1 nut at 0.25. Paid: yes.',
		whatToExtract: 'The invoice details',
		fields: {
			field: [
				{ name: 'invoice_number', description: 'The invoice ID', type: 'text', examples: 'INV-001, INV-002', required: true },
				{ name: 'paid', type: 'boolean', required: false },
				{ name: 'total', type: 'number' },
				{ name: 'item_count', type: 'integer', required: true },
				{ name: 'tags', type: 'textArray' },
				{ name: 'seller', type: 'object', objectName: 'company', description: 'Who sent it', required: true },
				{ name: 'items', type: 'objectArray', objectName: 'line_item', required: true },
			],
		},
		objectDefinitions: {
			object: [
				{
					name: 'company',
					description: 'A company',
					properties: { property: [{ name: 'name', type: 'text', required: true }, { name: 'address', type: 'object', objectName: 'address' }] },
				},
				{ name: 'address', properties: { property: [{ name: 'street', type: 'text', required: true }, { name: 'city', type: 'text' }] } },
				{ name: 'line_item', properties: { property: [{ name: 'quantity', type: 'integer', required: true }, { name: 'prices', type: 'numberArray', required: true }] } },
				{ name: 'unused', properties: { property: [{ name: 'x', type: 'text' }] } },
			],
		},
		...extra,
	});

	const schema = {
		type: 'object',
		properties: {
			invoice_number: { type: 'string', description: 'The invoice ID Examples: INV-001, INV-002' },
			paid: { type: ['boolean', 'null'] },
			total: { type: ['number', 'null'] },
			item_count: { type: 'integer' },
			tags: { type: ['array', 'null'], items: { type: 'string' } },
			seller: { anyOf: [{ $ref: '#/$defs/company' }], description: 'Who sent it' },
			items: { type: 'array', items: { $ref: '#/$defs/line_item' } },
		},
		required: ['invoice_number', 'paid', 'total', 'item_count', 'tags', 'seller', 'items'],
		additionalProperties: false,
		$defs: {
			company: {
				type: 'object',
				properties: { name: { type: 'string' }, address: { anyOf: [{ $ref: '#/$defs/address' }, { type: 'null' }] } },
				required: ['name', 'address'],
				additionalProperties: false,
				description: 'A company',
			},
			line_item: {
				type: 'object',
				properties: { quantity: { type: 'integer' }, prices: { type: 'array', items: { type: 'number' } } },
				required: ['quantity', 'prices'],
				additionalProperties: false,
			},
			address: {
				type: 'object',
				properties: { street: { type: 'string' }, city: { type: ['string', 'null'] } },
				required: ['street', 'city'],
				additionalProperties: false,
			},
		},
	};

	const extracted = {
		invoice_number: 'INV-7',
		paid: true,
		total: 3.25,
		item_count: 2,
		tags: null,
		seller: { name: 'ACME', address: { street: '12 Main St', city: 'Springfield' } },
		items: [
			{ quantity: 2, prices: [1.5] },
			{ quantity: 1, prices: [0.25] },
		],
	};

	it('builds a strict JSON schema from the fields and objects and returns the parsed data', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: JSON.stringify(extracted) }]));
		const result = await runNode(extract({ options: { temperature: 0, seed: 3 } }));
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			messages: [
				{
					role: 'system',
					content:
						"Extract structured data from the text in the user's message.\nWhat to extract: The invoice details\nTake every value from the text only. Use null for a field the text does not give.",
				},
				{ role: 'user', content: 'Invoice INV-7 from ACME, 12 Main St, Springfield. Items: 2 bolts at 1.50, 1 nut at 0.25. Paid: yes.' },
			],
			response_format: { type: 'json_schema', json_schema: { name: 'extracted_data', strict: true, schema } },
			temperature: 0,
			seed: 3,
		});
		expect(result.output('OpenAI')).toEqual([{ json: { data: extracted, finishReason: 'stop', usage: USAGE }, pairedItem: { item: 0 } }]);
	});

	it('uses a developer message for reasoning models', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: JSON.stringify(extracted) }]));
		await runNode(extract({ model: byId('o3') }));
		expect((bodies[0].messages as Array<{ role: string }>)[0].role).toBe('developer');
	});

	it('fails clearly on a refusal, a cut-off reply or text that is not JSON', async () => {
		expectPosts(
			PATH,
			chatReply([{ content: null, refusal: 'I cannot help with that.' }]),
			chatReply([{ content: '{"invoice_number": "IN', finish_reason: 'length' }]),
			chatReply([{ content: 'The invoice number is INV-7.' }]),
		);
		expect((await runNode(extract())).error?.message).toBe('The model refused: I cannot help with that.');
		expect((await runNode(extract())).error?.message).toBe('The reply was cut off at the token limit, so its JSON is incomplete');
		const notJson = await runNode(extract());
		expect(notJson.error?.message).toBe('The reply is not valid JSON');
		expect(notJson.error?.description).toContain('The invoice number is INV-7.');
	});

	it('returns the raw reply with Simplify off', async () => {
		const reply = chatReply([{ content: '{}' }]);
		expectPosts(PATH, reply);
		expect((await runNode(extract({ simplify: false }))).output('OpenAI')[0].json).toEqual(reply);
	});

	it.each([
		['a field name with a space', { fields: { field: [{ name: 'first name', type: 'text' }] } }, 'Fields to Extract: field "first name" is not a valid name: start with a letter or _, then use letters, digits or _ only (no spaces, commas or symbols)'],
		['a field name starting with a digit', { fields: { field: [{ name: '1st', type: 'text' }] } }, 'Fields to Extract: field "1st" is not a valid name: start with a letter or _, then use letters, digits or _ only (no spaces, commas or symbols)'],
		['a field name with a comma', { fields: { field: [{ name: 'a,b', type: 'text' }] } }, 'Fields to Extract: field "a,b" is not a valid name: start with a letter or _, then use letters, digits or _ only (no spaces, commas or symbols)'],
		['a property name with a symbol', { objectDefinitions: { object: [{ name: 'company', properties: { property: [{ name: 'e-mail', type: 'text' }] } }, { name: 'line_item', properties: { property: [{ name: 'q', type: 'integer' }] } }, { name: 'address', properties: { property: [{ name: 'x', type: 'text' }] } }] } }, 'Object Definitions: property "e-mail" of object "company" is not a valid name: start with a letter or _, then use letters, digits or _ only (no spaces, commas or symbols)'],
		['a duplicate field', { fields: { field: [{ name: 'a', type: 'text' }, { name: 'a', type: 'number' }] } }, 'Fields to Extract: field "a" is defined twice'],
		['an object that is not defined', { fields: { field: [{ name: 'a', type: 'object', objectName: 'missing' }] } }, 'Fields to Extract: field "a" refers to object "missing", which is not in Object Definitions'],
		['an object without properties', { fields: { field: [{ name: 'a', type: 'object', objectName: 'empty' }] }, objectDefinitions: { object: [{ name: 'empty' }] } }, 'Object Definitions: object "empty" has no properties'],
		['no fields', { fields: {} }, 'Fields to Extract: add at least one field'],
		['no text', { textToParse: ' ' }, 'Text to Parse: is empty'],
	])('refuses %s before sending, naming it', async (_, extra, message) => {
		expect(await failsBeforeSending(PATH, extract(extra))).toBe(message);
	});
});

describe('chat.translate', () => {
	const entry = {
		uid: 'blt0123456789abcdef',
		title: 'Welcome to our store',
		url: '/welcome',
		locale: 'en-us',
		price: 12.5,
		in_stock: true,
		published_at: '2024-05-01T10:00:00.000Z',
		hero: { heading: 'Fresh coffee', image: { url: 'https://cdn.example.com/a.png', filename: 'a.png' }, cta_label: 'Buy now' },
		tags: ['coffee', 'sale'],
		sections: [{ body: 'Roasted daily.', _metadata: { uid: 'cs1' } }, { body: 'SKU-42' }],
	};
	const translate = (extra: Record<string, unknown> = {}) => ({
		resource: 'chat',
		operation: 'translate',
		model: byId('gpt-4.1-mini'),
		entry: JSON.stringify(entry),
		targetLanguage: 'German',
		...extra,
	});
	const texts = {
		title: 'Welcome to our store',
		'hero.heading': 'Fresh coffee',
		'hero.cta_label': 'Buy now',
		'sections[0].body': 'Roasted daily.',
	};
	const translations = {
		title: 'Willkommen in unserem Laden',
		'hero.heading': 'Frischer Kaffee',
		'hero.cta_label': 'Jetzt kaufen',
		'sections[0].body': 'Täglich geröstet.',
	};
	const instructions = (extra = '') =>
		[
			"Translate each value of the JSON object in the user's message into German.",
			'Reply with a JSON object with exactly the same keys, each value being the translation of the original value.',
			'Keep HTML tags, Markdown, placeholders such as {name}, {{name}} or %s, URLs and line breaks exactly as they are. Do not add, drop or merge keys.',
			'The keys are paths in a content entry: use them only as context, never translate them.',
			...(extra ? [extra] : []),
		].join('\n');
	const strictSchema = (keys: string[]) => ({
		type: 'json_schema',
		json_schema: {
			name: 'translation',
			strict: true,
			schema: { type: 'object', properties: Object.fromEntries(keys.map((k) => [k, { type: 'string' }])), required: keys, additionalProperties: false },
		},
	});

	it('sends only the texts, and puts the translations back with ids, URLs, numbers, booleans and dates untouched', async () => {
		const { bodies } = expectPosts(PATH, chatReply([{ content: JSON.stringify(translations) }]));
		const result = await runNode(translate({ options: { additionalInstructions: 'Use the informal "du".', temperature: 0.2 } }));
		expect(result.error).toBeUndefined();
		expect(bodies[0]).toEqual({
			model: 'gpt-4.1-mini',
			messages: [
				{ role: 'system', content: instructions('Use the informal "du".') },
				{ role: 'user', content: JSON.stringify(texts) },
			],
			response_format: strictSchema(Object.keys(texts)),
			temperature: 0.2,
			max_completion_tokens: 2000,
		});
		expect(result.output('OpenAI')).toEqual([
			{
				json: {
					translatedEntry: {
						...entry,
						title: 'Willkommen in unserem Laden',
						hero: { ...entry.hero, heading: 'Frischer Kaffee', cta_label: 'Jetzt kaufen' },
						sections: [{ body: 'Täglich geröstet.', _metadata: { uid: 'cs1' } }, { body: 'SKU-42' }],
					},
					targetLanguage: 'German',
					translatedTexts: 4,
					finishReason: 'stop',
					usage: USAGE,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('translates only the text fields of a content type schema (groups, blocks, rich text, links; not selects)', async () => {
		const cmsEntry = {
			entry: {
				uid: 'blt1',
				title: 'Summer sale',
				url: '/summer-sale',
				summary: 'Big discounts',
				rating: 5,
				category: 'promo',
				link: { title: 'Read more', href: '/more' },
				seo: { meta_title: 'Sale', keywords: ['sale'] },
				body: { type: 'doc', uid: 'rte1', attrs: {}, children: [{ type: 'p', uid: 'p1', attrs: {}, children: [{ text: 'Hello ' }, { text: 'world', bold: true }] }] },
				modules: [{ banner: { heading: 'Hot deals', color: 'red' } }, { quote: { text: 'Best shop ever', author: 'Ann' } }],
			},
		};
		const contentType = {
			content_type: {
				uid: 'page',
				schema: [
					{ uid: 'title', data_type: 'text' },
					{ uid: 'url', data_type: 'text' },
					{ uid: 'summary', data_type: 'text' },
					{ uid: 'rating', data_type: 'number' },
					{ uid: 'category', data_type: 'text', display_type: 'dropdown', enum: { choices: [] } },
					{ uid: 'link', data_type: 'link' },
					{ uid: 'seo', data_type: 'group', schema: [{ uid: 'meta_title', data_type: 'text' }, { uid: 'keywords', data_type: 'text', multiple: true }] },
					{ uid: 'body', data_type: 'json' },
					{
						uid: 'modules',
						data_type: 'blocks',
						multiple: true,
						blocks: [
							{ uid: 'banner', schema: [{ uid: 'heading', data_type: 'text' }, { uid: 'color', data_type: 'isodate' }] },
							{ uid: 'quote', schema: [{ uid: 'text', data_type: 'text' }] },
						],
					},
				],
			},
		};
		const sent = {
			'entry.title': 'Summer sale',
			'entry.summary': 'Big discounts',
			'entry.link.title': 'Read more',
			'entry.seo.meta_title': 'Sale',
			'entry.seo.keywords[0]': 'sale',
			'entry.body.children[0].children[0].text': 'Hello ',
			'entry.body.children[0].children[1].text': 'world',
			'entry.modules[0].banner.heading': 'Hot deals',
			'entry.modules[1].quote.text': 'Best shop ever',
		};
		const answer = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, `DE:${v}`]));
		const { bodies } = expectPosts(PATH, chatReply([{ content: JSON.stringify(answer) }]));
		const result = await runNode(translate({ entry: JSON.stringify(cmsEntry), contentTypeSchema: JSON.stringify(contentType), options: { maxTokens: 800 } }));
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([
			{
				model: 'gpt-4.1-mini',
				messages: [
					{ role: 'system', content: instructions() },
					{ role: 'user', content: JSON.stringify(sent) },
				],
				response_format: strictSchema(Object.keys(sent)),
				max_completion_tokens: 800,
			},
		]);
		const e = cmsEntry.entry;
		expect(result.output('OpenAI')).toEqual([
			{
				json: {
					translatedEntry: {
						entry: {
							...e,
							title: 'DE:Summer sale',
							summary: 'DE:Big discounts',
							link: { title: 'DE:Read more', href: '/more' },
							seo: { meta_title: 'DE:Sale', keywords: ['DE:sale'] },
							body: { ...e.body, children: [{ ...e.body.children[0], children: [{ text: 'DE:Hello ' }, { text: 'DE:world', bold: true }] }] },
							modules: [{ banner: { heading: 'DE:Hot deals', color: 'red' } }, { quote: { text: 'DE:Best shop ever', author: 'Ann' } }],
						},
					},
					targetLanguage: 'German',
					translatedTexts: 9,
					finishReason: 'stop',
					usage: USAGE,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	// MAX_STRICT_KEYS in resources/chat/translate.ts: up to 500 texts get a strict schema, more only JSON mode.
	it.each([
		[500, 'a strict schema'],
		[501, 'JSON mode (json_object), the node checking the keys'],
	])('asks for %d texts with %s', async (count) => {
		const big = Object.fromEntries(Array.from({ length: count }, (_, i) => [`s${i}`, `Sentence ${i} of the entry.`]));
		const answer = Object.fromEntries(Object.keys(big).map((key) => [key, `DE:${big[key]}`]));
		const { bodies } = expectPosts(PATH, chatReply([{ content: JSON.stringify(answer) }]));
		const result = await runNode(translate({ entry: JSON.stringify(big) }));
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([
			{
				model: 'gpt-4.1-mini',
				messages: [
					{ role: 'system', content: instructions() },
					{ role: 'user', content: JSON.stringify(big) },
				],
				response_format: count <= 500 ? strictSchema(Object.keys(big)) : { type: 'json_object' },
				max_completion_tokens: 2000,
			},
		]);
		expect(result.output('OpenAI')).toEqual([
			{ json: { translatedEntry: answer, targetLanguage: 'German', translatedTexts: count, finishReason: 'stop', usage: USAGE }, pairedItem: { item: 0 } },
		]);
	});

	it('returns an entry without text as it is, without a request', async () => {
		const { scope } = expectPosts(PATH, chatReply([{ content: '{}' }]));
		const plain = { uid: 'blt9', url: 'https://example.com', price: 3, when: '2024-01-01' };
		const result = await runNode(translate({ entry: JSON.stringify(plain) }));
		expect(scope.isDone()).toBe(false);
		expect(result.output('OpenAI')).toEqual([
			{ json: { translatedEntry: plain, targetLanguage: 'German', translatedTexts: 0, finishReason: null, usage: null }, pairedItem: { item: 0 } },
		]);
	});

	it.each([
		['a key missing', { title: 'x', 'hero.heading': 'y', 'hero.cta_label': 'z' }, 'Missing or not text: "sections[0].body".'],
		['a key added', { ...translations, extra: 'x' }, 'Not in the entry: "extra".'],
		['a value that is not text', { ...translations, title: 42 }, 'Missing or not text: "title".'],
		['a list instead of an object', ['x'], 'The model did not answer with a JSON object.'],
	])('fails clearly instead of passing on a damaged entry: %s', async (_, answer, detail) => {
		expectPosts(PATH, chatReply([{ content: JSON.stringify(answer) }]));
		const result = await runNode(translate());
		expect(result.error?.message).toBe('The translation does not match the entry, so the entry was not changed');
		expect(result.error?.description).toContain(detail);
	});

	it.each([
		['entry JSON that is broken', { entry: '{"title": ' }, 'Entry Data: not valid JSON'],
		['an entry that is a string', { entry: '"hello"' }, 'Entry Data: expected the entry as a JSON object'],
		['a schema without fields', { contentTypeSchema: '{"uid": "page"}' }, 'Content Type Schema: expected the content type, or its "schema" list of fields (uid, data_type)'],
		['no target language', { targetLanguage: ' ' }, 'Target Language: is empty'],
	])('refuses %s before sending', async (_, extra, message) => {
		expect(await failsBeforeSending(PATH, translate(extra))).toBe(message);
	});
});
