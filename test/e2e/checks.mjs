// What each workflow in test/e2e/workflows/ must produce when n8n runs it
// against steady (the OpenAPI mock). steady's replies are random but valid
// against OpenAI's spec, and it answers HTTP 400 to any request that is not:
// a node that succeeds has therefore also sent a spec-valid request.
//
// Shape: { <workflow file name>: { <node name>: (ctx) => void } }.
// ctx: { items, binary(i, prop), run, expect(cond, message) }.
// Every node of our type in a workflow needs a check here, or the suite fails.

const isString = (v) => typeof v === 'string';

/** Words that mean the node crashed on a reply instead of handling it. */
const CRASH = /TypeError|Cannot read propert|is not a function|is not iterable|undefined is not|Unexpected token|\[object Object\]/;

/**
 * For operations whose result depends on the reply's content, which steady
 * makes up at random: one item, and either an output that passes `then` or a
 * clear error item (continue-on-fail), never a crash. steady answering 400 to
 * the request is caught separately by the runner.
 */
const wellFormed =
	(then = () => {}) =>
	({ items, expect }) => {
		expect(items.length === 1, `expected one item, got ${items.length}`);
		const { json } = items[0];
		const text = JSON.stringify(json);
		expect(!text.includes('sk-e2e'), 'output leaks the API key');
		// n8n's continue-on-fail item has the message as a string; API objects may have an `error` object of their own.
		if (typeof json.error === 'string') {
			expect(json.error.length > 0, `error item without a message: ${text.slice(0, 300)}`);
			expect(!CRASH.test(text), `the node crashed on a valid reply: ${text.slice(0, 400)}`);
		} else {
			then(items[0], expect);
		}
	};
/** A list operation with a limit: at most `limit` items, each well formed. */
const listOf =
	(limit) =>
	({ items, expect }) => {
		expect(items.length <= limit, `limit ${limit} gave ${items.length} items`);
		for (const item of items) wellFormed()({ items: [item], expect });
	};
/** One item that, unless it is an error item, carries a binary file. */
const binaryOut = (prop = 'data') =>
	wellFormed((item, expect) => {
		const file = item.binary?.[prop];
		expect(file, `no binary property "${prop}" (has ${Object.keys(item.binary ?? {}).join(', ') || 'none'})`);
		expect(typeof file.mimeType === 'string' && file.mimeType.length > 0, 'binary without a MIME type');
	});

