import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { TEST_API_KEY, credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { Part } from '../support/media';
import { binaryBytes, formFields, itemWith, parseMultipart } from '../support/media';

const BASE = 'https://api.openai.com';
const credentials = credentialsFor('https://api.openai.com/v1');

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const model = (value: string) => ({ __rl: true, mode: 'id', value });
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([3, 0, 0, 0, 0, 0, 0]), Buffer.alloc(64, 0xfb)]);
const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(40, 1)]);
const mp3Item = (fileName = 'talk.mp3', property = 'data', mimeType = 'audio/mpeg') => itemWith({ [property]: { data: MP3, fileName, mimeType } });

async function run(parameters: IDataObject, items?: Parameters<typeof singleNodeWorkflow>[1]) {
	return await runWorkflow(singleNodeWorkflow(parameters, items), credentials);
}

function expectMultipart(path: string, reply: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
	const seen: { parts: Part[] } = { parts: [] };
	const scope = nock(BASE)
		.post(`/v1${path}`)
		.reply(function (_uri, body) {
			seen.parts = parseMultipart(body, String(this.req.headers['content-type']));
			return [200, reply as nock.Body, headers];
		});
	return { scope, seen };
}

const files = (parts: Part[]) => parts.filter((part) => part.fileName !== undefined).map((p) => [p.name, p.fileName, p.contentType, p.data.length]);

