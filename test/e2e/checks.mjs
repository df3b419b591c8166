// What each workflow in test/e2e/workflows/ must produce when n8n runs it
// against steady (the OpenAPI mock). steady's replies are random but valid
// against OpenAI's spec, and it answers HTTP 400 to any request that is not:
// a node that succeeds has therefore also sent a spec-valid request.
//
// Shape: { <workflow file name>: { <node name>: (ctx) => void } }.
// ctx: { items, binary(i, prop), run, expect(cond, message) }.
// Every node of our type in a workflow needs a check here, or the suite fails.

const isString = (v) => typeof v === 'string';

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
