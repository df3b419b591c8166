import { BATCH_FILE_LIMITS, JsonlFile, lineBytes, splitIntoFiles } from '../../nodes/OpenAiPlatform/resources/batch/jsonl';
import type { BatchLine } from '../../nodes/OpenAiPlatform/resources/batch/shared';

const line = (index: number, model = 'gpt-4.1-mini', text = 'hi'): { line: BatchLine } => ({
	line: { custom_id: `item-${index}`, method: 'POST', url: '/v1/chat/completions', body: { model, messages: [{ role: 'user', content: text }] } },
});

describe('splitIntoFiles', () => {
	it("keeps OpenAI's limits: 50,000 requests and 200 MB per file", () => {
		expect(BATCH_FILE_LIMITS).toEqual({ maxRequests: 50_000, maxBytes: 200 * 1024 * 1024 });
	});

	it('starts a new file at 50,000 requests', () => {
		const requests = Array.from({ length: 50_001 }, (_, index) => line(index));
		const files = splitIntoFiles(requests);
		expect(files.map((file) => file.length)).toEqual([50_000, 1]);
		expect(files[1][0].line.custom_id).toBe('item-50000');
	});

	it('starts a new file before one would pass the size limit', () => {
		const requests = Array.from({ length: 5 }, (_, index) => line(index));
		const size = lineBytes(requests[0].line);
		const files = splitIntoFiles(requests, { maxRequests: 50_000, maxBytes: size * 2 });
		expect(files.map((file) => file.map((request) => request.line.custom_id))).toEqual([['item-0', 'item-1'], ['item-2', 'item-3'], ['item-4']]);
	});

	it('gives a line bigger than the limit a file of its own rather than dropping it', () => {
		const files = splitIntoFiles([line(0, 'm', 'x'.repeat(100)), line(1)], { maxRequests: 10, maxBytes: 50 });
		expect(files.map((file) => file.length)).toEqual([1, 1]);
	});

	it('puts each model in files of its own, keeping the order within a model', () => {
		const requests = [line(0, 'a'), line(1, 'b'), line(2, 'a'), line(3, 'b')];
		expect(splitIntoFiles(requests).map((file) => file.map((request) => request.line.custom_id))).toEqual([
			['item-0', 'item-2'],
			['item-1', 'item-3'],
		]);
	});
});

describe('JsonlFile', () => {
	const lines = Array.from({ length: 130 }, (_, index) => line(index, 'gpt-4.1-mini', `text ${index} ü`).line);

	it('streams one JSON line per request, its size announced up front', async () => {
		const file = new JsonlFile(lines);
		const chunks: Buffer[] = [];
		for await (const chunk of file.stream()) chunks.push(Buffer.from(chunk));
		const text = Buffer.concat(chunks).toString('utf8');
		expect(text).toBe(lines.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
		expect(file.size).toBe(Buffer.byteLength(text));
		expect(chunks.length).toBeGreaterThan(1);
		expect(Buffer.from(await file.arrayBuffer()).toString('utf8')).toBe(text);
	});
});
