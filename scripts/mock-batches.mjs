// The Batch API for mock-openai.mjs: files with purpose "batch" are kept, batches complete at once (each request
// answered as the mock answers it directly), and their output files can be downloaded. State lives in the process.

function multipartParts(raw) {
	const text = raw.toString('utf8');
	const boundary = /^--([^\r\n]+)/.exec(text)?.[1];
	const parts = {};
	if (!boundary) return parts;
	for (const chunk of text.split(`--${boundary}`).slice(1, -1)) {
		const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
		const name = /name="([^"]+)"/.exec(head)?.[1];
		if (name) parts[name] = { filename: /filename="([^"]+)"/.exec(head)?.[1], content: rest.join('\r\n\r\n').replace(/\r\n$/, '') };
	}
	return parts;
}

async function rawBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	return Buffer.concat(chunks);
}

/**
 * `answer(url, body)` is the mock's direct reply to one request line (url like /v1/chat/completions), or undefined
 * for an endpoint it does not serve. Returns `handle(req, res, path, { send, openAiError })`, true when it answered.
 */
export function createBatchApi(answer) {
	const files = new Map();
	const batches = new Map();
	let counter = 0;
	const nextId = (prefix) => (prefix === 'batch' ? `batch_mock${++counter}` : `${prefix}-mock${++counter}`);

	function finish(batch) {
		if (batch.status !== 'validating' && batch.status !== 'in_progress') return;
		const output = [];
		const errors = [];
		for (const [index, line] of files.get(batch.input_file_id).lines.entries()) {
			const body = answer(line.url, line.body);
			if (body === undefined) {
				errors.push({ id: `batch_req_${index}`, custom_id: line.custom_id, response: { status_code: 404, request_id: `req_${index}`, body: { error: { message: `Unknown URL ${line.url}` } } }, error: null });
			} else {
				output.push({ id: `batch_req_${index}`, custom_id: line.custom_id, response: { status_code: 200, request_id: `req_${index}`, body }, error: null });
			}
		}
		const store = (lines) => {
			if (!lines.length) return undefined;
			const fileId = nextId('file');
			files.set(fileId, { id: fileId, filename: `${batch.id}.jsonl`, purpose: 'batch_output', content: lines.map((l) => JSON.stringify(l)).join('\n') + '\n', lines: [] });
			return fileId;
		};
		batch.output_file_id = store(output) ?? null;
		batch.error_file_id = store(errors) ?? null;
		batch.status = 'completed';
		batch.completed_at = Math.floor(Date.now() / 1000);
		batch.request_counts = { total: output.length + errors.length, completed: output.length, failed: errors.length };
	}

	return async function handle(req, res, path, { send, openAiError }) {
		const m = req.method;
		if (m === 'POST' && path === '/files') {
			const parts = multipartParts(await rawBody(req));
			const content = parts.file?.content ?? '';
			const fileId = nextId('file');
			const lines = parts.purpose?.content === 'batch' ? content.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) : [];
			files.set(fileId, { id: fileId, filename: parts.file?.filename ?? 'upload', purpose: parts.purpose?.content ?? 'user_data', content, lines });
			send(res, 200, { id: fileId, object: 'file', bytes: Buffer.byteLength(content), created_at: Math.floor(Date.now() / 1000), filename: parts.file?.filename ?? 'upload', purpose: parts.purpose?.content ?? 'user_data', status: 'processed' });
			return true;
		}
		let match = path.match(/^\/files\/([^/]+)\/content$/);
		if (m === 'GET' && match) {
			const file = files.get(decodeURIComponent(match[1]));
			if (!file) openAiError(res, 404, `No such File object: ${match[1]}`);
			else send(res, 200, Buffer.from(file.content), { 'content-type': 'application/octet-stream' });
			return true;
		}
		if (m === 'POST' && path === '/batches') {
			const body = JSON.parse((await rawBody(req)).toString('utf8') || '{}');
			const input = files.get(body.input_file_id);
			if (!input) {
				openAiError(res, 400, `Invalid input_file_id: ${body.input_file_id}`);
				return true;
			}
			const batch = {
				id: nextId('batch'),
				object: 'batch',
				endpoint: body.endpoint,
				errors: null,
				input_file_id: body.input_file_id,
				completion_window: body.completion_window,
				status: 'validating',
				output_file_id: null,
				error_file_id: null,
				created_at: Math.floor(Date.now() / 1000),
				metadata: body.metadata ?? null,
				request_counts: { total: input.lines.length, completed: 0, failed: 0 },
			};
			batches.set(batch.id, batch);
			send(res, 200, batch);
			return true;
		}
		match = path.match(/^\/batches\/([^/]+)(\/cancel)?$/);
		if (match) {
			const batch = batches.get(decodeURIComponent(match[1]));
			if (!batch) {
				openAiError(res, 404, `No batch found with id '${match[1]}'`);
				return true;
			}
			if (m === 'POST' && match[2]) batch.status = batch.status === 'completed' ? 'completed' : 'cancelled';
			else finish(batch);
			send(res, 200, batch);
			return true;
		}
		if (m === 'GET' && path === '/batches') {
			send(res, 200, { object: 'list', data: [...batches.values()].reverse(), has_more: false });
			return true;
		}
		return false;
	};
}
