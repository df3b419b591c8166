/**
 * A Batch API on nock for "Send Through Batch API" tests: it keeps the uploaded JSONL files, creates batches,
 * moves them through the statuses a test scripts, and writes output and error files from the requests it was sent.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

export interface BatchLineSent {
	custom_id: string;
	method: string;
	url: string;
	body: IDataObject;
}

/** What the fake answers for one request line: a reply (status and body), or a line in the error file. */
export type LineOutcome = { status?: number; body: unknown } | { error: { code: string; message: string } } | 'none';

export interface FakeBatchOptions {
	/** Statuses a batch reports on each retrieve, the last one repeated (default: completed at once). */
	statuses?: string[];
	/** The answer to each request line; by default a reply made by `reply`. */
	outcome?: (line: BatchLineSent, index: number) => LineOutcome;
	/** The reply body for a line that succeeds. */
	reply?: (line: BatchLineSent, index: number) => unknown;
	/** After a cancel, how many lines of the batch have results (default: all). */
	doneWhenCancelled?: number;
}

export interface FakeBatch {
	id: string;
	request: IDataObject;
	lines: BatchLineSent[];
	retrieves: number;
	cancelled: boolean;
}

function multipartFile(raw: string): { filename?: string; content: string; purpose?: string } {
	const boundary = /^--([^\r\n]+)/.exec(raw)?.[1];
	if (!boundary) throw new Error(`not multipart: ${raw.slice(0, 80)}`);
	const result: { filename?: string; content: string; purpose?: string } = { content: '' };
	for (const chunk of raw.split(`--${boundary}`).slice(1, -1)) {
		const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
		const body = rest.join('\r\n\r\n').replace(/\r\n$/, '');
		const name = /name="([^"]+)"/.exec(head)?.[1];
		if (name === 'purpose') result.purpose = body;
		if (name === 'file') {
			result.filename = /filename="([^"]+)"/.exec(head)?.[1];
			result.content = body;
		}
	}
	return result;
}

export class FakeBatchApi {
	readonly files = new Map<string, { filename?: string; content: string; purpose?: string }>();

	readonly batches: FakeBatch[] = [];

	readonly outputs = new Map<string, string>();

	private finished = false;

	constructor(private readonly options: FakeBatchOptions = {}) {}

	/** From now on every batch reports completed (e.g. the day after). */
	completeAll(): void {
		this.finished = true;
	}

	/** Every JSONL line uploaded, in upload order. */
	get linesSent(): BatchLineSent[] {
		return this.batches.flatMap((batch) => batch.lines);
	}

	private statusOf(batch: FakeBatch): string {
		if (batch.cancelled) return 'cancelled';
		if (this.finished) return 'completed';
		const statuses = this.options.statuses ?? ['completed'];
		return statuses[Math.min(batch.retrieves, statuses.length - 1)];
	}

	private outcomeOf(line: BatchLineSent, index: number): LineOutcome {
		if (this.options.outcome) return this.options.outcome(line, index);
		return { status: 200, body: this.options.reply ? this.options.reply(line, index) : { echo: line.body } };
	}

	/** The batch object as the API shows it, writing its result files once it is finished. */
	private batchObject(batch: FakeBatch): IDataObject {
		const status = this.statusOf(batch);
		const finished = ['completed', 'cancelled', 'expired'].includes(status);
		const done = batch.cancelled ? (this.options.doneWhenCancelled ?? batch.lines.length) : batch.lines.length;
		const object: IDataObject = {
			id: batch.id,
			object: 'batch',
			endpoint: batch.request.endpoint,
			input_file_id: batch.request.input_file_id,
			completion_window: '24h',
			status,
			created_at: 1_700_000_000,
			metadata: batch.request.metadata ?? null,
			request_counts: { total: batch.lines.length, completed: finished ? done : 0, failed: 0 },
		};
		if (!finished) return object;
		const output: string[] = [];
		const errors: string[] = [];
		batch.lines.slice(0, done).forEach((line, index) => {
			const outcome = this.outcomeOf(line, index);
			if (outcome === 'none') return;
			if ('error' in outcome) {
				errors.push(JSON.stringify({ id: `r${index}`, custom_id: line.custom_id, response: null, error: outcome.error }));
				return;
			}
			const status = outcome.status ?? 200;
			const target = status >= 400 ? errors : output;
			target.push(JSON.stringify({ id: `r${index}`, custom_id: line.custom_id, response: { status_code: status, request_id: `req_${index}`, body: outcome.body }, error: null }));
		});
		if (output.length) this.outputs.set(`${batch.id}-out`, output.join('\n') + '\n');
		if (errors.length) this.outputs.set(`${batch.id}-err`, errors.join('\n') + '\n');
		return {
			...object,
			...(output.length ? { output_file_id: `${batch.id}-out` } : {}),
			...(errors.length ? { error_file_id: `${batch.id}-err` } : {}),
		};
	}

	/** Installs the interceptors on the base URL (e.g. https://api.openai.com). */
	install(base: string): nock.Scope {
		return nock(base)
			.persist()
			.post('/v1/files')
			.reply((_path, body) => {
				const file = multipartFile(typeof body === 'string' ? body : JSON.stringify(body));
				const id = `file-in-${this.files.size + 1}`;
				this.files.set(id, file);
				return [200, { id, object: 'file', bytes: Buffer.byteLength(file.content), created_at: 1, filename: file.filename, purpose: file.purpose }];
			})
			.post('/v1/batches')
			.reply((_path, body) => {
				const request = body as IDataObject;
				const file = this.files.get(String(request.input_file_id));
				if (!file) return [404, { error: { message: 'No such file', type: 'invalid_request_error' } }];
				const lines = file.content
					.split('\n')
					.filter((line) => line.trim())
					.map((line) => JSON.parse(line) as BatchLineSent);
				const batch: FakeBatch = { id: `batch_${this.batches.length + 1}`, request, lines, retrieves: 0, cancelled: false };
				this.batches.push(batch);
				return [200, { ...this.batchObject(batch), status: 'validating' }];
			})
			.get(/^\/v1\/batches\/[^/]+$/)
			.reply((path) => {
				const batch = this.batches.find((entry) => path.endsWith(`/${entry.id}`));
				if (!batch) return [404, { error: { message: 'No such batch' } }];
				const object = this.batchObject(batch);
				batch.retrieves++;
				return [200, object];
			})
			.post(/^\/v1\/batches\/[^/]+\/cancel$/)
			.reply((path) => {
				const batch = this.batches.find((entry) => path.endsWith(`/${entry.id}/cancel`));
				if (!batch) return [404, { error: { message: 'No such batch' } }];
				batch.cancelled = true;
				return [200, { ...this.batchObject(batch), status: 'cancelling' }];
			})
			.get(/^\/v1\/files\/[^/]+\/content$/)
			.reply((path) => {
				const id = decodeURIComponent(path.split('/')[3]);
				const text = this.outputs.get(id) ?? this.files.get(id)?.content;
				return text === undefined ? [404, { error: { message: 'No such file' } }] : [200, text, { 'content-type': 'application/jsonl' }];
			});
	}
}
