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
 * The errors a node may rightly report because of what steady made up for the
 * reply: a `refusal` string, a run or batch left in a random unfinished status.
 * Any other error item (a field the node refused before sending, a reply it
 * could not read) fails the check: the workflow or the node is wrong.
 */
const REPLY_DEPENDENT = [
	/^The model refused/,
	/did not finish within \d+ seconds/,
	/^Batch \S+ is \w+, not finished/,
	// video.generate with Wait for Video: steady's random video status may stay unfinished or be "failed".
	/^Wait Timeout: video \S+ was still \w+ after \d+ s$/,
	/^The video failed/,
];

/**
 * For operations whose result depends on the reply's content, which steady
 * makes up at random: one item, and either an output that passes `then` or a
 * clear error item (continue-on-fail) that the reply explains, never a crash.
 * steady answering 400 to the request is caught separately by the runner.
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
			expect(
				REPLY_DEPENDENT.some((pattern) => pattern.test(json.error)),
				`unexpected error item: ${json.error}${json.description ? ` (${json.description})` : ''}`,
			);
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
/** Any number of items (one per bucket, chunk or permission), each well formed. */
const eachWellFormed = ({ items, expect }) => {
	for (const item of items) wellFormed()({ items: [item], expect });
};
/** One item that, unless it is an error item, carries a binary file. */
const binaryOut = (prop = 'data') =>
	wellFormed((item, expect) => {
		const file = item.binary?.[prop];
		expect(file, `no binary property "${prop}" (has ${Object.keys(item.binary ?? {}).join(', ') || 'none'})`);
		expect(typeof file.mimeType === 'string' && file.mimeType.length > 0, 'binary without a MIME type');
	});

/**
 * A node under On Error "Continue (using error output)" whose middle input item (n = 1) fails
 * (issue 15, point 3): items 0 and 2 on the success output, item 1 on the error output, every item
 * paired to its input. `error` says what the failure must mention.
 */
const middleItemOnErrorOutput =
	(nodeName, error) =>
	({ run, expect }) => {
		const [success = [], failed = []] = run.data.resultData.runData[nodeName][0].data.main;
		const unpaired = [...success, ...failed].filter((item) => item.pairedItem === undefined).length;
		expect(unpaired === 0, `${unpaired} item(s) without pairedItem`);
		expect(JSON.stringify(success.map((item) => item.pairedItem)) === '[{"item":0},{"item":2}]', `success output paired to ${JSON.stringify(success.map((item) => item.pairedItem))}`);
		expect(failed.length === 1, `expected one item on the error output, got ${failed.length}`);
		expect(JSON.stringify(failed[0].pairedItem) === '{"item":1}', `error item paired to ${JSON.stringify(failed[0].pairedItem)}`);
		expect(typeof failed[0].json.error === 'string' && error.test(`${failed[0].json.error} ${failed[0].json.httpCode ?? ''}`), `error item: ${JSON.stringify(failed[0].json).slice(0, 300)}`);
	};

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
		'Count input tokens': wellFormed(),
		Compact: wellFormed(),
		'Create (MCP, image tool, stored prompt)': wellFormed(),
		'Create (MCP approvals)': wellFormed(),
	},

	conversation: {
		Create: wellFormed(),
		Get: wellFormed(),
		Update: wellFormed(),
		Delete: wellFormed(),
		'List items': listOf(5),
		'Add items': ({ items, expect }) => {
			for (const item of items) wellFormed()({ items: [item], expect });
		},
		'Get item': wellFormed(),
		'Delete item': wellFormed(),
	},

	storedCompletion: {
		'Get many': ({ items, expect }) => {
			for (const item of items) wellFormed()({ items: [item], expect });
		},
		Get: wellFormed(),
		Update: wellFormed(),
		Delete: wellFormed(),
		'Get messages': listOf(10),
	},

	container: {
		Create: wellFormed(),
		'Get many': listOf(5),
		Get: wellFormed(),
		Delete: wellFormed(),
		'Add file': wellFormed(),
		'Add file (file ID)': wellFormed(),
		'List files': ({ items, expect }) => {
			for (const item of items) wellFormed()({ items: [item], expect });
		},
		'Get file': wellFormed(),
		'Delete file': wellFormed(),
		'Get file content': binaryOut('chart'),
	},

	video: {
		Generate: wellFormed(),
		'Generate and wait': wellFormed((item, expect) => expect(item.binary?.video?.mimeType, 'no video downloaded')),
		Get: wellFormed(),
		'Get many': listOf(3),
		Delete: wellFormed(),
		'Get content': binaryOut(),
		Remix: wellFormed(),
	},

	realtime: {
		'Create client secret': wellFormed(),
		'Accept call': wellFormed(),
		'Hang up call': wellFormed(),
		'Refer call': wellFormed(),
		'Reject call': wellFormed(),
	},

	provenance: {
		Check: wellFormed(),
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
		// steady answers the submission with a "queued" run, so this ends at the timeout like Message.
		'Message (tool outputs)': wellFormed(),
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
		'Upload in parts': wellFormed(),
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
		'Get many checkpoint permissions': listOf(5),
		'Create checkpoint permission': eachWellFormed,
		'Delete checkpoint permission': wellFormed(),
		'Run grader': wellFormed(),
		'Validate grader': wellFormed(),
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
		'Add files': wellFormed(),
		'Get file batch': wellFormed(),
		'Cancel file batch': wellFormed(),
		'List file batch files': listOf(5),
		'Get file': wellFormed(),
		'Update file attributes': wellFormed(),
		'Get file content': eachWellFormed,
	},

	eval: {
		Create: wellFormed(),
		'Get many': listOf(3),
		Get: wellFormed(),
		Update: wellFormed(),
		Delete: wellFormed(),
		'Create run': wellFormed(),
		'Create run (completions)': wellFormed(),
		'Get many runs': listOf(3),
		'Get run': wellFormed(),
		'Cancel run': wellFormed(),
		'Delete run': wellFormed(),
		'Get many run output items': listOf(3),
		'Get run output item': wellFormed(),
	},

	voice: {
		Create: wellFormed(),
		'Create consent': wellFormed(),
		'Get consent': wellFormed(),
		'Get many consents': listOf(3),
		'Update consent': wellFormed(),
		'Delete consent': wellFormed(),
	},

	skill: {
		'Create (zip)': wellFormed(),
		'Get many': listOf(3),
		Get: wellFormed(),
		Update: wellFormed(),
		Delete: wellFormed(),
		'Get content': binaryOut('data'),
		'Create version': wellFormed(),
		'Get many versions': listOf(3),
		'Get version': wellFormed(),
		'Delete version': wellFormed(),
		'Get version content': binaryOut('data'),
	},

	chatKit: {
		'Create session': wellFormed(),
		'Cancel session': wellFormed(),
		'Get many threads': listOf(3),
		'Get thread': wellFormed(),
		'Delete thread': wellFormed(),
		'Get many thread items': listOf(3),
	},

	organization: {
		'Get costs': eachWellFormed,
		'Get usage': eachWellFormed,
		'Get usage (vector stores)': eachWellFormed,
		'Get audit logs': listOf(5),
		'Get projects': listOf(5),
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
	pairing: {
		'Pre-send failure to the error output': middleItemOnErrorOutput('Pre-send failure to the error output', /^Input: /),
		'HTTP failure to the error output': middleItemOnErrorOutput('HTTP failure to the error output', /not found|404/i),
	},
};