describe('audio.generateSpeech', () => {
	it('sends the JSON body and stores the audio with the format\'s MIME type and extension', async () => {
		let body: IDataObject | undefined;
		const scope = nock(BASE)
			.post('/v1/audio/speech', (b: IDataObject) => ((body = b), true))
			.reply(200, WAV, { 'content-type': 'application/octet-stream' });
		const result = await run({
			resource: 'audio',
			operation: 'generateSpeech',
			model: model('gpt-4o-mini-tts'),
			textToSpeak: 'Welcome to the show.',
			voice: 'coral',
			responseFormat: 'wav',
			options: { instructions: 'Warm and slow.', speed: 1.25, outputFileName: 'greeting', binaryPropertyOutput: 'audio' },
		});
		expect(result.error).toBeUndefined();
		expect(body).toEqual({
			model: 'gpt-4o-mini-tts',
			input: 'Welcome to the show.',
			voice: 'coral',
			response_format: 'wav',
			instructions: 'Warm and slow.',
			speed: 1.25,
		});
		const [item] = result.output('OpenAI');
		expect(item.json).toEqual({});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary?.audio).toMatchObject({ mimeType: 'audio/wav', fileName: 'greeting.wav', fileExtension: 'wav' });
		expect((await binaryBytes(item.binary?.audio)).equals(WAV)).toBe(true);
		scope.done();
	});

	it.each([
		['mp3', 'audio/mpeg', 'speech.mp3'],
		['opus', 'audio/opus', 'speech.opus'],
		['aac', 'audio/aac', 'speech.aac'],
		['flac', 'audio/flac', 'speech.flac'],
		['pcm', 'audio/pcm', 'speech.pcm'],
	])('names a %s file %s / %s', async (format, mimeType, fileName) => {
		const scope = nock(BASE).post('/v1/audio/speech').reply(200, MP3, { 'content-type': 'application/octet-stream' });
		const result = await run({ resource: 'audio', operation: 'generateSpeech', model: model('tts-1'), textToSpeak: 'Hi', voice: 'alloy', responseFormat: format });
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')[0].binary?.data).toMatchObject({ mimeType, fileName });
		scope.done();
	});

	it('drops instructions for tts-1, sends a custom voice id as an object and a new voice name as text', async () => {
		const bodies: IDataObject[] = [];
		const scope = nock(BASE)
			.post('/v1/audio/speech', (b: IDataObject) => (bodies.push(b), true))
			.times(2)
			.reply(200, MP3, { 'content-type': 'audio/mpeg' });
		const result = await run(
			{
				resource: 'audio',
				operation: 'generateSpeech',
				model: model('={{ $json.model }}'),
				textToSpeak: 'Hello',
				voice: 'custom',
				customVoice: '={{ $json.voice }}',
				options: { instructions: 'Whisper.', outputFileName: 'hello.mp3' },
			},
			[{ json: { model: 'tts-1-hd', voice: 'voice_1234' } }, { json: { model: 'gpt-4o-mini-tts', voice: 'aurora' } }],
		);
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([
			{ model: 'tts-1-hd', input: 'Hello', voice: { id: 'voice_1234' }, response_format: 'mp3' },
			{ model: 'gpt-4o-mini-tts', input: 'Hello', voice: 'aurora', response_format: 'mp3', instructions: 'Whisper.' },
		]);
		expect(result.output('OpenAI').map((i) => [i.binary?.data?.fileName, i.pairedItem])).toEqual([
			['hello.mp3', { item: 0 }],
			['hello.mp3', { item: 1 }],
		]);
		scope.done();
	});

	it.each([
		['empty input', { textToSpeak: '={{ "" }}' }, 'Input: is empty'],
		['input over 4096 characters', { textToSpeak: 'a'.repeat(4097) }, 'Input: is 4097 characters long, over the 4096-character limit'],
		['a speed out of range', { textToSpeak: 'x', options: { speed: '={{ 5 }}' } }, 'Speed: must be between 0.25 and 4, got 5'],
		['an empty custom voice', { textToSpeak: 'x', voice: 'custom', customVoice: '={{ "" }}' }, 'Custom Voice: is empty'],
	])('refuses %s before sending', async (_case, parameters, message) => {
		const scope = nock(BASE).post('/v1/audio/speech').reply(200, MP3);
		const result = await run({ resource: 'audio', operation: 'generateSpeech', model: model('tts-1'), voice: 'alloy', ...parameters });
		expect(result.error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});

	it('says so when the reply holds no audio', async () => {
		const empty = nock(BASE).post('/v1/audio/speech').reply(200, Buffer.alloc(0), { 'content-type': 'audio/mpeg' });
		const emptyResult = await run({ resource: 'audio', operation: 'generateSpeech', model: model('tts-1'), textToSpeak: 'x', voice: 'alloy' });
		expect(emptyResult.error?.message).toContain('The server sent an empty audio file');
		empty.done();
		const json = nock(BASE).post('/v1/audio/speech').reply(200, { status: 'queued' }, { 'content-type': 'application/json' });
		const jsonResult = await run({ resource: 'audio', operation: 'generateSpeech', model: model('tts-1'), textToSpeak: 'x', voice: 'alloy' });
		expect(jsonResult.error?.message).toContain('The server sent application/json instead of audio');
		json.done();
	});

	it("turns OpenAI's error reply into a clear error without the key", async () => {
		const scope = nock(BASE)
			.post('/v1/audio/speech')
			.reply(400, { error: { message: "Invalid value for 'voice'.", type: 'invalid_request_error', param: 'voice', code: null } });
		const result = await run({ resource: 'audio', operation: 'generateSpeech', model: model('tts-1'), textToSpeak: 'x', voice: 'custom', customVoice: 'nobody' });
		expect(result.error?.message).toContain("Invalid value for 'voice'");
		expect(JSON.stringify(result.error)).not.toContain(TEST_API_KEY);
		scope.done();
	});
});