export const checks = {
	model: {
		'List models': ({ items, expect }) => {
			expect(items.length >= 1, `expected at least one model, got ${items.length}`);
			for (const { json } of items) {
				expect(isString(json.id), `model without id: ${JSON.stringify(json)}`);
				expect(json.object === 'model', `object should be "model", got ${json.object}`);
			}
		},
		'List one model': ({ items, expect }) => {
			expect(items.length <= 1, `limit 1 gave ${items.length} items`);
		},
		'Get model': ({ items, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			expect(isString(items[0].json.id) && items[0].json.object === 'model', `not a model: ${JSON.stringify(items[0].json)}`);
		},
		'Delete model': ({ items, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			expect(typeof items[0].json.deleted === 'boolean', `no "deleted" flag: ${JSON.stringify(items[0].json)}`);
		},
	},

	chat: {
		Complete: wellFormed(),
		Prompt: wellFormed(),
		Edit: wellFormed(),
		'Image file': ({ items, expect }) => expect(items[0]?.binary?.data?.mimeType === 'image/png', 'no PNG made'),
		'Analyze image': wellFormed(),
		'Extract data': wellFormed(),
		'Call functions': wellFormed(),
		'Respond to functions': wellFormed(),
		'Translate entry': wellFormed(),
	},

	completion: {
		'Complete text': wellFormed(),
	},

	response: {
		'Create (text)': wellFormed(),
		'Create (JSON schema, tools)': wellFormed(),
		Get: wellFormed(),
		'List input items': ({ items, expect }) => {
			expect(items.length <= 5, `limit 5 gave ${items.length} items`);
			for (const item of items) wellFormed()({ items: [item], expect });
		},
		Cancel: wellFormed(),
		Delete: wellFormed(),
	},

	conversation: {
		Create: wellFormed(),
		Get: wellFormed(),
		Update: wellFormed(),
		Delete: wellFormed(),
	},

	assistant: {
		Create: wellFormed(),
		Get: wellFormed(),
		'Get many': ({ items, expect }) => {
			expect(items.length <= 3, `limit 3 gave ${items.length} items`);
			for (const item of items) wellFormed()({ items: [item], expect });
		},
		Update: wellFormed(),
		Delete: wellFormed(),
		Message: wellFormed(),
	},

	image: {
		'Generate (binary)': wellFormed(),
		'Generate (URL, dall-e-3)': wellFormed(),
		'Generate (gpt-image-1)': wellFormed(),
		Edit: wellFormed(),
		'Create variation': wellFormed(),
	},

	audio: {
		'Generate speech': binaryOut(),
		Transcribe: wellFormed(),
		'Transcribe (text)': wellFormed(),
		Translate: wellFormed(),
	},

	embedding: {
		'One text': wellFormed(),
		'A list, base64': ({ items, expect }) => {
			expect(items.length >= 1 && items.length <= 2, `expected 1 or 2 items, got ${items.length}`);
			for (const item of items) wellFormed()({ items: [item], expect });
		},
	},

	moderation: {
		Texts: ({ items, expect }) => {
			expect(items.length >= 1 && items.length <= 2, `expected 1 or 2 items, got ${items.length}`);
			for (const item of items) wellFormed()({ items: [item], expect });
		},
		'Text and images': wellFormed(),
	},

	file: {
		Upload: wellFormed(),
		'Get many': listOf(3),
		Get: wellFormed(),
		'Get content': binaryOut('content'),
		Delete: wellFormed(),
	},

	fineTuning: {
		Create: wellFormed(),
		'Create (DPO)': wellFormed(),
		'Get many': listOf(2),
		Get: wellFormed(),
		Cancel: wellFormed(),
		'List events': listOf(2),
		'List checkpoints': listOf(2),
		Pause: wellFormed(),
		Resume: wellFormed(),
	},

	batch: {
		'Create (requests)': wellFormed(),
		'Create (binary JSONL)': wellFormed(),
		Get: wellFormed(),
		'Get many': listOf(2),
		Cancel: wellFormed(),
		'Get results': ({ items, expect }) => {
			for (const item of items) wellFormed()({ items: [item], expect });
		},
	},

	vectorStore: {
		Create: wellFormed(),
		Get: wellFormed(),
		'Get many': listOf(2),
		Update: wellFormed(),
		Search: ({ items, expect }) => {
			for (const item of items) wellFormed()({ items: [item], expect });
		},
		'Add file': wellFormed(),
		'List files': listOf(2),
		'Remove file': wellFormed(),
		Delete: wellFormed(),
	},

	apiCall: {
		'GET JSON': ({ items, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			const { json } = items[0];
			expect(json.object === 'model', `expected the model object, got ${JSON.stringify(json).slice(0, 200)}`);
			const request = json.request ?? {};
			expect(String(request.url ?? '').endsWith('/models/gpt-4o-mini'), `debug output lacks the URL: ${JSON.stringify(request)}`);
			const auth = String(request.headers?.Authorization ?? request.headers?.authorization ?? '');
			expect(!auth.includes('sk-e2e'), 'debug output leaks the API key');
		},
		'POST binary out': ({ items, binary, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			const file = binary(0, 'audio');
			expect(file, `no binary property "audio": ${JSON.stringify(Object.keys(items[0].binary ?? {}))}`);
			expect(file.fileName === 'hello.mp3', `file name ${file.fileName}`);
			expect(isString(file.mimeType) && file.mimeType.length > 0, 'no MIME type');
		},
		'POST binary in': ({ items, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			expect(!items[0].json.error, `upload failed: ${JSON.stringify(items[0].json.error)}`);
		},
		'Error item': ({ items, expect }) => {
			expect(items.length === 1, `continue-on-fail should give one error item, got ${items.length}`);
			const error = items[0].json.error;
			expect(error, `expected an error item, got ${JSON.stringify(items[0].json).slice(0, 200)}`);
			expect(!JSON.stringify(items[0].json).includes('sk-e2e'), 'error leaks the API key');
		},
	},
};