// ------------------------------------------------------------------ mock ----
// The same kind of table for the runs against scripts/mock-openai.mjs, whose
// replies are exact: { <workflow file name>: { <node name>: (ctx) => void } }.
// Binary data is kept in the execution (N8N_DEFAULT_BINARY_DATA_MODE=default),
// so the checks read the bytes n8n stored.

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** The bytes of an inline binary property. */
function bytesOf(file, expect) {
	expect(file?.data && file.data !== 'filesystem-v2', `binary data not inline: ${JSON.stringify(file ?? null).slice(0, 200)}`);
	return Buffer.from(file.data, 'base64');
}

/** One item per image, each a real PNG of `side` pixels under binary property `prop`. */
const pngImages =
	({ count = 1, side, prop = 'data' } = {}) =>
	({ items, expect }) => {
		expect(items.length === count, `expected ${count} image item(s), got ${items.length}: ${JSON.stringify(items[0]?.json ?? {}).slice(0, 300)}`);
		for (const item of items) {
			expect(typeof item.json.error !== 'string', `error item: ${item.json.error} ${item.json.description ?? ''}`);
			const file = item.binary?.[prop];
			expect(file, `no binary property "${prop}" (has ${Object.keys(item.binary ?? {}).join(', ') || 'none'})`);
			expect(file.mimeType === 'image/png', `MIME type ${file.mimeType}`);
			expect(/\.png$/.test(file.fileName ?? ''), `file name ${file.fileName}`);
			const bytes = bytesOf(file, expect);
			expect(bytes.subarray(0, 8).toString('hex') === PNG_SIGNATURE, 'the binary data is not a PNG');
			if (side) {
				const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
				expect(width === side && height === side, `PNG is ${width}x${height}, expected ${side}x${side}`);
			}
		}
	};

const noError = (item, expect) => expect(typeof item?.json.error !== 'string', `error item: ${item?.json.error} ${item?.json.description ?? ''}`);

