import type { FileContent } from '../../shared/binary';
import type { BatchLine } from './shared';

/** OpenAI's limits on one batch input file. */
export const BATCH_FILE_LIMITS = { maxRequests: 50_000, maxBytes: 200 * 1024 * 1024 };

/** How many encoded lines go into one chunk of the upload stream. */
const LINES_PER_CHUNK = 64;

/**
 * A batch input file written while it is uploaded: each line is serialised when the upload reads it, so the file
 * never exists whole in memory (the request bodies it is made of already do). Its size is counted first, because the
 * multipart body announces its length; a retried upload serialises the lines again.
 */
export class JsonlFile implements FileContent {
	readonly type = 'application/jsonl';

	readonly size: number;

	constructor(private readonly lines: BatchLine[]) {
		this.size = lines.reduce((total, line) => total + lineBytes(line), 0);
	}

	async *stream(): AsyncIterable<Uint8Array> {
		for (let start = 0; start < this.lines.length; start += LINES_PER_CHUNK) {
			const text = this.lines
				.slice(start, start + LINES_PER_CHUNK)
				.map((line) => `${JSON.stringify(line)}\n`)
				.join('');
			yield Buffer.from(text, 'utf8');
		}
	}

	async arrayBuffer(): Promise<ArrayBuffer> {
		const bytes = new Uint8Array(this.size);
		let offset = 0;
		for await (const chunk of this.stream()) {
			bytes.set(chunk, offset);
			offset += chunk.length;
		}
		return bytes.buffer;
	}
}

/** The bytes one line takes in the file, with its newline. */
export function lineBytes(line: BatchLine): number {
	return Buffer.byteLength(JSON.stringify(line), 'utf8') + 1;
}

/**
 * Splits requests into batch files: one model per file (OpenAI requires it), and no file over the request count or
 * the size limit. Order is kept within each file.
 */
export function splitIntoFiles<T extends { line: BatchLine }>(requests: T[], limits = BATCH_FILE_LIMITS): T[][] {
	const byModel = new Map<string, T[]>();
	for (const request of requests) {
		const model = typeof request.line.body.model === 'string' ? request.line.body.model : '';
		const group = byModel.get(model);
		if (group) group.push(request);
		else byModel.set(model, [request]);
	}
	const files: T[][] = [];
	for (const group of byModel.values()) {
		let file: T[] = [];
		let bytes = 0;
		for (const request of group) {
			const size = lineBytes(request.line);
			if (file.length && (file.length >= limits.maxRequests || bytes + size > limits.maxBytes)) {
				files.push(file);
				file = [];
				bytes = 0;
			}
			file.push(request);
			bytes += size;
		}
		if (file.length) files.push(file);
	}
	return files;
}