describe('audio.transcribe', () => {
	const verbose = {
		task: 'transcribe',
		language: 'english',
		duration: 3.2,
		text: 'Hello there.',
		words: [{ word: 'Hello', start: 0, end: 0.5 }],
		segments: [{ id: 0, seek: 0, start: 0, end: 3.2, text: 'Hello there.', tokens: [1, 2], temperature: 0, avg_logprob: -0.2, compression_ratio: 1, no_speech_prob: 0 }],
	};

	it('sends every field and the file as multipart, and returns verbose JSON with segments', async () => {
		const { scope, seen } = expectMultipart('/audio/transcriptions', verbose);
		const result = await run(
			{
				resource: 'audio',
				operation: 'transcribe',
				model: model('whisper-1'),
				binaryPropertyName: 'recording',
				responseFormat: 'verbose_json',
				timestampGranularities: ['word', 'segment'],
				options: { language: 'EN', prompt: 'A greeting.', temperature: 0.2 },
			},
			[mp3Item('talk.mp3', 'recording')],
		);
		expect(result.error).toBeUndefined();
		expect(formFields(seen.parts)).toEqual({
			model: 'whisper-1',
			response_format: 'verbose_json',
			prompt: 'A greeting.',
			temperature: '0.2',
			language: 'en',
			'timestamp_granularities[]': ['word', 'segment'],
		});
		expect(files(seen.parts)).toEqual([['file', 'talk.mp3', 'audio/mpeg', MP3.length]]);
		expect(seen.parts.find((p) => p.name === 'file')?.data.equals(MP3)).toBe(true);
		expect(result.output('OpenAI')).toEqual([{ json: verbose, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it.each([
		['text', 'Hello there.\n'],
		['srt', '1\n00:00:00,000 --> 00:00:03,200\nHello there.\n'],
		['vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:03.200\nHello there.\n'],
		['text', '42'],
	])('returns the %s format as text in the JSON', async (format, text) => {
		const { scope, seen } = expectMultipart('/audio/transcriptions', text, { 'content-type': 'text/plain; charset=utf-8' });
		const result = await run({ resource: 'audio', operation: 'transcribe', model: model('whisper-1'), responseFormat: format }, [mp3Item()]);
		expect(result.error).toBeUndefined();
		expect(formFields(seen.parts)).toEqual({ model: 'whisper-1', response_format: format });
		expect(result.output('OpenAI')[0].json).toEqual({ text });
		scope.done();
	});

	it('takes the fields of a JSON reply to a text format (as compatible and mock servers send)', async () => {
		const { scope } = expectMultipart('/audio/transcriptions', { text: 'Hi' });
		const result = await run({ resource: 'audio', operation: 'transcribe', model: model('whisper-1'), responseFormat: 'srt' }, [mp3Item()]);
		expect(result.output('OpenAI')[0].json).toEqual({ text: 'Hi' });
		scope.done();
	});

	it('reads a file name and base64 data (a data: URL) instead of a binary property', async () => {
		const { scope, seen } = expectMultipart('/audio/transcriptions', { text: 'ok', usage: { type: 'duration', seconds: 2 } });
		const result = await run({
			resource: 'audio',
			operation: 'transcribe',
			model: model('gpt-4o-mini-transcribe'),
			inputType: 'base64',
			fileName: 'clip.wav',
			fileData: `data:audio/wav;base64,${WAV.toString('base64')}`,
		});
		expect(result.error).toBeUndefined();
		expect(files(seen.parts)).toEqual([['file', 'clip.wav', 'audio/wav', WAV.length]]);
		expect(formFields(seen.parts)).toEqual({ model: 'gpt-4o-mini-transcribe', response_format: 'json' });
		expect(result.output('OpenAI')[0].json).toEqual({ text: 'ok', usage: { type: 'duration', seconds: 2 } });
		scope.done();
	});

	it('gives a file name without extension one from its MIME type, as the API needs', async () => {
		const { scope, seen } = expectMultipart('/audio/transcriptions', { text: 'ok' });
		const result = await run({ resource: 'audio', operation: 'transcribe', model: model('whisper-1') }, [mp3Item('voice-note', 'data', 'audio/mpeg')]);
		expect(result.error).toBeUndefined();
		expect(files(seen.parts)).toEqual([['file', 'voice-note.mp3', 'audio/mpeg', MP3.length]]);
		scope.done();
	});

	it('accepts a reply with only the text, and reports malformed JSON clearly', async () => {
		const sparse = expectMultipart('/audio/transcriptions', { text: '' });
		const ok = await run({ resource: 'audio', operation: 'transcribe', model: model('whisper-1'), responseFormat: 'verbose_json' }, [mp3Item()]);
		expect(ok.output('OpenAI')[0].json).toEqual({ text: '' });
		sparse.scope.done();
		const broken = expectMultipart('/audio/transcriptions', '{"text": "cut', { 'content-type': 'application/json' });
		const bad = await run({ resource: 'audio', operation: 'transcribe', model: model('whisper-1') }, [mp3Item()]);
		expect(bad.error?.message).toContain('malformed JSON');
		broken.scope.done();
	});

	it.each([
		['an SRT reply from gpt-4o-transcribe', { model: model('gpt-4o-transcribe'), responseFormat: 'srt' }, 'Response Format: gpt-4o-transcribe does not support "srt"'],
		['a prompt for the diarizing model', { model: model('gpt-4o-transcribe-diarize'), options: { prompt: 'x' } }, 'Prompt: gpt-4o-transcribe-diarize does not take a prompt'],
		['timestamps without verbose JSON', { model: model('whisper-1'), responseFormat: '={{ "json" }}', timestampGranularities: ['word'] }, 'Timestamp Granularities: need the Verbose JSON response format, not "json"'],
		['a language that is not a code', { model: model('whisper-1'), options: { language: 'english' } }, 'Language: "english" is not an ISO-639-1 code'],
		['a temperature over 1', { model: model('whisper-1'), options: { temperature: '={{ 1.5 }}' } }, 'Sampling Temperature: must be between 0 and 1, got 1.5'],
		['a missing binary property', { model: model('whisper-1'), binaryPropertyName: 'audio' }, 'Input Binary Field: the input item has no binary property "audio"'],
		['a text file', { model: model('whisper-1'), binaryPropertyName: 'notes' }, 'Input Binary Field: "notes.txt" (text/plain) is not an accepted file type'],
		['a base64 file without an audio extension', { model: model('whisper-1'), inputType: 'base64', fileName: 'clip', fileData: 'AAAA' }, 'File Name: "clip" has no audio extension'],
		['data that is not base64', { model: model('whisper-1'), inputType: 'base64', fileName: 'a.mp3', fileData: 'not base64!' }, 'File Data: is not base64 data'],
	])('refuses %s before sending', async (_case, parameters, message) => {
		const scope = nock(BASE).post('/v1/audio/transcriptions').reply(200, { text: 'x' });
		const items = [itemWith({ data: { data: MP3, fileName: 'talk.mp3', mimeType: 'audio/mpeg' }, notes: { data: Buffer.from('hi'), fileName: 'notes.txt', mimeType: 'text/plain' } })];
		const result = await run({ resource: 'audio', operation: 'transcribe', ...parameters }, items);
		expect(result.error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});

	it('sends the whole file again when it retries a failed upload', async () => {
		const bodies: Part[][] = [];
		const scope = nock(BASE)
			.post('/v1/audio/transcriptions')
			.times(2)
			.reply(function (_uri, body) {
				bodies.push(parseMultipart(body, String(this.req.headers['content-type'])));
				return bodies.length === 1
					? [503, { error: { message: 'Overloaded', type: 'server_error' } }, { 'retry-after-ms': '0' }]
					: [200, { text: 'second time lucky' }];
			});
		const result = await run({ resource: 'audio', operation: 'transcribe', model: model('whisper-1') }, [mp3Item()]);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI')[0].json).toEqual({ text: 'second time lucky' });
		expect(bodies.map((parts) => parts.find((p) => p.name === 'file')?.data.equals(MP3))).toEqual([true, true]);
		scope.done();
	});

	it("reports OpenAI's error for an upload", async () => {
		const scope = nock(BASE)
			.post('/v1/audio/transcriptions')
			.reply(400, { error: { message: 'Invalid file format. Supported formats: flac, mp3', type: 'invalid_request_error', param: 'file', code: null } });
		const result = await run({ resource: 'audio', operation: 'transcribe', model: model('whisper-1') }, [mp3Item()]);
		expect(result.error?.message).toContain('Invalid file format');
		scope.done();
	});

	it('does not follow a redirect with the upload, and says where it pointed', async () => {
		const scope = nock(BASE).post('/v1/audio/transcriptions').reply(307, '', { location: 'https://eu.api.example/v1/audio/transcriptions' });
		const result = await run({ resource: 'audio', operation: 'transcribe', model: model('whisper-1') }, [mp3Item()]);
		expect(result.error?.message).toContain('The server answered with a redirect (HTTP 307) to https://eu.api.example/v1/audio/transcriptions, which this node does not follow');
		scope.done();
	});

	it('refuses a file over 25 MB before reading it or sending anything', async () => {
		const scope = nock(BASE).post('/v1/audio/transcriptions').reply(200, { text: 'x' });
		const big = Buffer.alloc(25 * 1024 * 1024 + 1, 1);
		const result = await run({ resource: 'audio', operation: 'transcribe', model: model('whisper-1') }, [
			itemWith({ data: { data: big, fileName: 'long.wav', mimeType: 'audio/wav' } }),
		]);
		expect(result.error?.message).toBe('Input Binary Field: "long.wav" is 25.0 MB, over the 25 MB limit');
		expect(scope.isDone()).toBe(false);
	});

	it('refuses base64 data over 25 MB before decoding it', async () => {
		const scope = nock(BASE).post('/v1/audio/transcriptions').reply(200, { text: 'x' });
		const result = await run({
			resource: 'audio',
			operation: 'transcribe',
			model: model('whisper-1'),
			inputType: 'base64',
			fileName: 'long.mp3',
			fileData: 'A'.repeat(Math.ceil(((25 * 1024 * 1024 + 3) * 4) / 3 / 4) * 4),
		});
		expect(result.error?.message).toContain('File Data: is 25.0 MB, over the 25 MB limit');
		expect(scope.isDone()).toBe(false);
	});
});

describe('audio.translate', () => {
	it('sends model, format, prompt, temperature and the file, never a language', async () => {
		const { scope, seen } = expectMultipart('/audio/translations', { text: 'Good morning.' });
		const result = await run(
			{ resource: 'audio', operation: 'translate', model: model('whisper-1'), responseFormat: 'json', options: { prompt: 'A greeting.', temperature: 0.5 } },
			[mp3Item('guten-morgen.mp3')],
		);
		expect(result.error).toBeUndefined();
		expect(formFields(seen.parts)).toEqual({ model: 'whisper-1', response_format: 'json', prompt: 'A greeting.', temperature: '0.5' });
		expect(files(seen.parts)).toEqual([['file', 'guten-morgen.mp3', 'audio/mpeg', MP3.length]]);
		expect(result.output('OpenAI')).toEqual([{ json: { text: 'Good morning.' }, pairedItem: { item: 0 } }]);
		scope.done();
	});

	it('returns VTT subtitles as text', async () => {
		const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nGood morning.\n';
		const { scope } = expectMultipart('/audio/translations', vtt, { 'content-type': 'text/vtt' });
		const result = await run({ resource: 'audio', operation: 'translate', model: model('whisper-1'), responseFormat: 'vtt' }, [mp3Item()]);
		expect(result.output('OpenAI')[0].json).toEqual({ text: vtt });
		scope.done();
	});

	it('refuses a missing file before sending', async () => {
		const scope = nock(BASE).post('/v1/audio/translations').reply(200, { text: 'x' });
		const result = await run({ resource: 'audio', operation: 'translate', model: model('whisper-1') });
		expect(result.error?.message).toBe('Input Binary Field: the input item has no binary property "data"');
		expect(scope.isDone()).toBe(false);
	});

	it('refuses a file over 25 MB before sending', async () => {
		const scope = nock(BASE).post('/v1/audio/translations').reply(200, { text: 'x' });
		const big = Buffer.alloc(25 * 1024 * 1024 + 1, 1);
		const result = await run({ resource: 'audio', operation: 'translate', model: model('whisper-1') }, [
			itemWith({ data: { data: big, fileName: 'lecture.wav', mimeType: 'audio/wav' } }),
		]);
		expect(result.error?.message).toBe('Input Binary Field: "lecture.wav" is 25.0 MB, over the 25 MB limit');
		expect(scope.isDone()).toBe(false);
	});

	it('refuses a file that is not audio before sending', async () => {
		const scope = nock(BASE).post('/v1/audio/translations').reply(200, { text: 'x' });
		const result = await run({ resource: 'audio', operation: 'translate', model: model('whisper-1') }, [
			itemWith({ data: { data: Buffer.from('%PDF-1.7'), fileName: 'minutes.pdf', mimeType: 'application/pdf' } }),
		]);
		expect(result.error?.message).toBe('Input Binary Field: "minutes.pdf" (application/pdf) is not an accepted file type');
		expect(scope.isDone()).toBe(false);
	});
});

/**
 * A loopback server that reads the upload as it streams in, without keeping it: it hashes the
 * file part's bytes and keeps only the head (fields) of the body.
 */
async function startCountingServer() {
	const seen = { bodyBytes: 0, fileBytes: 0, fileSha256: '', head: '', rssAtFirstByte: 0 };
	const server = http.createServer((request, response) => {
		const boundary = /boundary=([^;]+)/.exec(String(request.headers['content-type']))?.[1] ?? '';
		const closing = Buffer.from(`\r\n--${boundary}--\r\n`);
		const hash = createHash('sha256');
		let head = Buffer.alloc(0);
		let fileStart = -1;
		let pending = Buffer.alloc(0);
		request.on('data', (chunk: Buffer) => {
			if (!seen.bodyBytes) seen.rssAtFirstByte = process.memoryUsage().rss;
			seen.bodyBytes += chunk.length;
			let data = chunk;
			if (fileStart < 0) {
				head = Buffer.concat([head, chunk]);
				const fileHeader = head.indexOf('name="file"');
				const dataStart = fileHeader >= 0 ? head.indexOf('\r\n\r\n', fileHeader) : -1;
				if (dataStart < 0) return;
				fileStart = dataStart + 4;
				seen.head = head.subarray(0, fileStart).toString('utf8');
				data = head.subarray(fileStart);
			}
			// Hash all but the last bytes, which may be the closing boundary.
			pending = Buffer.concat([pending, data]);
			const safe = pending.length - closing.length;
			if (safe > 0) {
				hash.update(pending.subarray(0, safe));
				seen.fileBytes += safe;
				pending = pending.subarray(safe);
			}
		});
		request.on('end', () => {
			if (!pending.equals(closing)) throw new Error('the body did not end with the closing boundary');
			seen.fileSha256 = hash.digest('hex');
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ text: 'twenty megabytes later' }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/v1`, seen, stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Runs a workflow while sampling RSS every 5 ms; returns the peak growth over the RSS before it. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; before: number; peak: number; after: number }> {
	(globalThis as { gc?: () => void }).gc?.();
	const before = process.memoryUsage().rss;
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	try {
		const value = await work();
		return { value, before, peak: Math.max(peak, process.memoryUsage().rss), after: process.memoryUsage().rss };
	} finally {
		clearInterval(sampler);
	}
}

describe('audio.transcribe with a 20 MB file', () => {
	// nock's interceptor would buffer the request body on its way through; a real socket shows the node's own behaviour.
	beforeAll(() => nock.restore());
	afterAll(() => nock.activate());

	it('streams the whole file from the binary store into the upload', async () => {
		const server = await startCountingServer();
		try {
			const size = 20 * 1024 * 1024;
			const audio = Buffer.alloc(size);
			for (let i = 0; i < size; i++) audio[i] = i % 251;
			audio.write('ID3', 0);
			const expectedSha256 = createHash('sha256').update(audio).digest('hex');
			const items = [itemWith({ data: { data: audio, fileName: 'meeting.mp3', mimeType: 'audio/mpeg' } })];
			const workflow = (language?: string) =>
				singleNodeWorkflow({ resource: 'audio', operation: 'transcribe', model: model('whisper-1'), options: language ? { language } : {} }, items);

			// Control: the same input through the harness, but the node stops before reading the file.
			const control = await withPeakRss(async () => await runWorkflow(workflow('xx-invalid'), credentialsFor(server.url)));
			expect(control.value.error?.message).toContain('Language:');
			expect(server.seen.bodyBytes).toBe(0);

			const real = await withPeakRss(async () => await runWorkflow(workflow(), credentialsFor(server.url)));
			const result = real.value;
			expect(result.error).toBeUndefined();
			expect(result.output('OpenAI')[0].json).toEqual({ text: 'twenty megabytes later' });
			expect(server.seen.head).toContain('name="model"\r\n\r\nwhisper-1');
			expect(server.seen.head).toContain('filename="meeting.mp3"');
			expect(server.seen.fileBytes).toBe(size);
			expect(server.seen.fileSha256).toBe(expectedSha256);
			const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
			console.log(
				[
					`20 MB transcribe, RSS: before ${mb(real.before)}, peak +${mb(real.peak - real.before)}, at the first uploaded byte +${mb(server.seen.rssAtFirstByte - real.before)}, after +${mb(real.after - real.before)}.`,
					`Control (same input, node stops before reading the file): peak +${mb(control.peak - control.before)}.`,
					'Both include the harness holding the input as base64 in the workflow JSON and decoding it into the binary store.',
				].join('\n'),
			);
		} finally {
			await server.stop();
		}
	});
});