export const mockChecks = {
	'openai-platform-tour': {
		'Write a tagline': ({ items, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			noError(items[0], expect);
			expect(/^Mock reply to: Write a one-line tagline/.test(items[0].json.text), `text: ${JSON.stringify(items[0].json).slice(0, 300)}`);
		},
		'Extract contact': ({ items, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			noError(items[0], expect);
			const data = items[0].json.data ?? {};
			expect(data.name === 'Jane Doe' && data.email === 'jane.doe@example.com', `data: ${JSON.stringify(data)}`);
		},
		'Draw a logo': pngImages({ side: 256 }),
		'Embed sentences': ({ items, expect }) => {
			expect(items.length === 2, `expected one item per sentence, got ${items.length}`);
			for (const item of items) {
				noError(item, expect);
				const vector = item.json.embedding;
				expect(Array.isArray(vector) && vector.length === 256 && vector.every((v) => typeof v === 'number'), `embedding: ${JSON.stringify(vector).slice(0, 120)}`);
			}
			expect(items[0].json.text === 'n8n connects apps', `first text: ${items[0].json.text}`);
		},
	},

	// 20 items sent as one batch (the mock's Batch API answers at once): 20 answers, each paired to its question.
	'half-price-batch': {
		'Twenty questions': ({ items, expect }) => expect(items.length === 20, `expected 20 questions, got ${items.length}`),
		'Answer at half price': ({ items, expect }) => {
			expect(items.length === 20, `expected 20 items, got ${items.length}`);
			items.forEach((item, index) => {
				noError(item, expect);
				expect(item.pairedItem?.item === index, `item ${index} is paired to ${JSON.stringify(item.pairedItem)}`);
				expect(item.json.text === `Mock reply to: In one sentence, what is fact number ${index + 1} about the sea?`, `item ${index}: ${JSON.stringify(item.json).slice(0, 200)}`);
			});
		},
	},

	'function-calling': {
		'Call functions': ({ items, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			noError(items[0], expect);
			const [call] = items[0].json.toolCalls ?? [];
			expect(call?.name === 'get_weather' && call.arguments?.city === 'Lisbon', `tool calls: ${JSON.stringify(items[0].json.toolCalls)}`);
			expect(items[0].json.assistantMessage?.tool_calls?.[0]?.id === call.id, `assistant message: ${JSON.stringify(items[0].json.assistantMessage)}`);
		},
		// n8n's own Code node answered the call; Respond to Functions read its output with its default expressions.
		'Respond to functions': ({ items, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			noError(items[0], expect);
			const text = items[0].json.text ?? '';
			expect(text === 'Mock answer using the tool result: {"city":"Lisbon","celsius":24,"sky":"sunny"}', `text: ${text}`);
		},
	},

	'batch-from-items': {
		'Create batch': ({ items, expect }) => {
			expect(items.length === 1, `expected one batch for all items, got ${items.length}`);
			noError(items[0], expect);
			const batch = items[0].json;
			expect(/^batch_/.test(batch.id) && batch.status === 'validating' && batch.endpoint === '/v1/chat/completions', `batch: ${JSON.stringify(batch).slice(0, 300)}`);
			expect(batch.metadata?.workflow === 'product descriptions', `metadata: ${JSON.stringify(batch.metadata)}`);
		},
	},

	image: {
		'Generate (binary)': pngImages({ side: 256 }),
		'Generate (URL, dall-e-3)': ({ items, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			noError(items[0], expect);
			expect(/\/_mock\/image\.png\?seed=/.test(items[0].json.url ?? ''), `no image URL: ${JSON.stringify(items[0].json).slice(0, 300)}`);
			expect(!items[0].binary, 'a URL reply should carry no binary data');
		},
		'Generate (gpt-image-1)': pngImages(),
		Edit: pngImages({ side: 256 }),
		'Create variation': pngImages({ side: 256 }),
	},

	audio: {
		'Generate speech': ({ items, expect }) => {
			expect(items.length === 1, `expected one item, got ${items.length}`);
			noError(items[0], expect);
			const file = items[0].binary?.data;
			expect(file, `no binary property "data" (has ${Object.keys(items[0].binary ?? {}).join(', ') || 'none'})`);
			expect(/^audio\//.test(file.mimeType), `MIME type ${file.mimeType}`);
			expect(bytesOf(file, expect).subarray(0, 4).toString('latin1') === 'RIFF', 'the audio bytes are not the WAV the mock sent');
		},
		Transcribe: ({ items, expect }) => {
			noError(items[0], expect);
			expect(items.length === 1 && items[0].json.text === 'This is a mock transcription.', `got ${JSON.stringify(items.map((i) => i.json)).slice(0, 300)}`);
		},
		'Transcribe (text)': ({ items, expect }) => {
			noError(items[0], expect);
			expect(items.length === 1 && items[0].json.text === 'This is a mock transcription.', `got ${JSON.stringify(items.map((i) => i.json)).slice(0, 300)}`);
		},
		Translate: ({ items, expect }) => {
			noError(items[0], expect);
			expect(items.length === 1 && items[0].json.text === 'This is a mock transcription.', `got ${JSON.stringify(items.map((i) => i.json)).slice(0, 300)}`);
		},
	},
};
