import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

export type Item = { json: IDataObject; binary?: Record<string, { data: string; fileName?: string; mimeType?: string }> };

export interface BadInputRow {
	name: string;
	/** Node parameters; the string '{{BAD}}' marks the field under test. */
	parameters: IDataObject;
	/** What the error must name. */
	field: string;
	good: unknown;
	/** The bad value, or a function of the server's Base URL (for URLs that must name its port). */
	bad: unknown;
	/** Expression put in place of '{{BAD}}' (default reads $json.value). */
	expression?: string;
	/**
	 * Items with binary data instead of the good/bad pair: every item but the last is good (it
	 * must succeed alone), the last is the bad one.
	 */
	binaryItems?: Item[];
	/** The bad item alone (for operations whose good item would not finish against the fault server). */
	onlyBad?: boolean;
	/** Only the server can know (e.g. an unknown model id): one request is expected. */
	serverDecides?: boolean;
}

function fixtureOf(fixture: string): { parameters: IDataObject; items?: Item[] } {
	return JSON.parse(readFileSync(path.join(__dirname, '..', 'contract', 'fixtures', `${fixture}.json`), 'utf8')) as { parameters: IDataObject; items?: Item[] };
}

/**
 * A row built from a contract fixture (known-good parameters) with one field, at a dotted path
 * (array indexes allowed), replaced by the '{{BAD}}' marker; with no path, `tweak` alone makes
 * the parameters depend on the item.
 */
function fromFixture(
	fixture: string,
	fieldPath: string,
	{ tweak, ...row }: Omit<BadInputRow, 'parameters' | 'good'> & { good?: unknown; tweak?: (parameters: IDataObject) => void },
): BadInputRow {
	const { parameters } = fixtureOf(fixture);
	tweak?.(parameters);
	if (!fieldPath) return { ...row, parameters, good: row.good };
	const keys = fieldPath.split('.');
	let target = parameters as Record<string, unknown>;
	for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
	const last = keys[keys.length - 1];
	const good = row.good ?? target[last];
	target[last] = '{{BAD}}';
	return { ...row, parameters, good };
}

/**
 * A binary row from a fixture that has items: the fixture's item is the good one, `badItem` (made
 * from a copy of it) the bad one. The fixture's parameters are used as they are.
 */
function binaryFromFixture(fixture: string, row: Pick<BadInputRow, 'name' | 'field'>, badItem: (good: Item) => Item): BadInputRow {
	const { parameters, items = [{ json: {} }] } = fixtureOf(fixture);
	const good = items[0];
	return { ...row, parameters, good: undefined, bad: undefined, binaryItems: [good, badItem(JSON.parse(JSON.stringify(good)) as Item)] };
}

/** An item whose binary property `name` holds `text` under a misleading file name. */
function withFile(item: Item, name: string, file: { text: string; fileName: string; mimeType: string }): Item {
	return { ...item, binary: { ...(item.binary ?? {}), [name]: { data: Buffer.from(file.text).toString('base64'), fileName: file.fileName, mimeType: file.mimeType } } };
}

function without(item: Item, name: string): Item {
	const binary = { ...(item.binary ?? {}) };
	delete binary[name];
	return { ...item, binary };
}

/** The fixture's item twice, as the good item (value `good`) and the bad one (value `bad`), for fields of operations that read binary data. */
function valuesOnFixtureItems(fixture: string, good: unknown, bad: unknown): Item[] {
	const [item] = fixtureOf(fixture).items ?? [{ json: {} }];
	return [good, bad].map((value) => ({ ...item, json: { ...item.json, value: value as IDataObject } }));
}

/**
 * Metadata with 17 pairs for the bad item (value true) and none for the good one (value false):
 * n8n does not let an expression stand for a whole list of pairs, so each pair is an expression.
 */
function seventeenPairs(parameters: IDataObject): void {
	const options = (parameters.options ??= {}) as IDataObject;
	options.metadata = {
		pair: Array.from({ length: 17 }, (_, n) => ({ key: `={{ $json.value ? "k${n}" : "" }}`, value: '={{ $json.value ? "v" : "" }}' })),
	};
}

/** An API Call row: `bad` as the path, `/models` as the good one. */
function apiCallPath(name: string, bad: string): BadInputRow {
	return { name: `apiCall: path ${name}`, parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '{{BAD}}' }, field: 'Path', good: '/models', bad };
}

/** An item whose binary property `name` keeps its MIME type and file name but holds `text`'s bytes. */
function withBytes(item: Item, name: string, text: string): Item {
	const file = item.binary?.[name];
	if (!file) throw new Error(`the fixture item has no binary property ${name}`);
	return { ...item, binary: { ...item.binary, [name]: { ...file, data: Buffer.from(text).toString('base64') } } };
}

/**
 * Pre-send checks that once let mistakes through (issue 15, point 5): traversal in every percent-
 * encoded spelling, options fields set by an expression, bytes that are not what their MIME type
 * says, model IDs with whitespace.
 */
const LEAKY_CHECK_ROWS: BadInputRow[] = [
	apiCallPath('with ..%2f', '/files/..%2f..%2fadmin'),
	apiCallPath('with %2E%2E%2F', '/files/%2E%2E%2Fadmin'),
	apiCallPath('with %2e%2e/', '/files/%2e%2e/admin'),
	apiCallPath('with .%2e/', '/files/.%2e/admin'),
	apiCallPath('double-encoded (%252e%252e%252f)', '/files/%252e%252e%252fadmin'),
	apiCallPath('triple-encoded (%25252e%25252e/)', '/files/%25252e%25252e/admin'),
	apiCallPath('with an encoded backslash (..%5c)', '/files/..%5cadmin'),
	apiCallPath('with an encoded backslash, double-encoded (%255C)', '/files/x%255C..%255Cadmin'),
	apiCallPath('with full-width dots (%EF%BC%8E%EF%BC%8E)', '/files/%EF%BC%8E%EF%BC%8E/admin'),
	apiCallPath('with broken percent-encoding (%E0%A4%A)', '/files/%E0%A4%A/admin'),
	fromFixture('file.upload', 'purpose', { name: 'file.upload: purpose "bogus" from an expression', field: 'Purpose', bad: 'bogus', binaryItems: valuesOnFixtureItems('file.upload', 'fine-tune', 'bogus') }),
	fromFixture('image.createVariation', 'options.size', { name: 'image.createVariation: size "huge" from an expression', field: 'Size', bad: 'huge', binaryItems: valuesOnFixtureItems('image.createVariation', '256x256', 'huge') }),
	fromFixture('chat.complete', 'messages.message.1.role', { name: 'chat.complete: message role "wizard" from an expression', field: 'Role', bad: 'wizard' }),
	fromFixture('audio.generateSpeech', 'responseFormat', { name: 'audio.generateSpeech: response format "mp7" from an expression', field: 'Response Format', bad: 'mp7' }),
	fromFixture('audio.transcribe.verboseJson', 'timestampGranularities', { name: 'audio.transcribe: timestamp granularity "hour" from an expression', field: 'Timestamp Granularities', bad: ['word', 'hour'], binaryItems: valuesOnFixtureItems('audio.transcribe.verboseJson', ['word'], ['word', 'hour']) }),
	binaryFromFixture('image.edit.gptImage', { name: 'image.edit: text bytes labelled image/png', field: 'Input Binary Field' }, (item) => withBytes(item, 'photo', 'this is not a picture')),
	binaryFromFixture('image.createVariation', { name: 'image.createVariation: HTML page labelled image/png', field: 'Input Binary Field' }, (item) => withBytes(item, 'data', '<!DOCTYPE html><html></html>')),
	binaryFromFixture('chat.analyzeImage', { name: 'chat.analyzeImage: text bytes labelled image/png', field: 'Images' }, (item) => withBytes(item, 'photo', 'not an image')),
	binaryFromFixture('audio.transcribe', { name: 'audio.transcribe: text bytes labelled audio/mpeg', field: 'Input Binary Field' }, (item) => withBytes(item, 'data', 'hello, this is text')),
	binaryFromFixture('audio.translate', { name: 'audio.translate: PNG bytes labelled audio/mpeg', field: 'Input Binary Field' }, (item) => ({ ...item, binary: { ...item.binary, data: { ...item.binary!.data, data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64') } } })),
	fromFixture('chat.complete', 'model.value', { name: 'chat.complete: model ID with a space', field: 'Model', bad: 'gpt-4.1 mini' }),
	fromFixture('chat.complete', 'model.value', { name: 'chat.complete: model ID with a trailing line break', field: 'Model', bad: 'gpt-4.1-mini\n' }),
	fromFixture('embedding.create', 'model.value', { name: 'embedding.create: model ID with a tab', field: 'Model', bad: 'text-embedding-3-small\t' }),
	fromFixture('image.generate.gptImage', 'model.value', { name: 'image.generate: model ID with a leading space', field: 'Model', bad: ' gpt-image-1' }),
	fromFixture('audio.transcribe', 'model.value', { name: 'audio.transcribe: model ID with a space', field: 'Model', bad: 'whisper 1', binaryItems: valuesOnFixtureItems('audio.transcribe', 'whisper-1', 'whisper 1') }),
];

export const BAD_INPUT_ROWS: BadInputRow[] = [
	// chat
	fromFixture('chat.complete', 'options.temperature', { name: 'chat.complete: temperature 3', field: 'Temperature', bad: 3 }),
	fromFixture('chat.complete', 'options.topP', { name: 'chat.complete: top p 2', field: 'Top P', bad: 2 }),
	fromFixture('chat.complete', 'options.n', { name: 'chat.complete: n 0', field: 'Number of Results', bad: 0 }),
	fromFixture('chat.complete', 'options.stop', { name: 'chat.complete: 5 stop sequences', field: 'Stop Sequences', bad: ['a', 'b', 'c', 'd', 'e'] }),
	fromFixture('chat.complete', '', { name: 'chat.complete: 17 metadata pairs', field: 'Metadata', good: false, bad: true, tweak: seventeenPairs }),
	fromFixture('chat.complete', 'options.logitBias.bias.0.id', { name: 'chat.complete: logit bias token not a number', field: 'Logit Bias', bad: 'the' }),
	fromFixture('chat.complete', 'messages.message.1.name', { name: 'chat.complete: message name with a space', field: 'Messages', bad: 'alice smith' }),
	fromFixture('chat.complete.structured', 'options.jsonSchema', { name: 'chat.complete: JSON schema not JSON', field: 'JSON Schema', bad: '{"type": "object",' }),
	fromFixture('chat.complete.tools', 'options.functions.function.0.parameters', { name: 'chat.complete: tool parameters not JSON', field: 'parameters', bad: '{"type": object}' }),
	fromFixture('chat.complete.tools', 'options.functions.function.0.name', { name: 'chat.complete: bad function name', field: 'Functions', bad: 'get weather' }),
	fromFixture('chat.complete.jsonMessages', 'messagesJson', { name: 'chat.complete: messages JSON not JSON', field: 'Messages', bad: '[{"role": "user", "content": "hi"' }),
	fromFixture('chat.complete', 'model.value', { name: 'chat.complete: unknown model By ID (server 404)', field: 'model', bad: 'no-such-model', serverDecides: true }),
	fromFixture('chat.prompt', 'prompt', { name: 'chat.prompt: empty prompt', field: 'Prompt', bad: ' ' }),
	fromFixture('chat.callFunctions', 'functions.function.1.name', { name: 'chat.callFunctions: bad function name', field: 'Functions', bad: 'time.now' }),
	fromFixture('chat.callFunctions', 'functions.function.0.parameters', { name: 'chat.callFunctions: function parameters not JSON', field: 'parameters', bad: "{'type': 'object'}" }),
	fromFixture('chat.extractData', 'fields.field.0.name', { name: 'chat.extractData: field name with a space', field: 'Fields to Extract', bad: 'invoice number' }),
	fromFixture('chat.extractData', 'objectDefinitions.object.0.properties.property.0.name', { name: 'chat.extractData: object property name with a comma', field: 'Object Definitions', bad: 'name,city' }),
	fromFixture('chat.extractData', 'textToParse', { name: 'chat.extractData: empty text', field: 'Text to Parse', bad: '' }),
	fromFixture('chat.edit', 'textToEdit', { name: 'chat.edit: empty input', field: 'Input', bad: ' ' }),
	// completion
	fromFixture('completion.create', 'completionPrompt', { name: 'completion.create: empty prompt', field: 'Prompt', bad: '' }),
	fromFixture('completion.create', 'options.temperature', { name: 'completion.create: temperature 3', field: 'Temperature', bad: 3 }),
	fromFixture('completion.create', 'options.stop', { name: 'completion.create: 5 stop sequences', field: 'Stop Sequences', bad: ['1', '2', '3', '4', '5'] }),
	// response
	fromFixture('response.create.text', 'input', { name: 'response.create: empty input', field: 'Input', bad: '  ' }),
	fromFixture('response.create.tools', 'schema', { name: 'response.create: schema not JSON', field: 'Schema', bad: '{"type":"object"' }),
	fromFixture('response.create.tools', 'functions.function.0.parameters', { name: 'response.create: function parameters not JSON', field: 'Functions: parameters', bad: '{{}' }),
	fromFixture('response.create.tools', 'options.temperature', { name: 'response.create: temperature 3', field: 'Temperature', bad: 3 }),
	fromFixture('response.create.tools', 'options.metadata.pair.0.value', { name: 'response.create: metadata value over 512', field: 'Metadata', bad: 'v'.repeat(513) }),
	// conversation
	fromFixture('conversation.create.items', 'items', { name: 'conversation.create: items not JSON', field: 'Items', bad: '[{"type":"message"' }),
	fromFixture('conversation.update', 'metadata.pair.0.key', { name: 'conversation.update: metadata key over 64', field: 'Metadata', bad: 'k'.repeat(65) }),
	// image
	fromFixture('image.generate.gptImage', 'imagePrompt', { name: 'image.generate: empty prompt', field: 'Prompt', bad: '' }),
	fromFixture('image.generate.gptImage', 'options.n', { name: 'image.generate: n 0', field: 'Number of Results', bad: 0 }),
	fromFixture('image.generate.gptImage', 'options.outputCompression', { name: 'image.generate: output compression 101', field: 'Output Compression', bad: 101 }),
	fromFixture('image.generate.gptImage', 'model.value', { name: 'image.generate: unknown model By ID (server 404)', field: 'model', bad: 'no-such-model', serverDecides: true }),
	binaryFromFixture('image.edit.gptImage', { name: 'image.edit: missing binary property', field: 'Input Binary Field' }, (item) => without(item, 'photo')),
	binaryFromFixture('image.edit.gptImage', { name: 'image.edit: binary property is not an image', field: 'Input Binary Field' }, (item) => withFile(item, 'photo', { text: 'not a picture', fileName: 'notes.txt', mimeType: 'text/plain' })),
	binaryFromFixture('image.createVariation', { name: 'image.createVariation: missing binary property', field: 'Input Binary Field' }, (item) => without(item, 'data')),
	// audio
	fromFixture('audio.generateSpeech', 'options.speed', { name: 'audio.generateSpeech: speed 5', field: 'Speed', bad: 5 }),
	fromFixture('audio.generateSpeech', 'textToSpeak', { name: 'audio.generateSpeech: empty input', field: 'Input', bad: '' }),
	fromFixture('audio.transcribe', 'options.temperature', { name: 'audio.transcribe: temperature 3', field: 'Temperature', bad: 3, binaryItems: valuesOnFixtureItems('audio.transcribe', 0.2, 3) }),
	binaryFromFixture('audio.transcribe', { name: 'audio.transcribe: missing binary property', field: 'Input Binary Field' }, (item) => without(item, 'data')),
	binaryFromFixture('audio.transcribe', { name: 'audio.transcribe: binary property is not audio', field: 'Input Binary Field' }, (item) => withFile(item, 'data', { text: '<html></html>', fileName: 'page.html', mimeType: 'text/html' })),
	// embedding, moderation
	fromFixture('embedding.create', 'embeddingInput', { name: 'embedding.create: empty input', field: 'Input', bad: '' }),
	fromFixture('embedding.create.list', 'options.dimensions', { name: 'embedding.create: dimensions 0', field: 'Dimensions', bad: undefined, binaryItems: valuesOnFixtureItems('embedding.create.list', 256, 0) }),
	fromFixture('moderation.create', 'texts.values.0.text', { name: 'moderation.create: only text is empty', field: 'Texts', good: 'Have a nice day', bad: '', tweak: (parameters) => void ((parameters.texts as IDataObject).values = [{ text: '' }]) }),
	fromFixture('moderation.create', 'texts.values.0.text', { name: 'moderation.create: text is an object', field: 'Texts', good: 'Have a nice day', bad: { text: 'hi' } }),
	// file
	binaryFromFixture('file.upload', { name: 'file.upload: missing binary property', field: 'Input Binary Field' }, (item) => without(item, 'data')),
	fromFixture('file.upload', 'options.expiresAfterSeconds', { name: 'file.upload: expires after 60 seconds', field: 'Expires After', bad: 60, binaryItems: valuesOnFixtureItems('file.upload', 86400, 60) }),
	fromFixture('file.getContent', 'fileId.value', { name: 'file.getContent: file id with a slash', field: 'File', bad: 'file-1/../../x' }),
	// fineTuning
	fromFixture('fineTuning.create.supervised', 'hyperparameters.epochs', { name: 'fineTuning.create: epochs 0', field: 'Epochs', bad: 0 }),
	fromFixture('fineTuning.create.supervised', 'options.suffix', { name: 'fineTuning.create: suffix over 64', field: 'Suffix', bad: 's'.repeat(65) }),
	fromFixture('fineTuning.create.reinforcement', 'grader', { name: 'fineTuning.create: grader not JSON', field: 'Grader', bad: '{"type": "string_check"' }),
	// model
	{
		name: 'model.get: unknown model By ID (server 404)',
		parameters: { resource: 'model', operation: 'get', model: { __rl: true, mode: 'id', value: '{{BAD}}' } },
		field: 'model',
		good: 'gpt-4.1-mini',
		bad: 'no-such-model',
		serverDecides: true,
	},
	// assistant
	fromFixture('assistant.create', 'options.temperature', { name: 'assistant.create: temperature 3', field: 'Temperature', bad: 3 }),
	fromFixture('assistant.create', 'options.topP', { name: 'assistant.create: top p 2', field: 'Top P', bad: 2 }),
	fromFixture('assistant.create', 'options.jsonSchema', { name: 'assistant.create: JSON schema not JSON', field: 'JSON Schema', bad: '{"type": ' }),
	fromFixture('assistant.create', 'functions.function.0.name', { name: 'assistant.create: bad function name', field: 'Functions', bad: 'get weather!' }),
	fromFixture('assistant.create', 'functions.function.0.parameters', { name: 'assistant.create: function parameters not JSON', field: 'Functions: parameters', bad: '{oops' }),
	fromFixture('assistant.create', 'options.metadata.pair.0.key', { name: 'assistant.create: metadata key over 64', field: 'Metadata', bad: 'k'.repeat(65) }),
	fromFixture('assistant.create', 'options.metadata.pair.0.value', { name: 'assistant.create: metadata value over 512', field: 'Metadata', bad: 'v'.repeat(513) }),
	fromFixture('assistant.message.newThread', 'text', { name: 'assistant.message: empty message', field: 'Message', bad: '   ', onlyBad: true }),
	fromFixture('assistant.message.existingThread', 'threadId', { name: 'assistant.message: thread id with a slash', field: 'Thread ID', bad: 'thread_1/../x', onlyBad: true }),
	// batch
	fromFixture('batch.create.requests', 'requests', { name: 'batch.create: requests not JSON', field: 'Requests', good: JSON.stringify(fixtureOf('batch.create.requests').items?.[0].json.requests), bad: '[{"id": "a"' }),
	fromFixture('batch.create.requests', '', { name: 'batch.create: 17 metadata pairs', field: 'Metadata', tweak: seventeenPairs, bad: undefined, binaryItems: valuesOnFixtureItems('batch.create.requests', false, true) }),
	binaryFromFixture('batch.create.binary', { name: 'batch.create: missing binary property', field: 'Input Binary Field' }, (item) => without(item, 'data')),
	// vectorStore
	fromFixture('vectorStore.search', 'options.filters', { name: 'vectorStore.search: filters not JSON', field: 'Filters', bad: '{"type": "eq"' }),
	fromFixture('vectorStore.search', 'options.maxNumResults', { name: 'vectorStore.search: max results 100', field: 'Max Results', bad: 100 }),
	fromFixture('vectorStore.create', 'options.chunkOverlapTokens', { name: 'vectorStore.create: overlap over half the chunk', field: 'Chunk Overlap (Tokens)', bad: 600 }),
	// issue 19: response extras, conversation items, stored completions, containers, video, realtime, provenance
	fromFixture('response.countInputTokens', 'input', { name: 'response.countInputTokens: empty input', field: 'Input', bad: ' ' }),
	fromFixture('response.compact', 'compactItems', { name: 'response.compact: items not JSON', field: 'Input Items (JSON)', bad: '[{"role": "user"' }),
	fromFixture('response.create.mcp', 'mcpServers.server.0.serverUrl', { name: 'response.create: MCP server URL not http(s)', field: 'MCP Servers', bad: 'ftp://mcp.example.com' }),
	fromFixture('response.create.mcp', 'mcpServers.server.0.headers', { name: 'response.create: MCP headers not JSON', field: 'MCP Servers', bad: '{"X-Api-Key": ' }),
	fromFixture('response.create.mcp', 'options.topLogprobs', { name: 'response.create: top logprobs 21', field: 'Top Log Probabilities', bad: 21 }),
	fromFixture('response.create.mcp', 'options.promptCacheKey', { name: 'response.create: prompt cache key over 64', field: 'Prompt Cache Key', bad: 'k'.repeat(65) }),
	fromFixture('response.create.mcp', 'options.promptVariables', { name: 'response.create: prompt variables not JSON', field: 'Prompt Variables', bad: '{"name": ' }),
	fromFixture('response.create.mcpApprovals', 'mcpApprovals.approval.0.approvalRequestId', { name: 'response.create: MCP approval without a request ID', field: 'MCP Approvals', bad: ' ' }),
	fromFixture('conversation.addItems.json', 'items', { name: 'conversation.addItems: items not objects', field: 'Items (JSON)', bad: '[1]' }),
	fromFixture('conversation.getItem', 'itemId', { name: 'conversation.getItem: item id with a slash', field: 'Item ID', bad: 'msg_1/../x' }),
	fromFixture('storedCompletion.getAll', 'filters.metadata.pair.0.key', { name: 'storedCompletion.getAll: metadata key over 64', field: 'Metadata', bad: 'k'.repeat(65) }),
	fromFixture('storedCompletion.get', 'completionId', { name: 'storedCompletion.get: id with a question mark', field: 'Chat Completion ID', bad: 'chatcmpl-1?x=1' }),
	fromFixture('container.create', 'containerName', { name: 'container.create: empty name', field: 'Name', bad: ' ' }),
	fromFixture('container.create', 'options.expiresAfterMinutes', { name: 'container.create: expires after 0 minutes', field: 'Expires After', bad: 0 }),
	binaryFromFixture('container.addFile', { name: 'container.addFile: missing binary property', field: 'Input Binary Field' }, (item) => without(item, 'data')),
	fromFixture('container.getFileContent', 'containerFileId', { name: 'container.getFileContent: file id with a slash', field: 'Container File ID', bad: 'cfile_1/../x' }),
	fromFixture('video.generate', 'videoPrompt', { name: 'video.generate: empty prompt', field: 'Prompt', bad: '', binaryItems: valuesOnFixtureItems('video.generate', 'A boat', '') }),
	binaryFromFixture('video.generate', { name: 'video.generate: reference image is not an image', field: 'Reference Image' }, (item) => withFile(item, 'frame', { text: 'not a picture', fileName: 'notes.txt', mimeType: 'text/plain' })),
	fromFixture('video.remix', 'videoPrompt', { name: 'video.remix: prompt over 32000 characters', field: 'Prompt', bad: 'p'.repeat(32001) }),
	fromFixture('realtime.createClientSecret', 'expiresAfterSeconds', { name: 'realtime.createClientSecret: expires after 5 seconds', field: 'Expires After', bad: 5 }),
	fromFixture('realtime.createClientSecret', 'sessionOptions.sessionJson', { name: 'realtime.createClientSecret: session JSON not JSON', field: 'Session (JSON)', bad: '{"tools": [' }),
	fromFixture('realtime.referCall', 'targetUri', { name: 'realtime.referCall: target not tel: or sip:', field: 'Target URI', bad: 'https://example.com' }),
	fromFixture('realtime.rejectCall', 'statusCode', { name: 'realtime.rejectCall: SIP status 200', field: 'SIP Status Code', bad: 200 }),
	binaryFromFixture('provenance.check', { name: 'provenance.check: binary is not an image or audio', field: 'Input Binary Field' }, (item) => withFile(item, 'data', { text: '%PDF-1.4', fileName: 'doc.pdf', mimeType: 'application/pdf' })),
	// issue 20: vector store batches and files, evals, graders, voices, skills, ChatKit, organization, uploads in parts
	fromFixture('vectorStore.addFiles', 'fileIds', { name: 'vectorStore.addFiles: no file IDs', field: 'File IDs', bad: ' , ' }),
	fromFixture('vectorStore.updateFileAttributes', 'attributes.attribute.0.type', { name: 'vectorStore.updateFileAttributes: number attribute that is not a number', field: 'Attributes', good: 'string', bad: 'number' }),
	fromFixture('vectorStore.getFileBatch', 'batchId', { name: 'vectorStore.getFileBatch: batch id with a slash', field: 'Batch', bad: 'vsfb_1/../x' }),
	fromFixture('eval.create', 'testingCriteria', { name: 'eval.create: testing criteria not JSON', field: 'Testing Criteria', bad: '[{"type": "string_check"' }),
	fromFixture('eval.create', 'dataSourceConfig', { name: 'eval.create: data source config of an unknown type', field: 'Data Source Config', bad: '{"type": "csv"}' }),
	fromFixture('eval.createRun', 'dataSource', { name: 'eval.createRun: data source not an object', field: 'Data Source', bad: '["jsonl"]' }),
	fromFixture('eval.getRun', 'runId', { name: 'eval.getRun: run id with a question mark', field: 'Run ID', bad: 'evalrun_1?x=1' }),
	fromFixture('fineTuning.runGrader', 'grader', { name: 'fineTuning.runGrader: grader without a name', field: 'Grader', bad: '{"type": "python", "source": "def grade(s, i): return 1"}' }),
	fromFixture('fineTuning.runGrader', 'modelSample', { name: 'fineTuning.runGrader: empty model sample', field: 'Model Sample', bad: ' ' }),
	fromFixture('fineTuning.createCheckpointPermission', 'projectIds', { name: 'fineTuning.createCheckpointPermission: no project IDs', field: 'Project IDs', bad: '' }),
	binaryFromFixture('voice.create', { name: 'voice.create: sample is not audio', field: 'Input Binary Field' }, (item) => withFile(item, 'data', { text: '<html></html>', fileName: 'page.html', mimeType: 'text/html' })),
	fromFixture('voice.createConsent', 'language', { name: 'voice.createConsent: language not a tag', field: 'Language', bad: undefined, binaryItems: valuesOnFixtureItems('voice.createConsent', 'en-US', 'English') }),
	binaryFromFixture('skill.create', { name: 'skill.create: missing binary property', field: 'Input Binary Fields' }, (item) => without(item, 'script')),
	fromFixture('skill.update', 'version', { name: 'skill.update: empty default version', field: 'Version', bad: '' }),
	fromFixture('chatKit.createSession', 'options.expiresAfterSeconds', { name: 'chatKit.createSession: expiry over 600 seconds', field: 'Expires After', bad: 900 }),
	fromFixture('chatKit.createSession', 'options.stateVariables', { name: 'chatKit.createSession: state variables not an object', field: 'State Variables', bad: '[1, 2]' }),
	fromFixture('organization.getCosts', 'startTime', { name: 'organization.getCosts: start time not a date', field: 'Start Time', bad: 'last tuesday' }),
	fromFixture('organization.getUsage.vectorStores', 'options.groupBy', { name: 'organization.getUsage: group by a field the usage type lacks', field: 'Group By', bad: ['model'] }),
	fromFixture('file.upload.inParts', 'purpose', { name: 'file.upload: in parts with a purpose the Uploads API lacks', field: 'Purpose', bad: undefined, binaryItems: valuesOnFixtureItems('file.upload.inParts', 'fine-tune', 'user_data') }),
	// apiCall: nothing may reach another host or carry another Authorization
	{
		name: 'apiCall: JSON body that is not JSON',
		parameters: { resource: 'apiCall', operation: 'request', method: 'POST', path: '/embeddings', bodyType: 'json', jsonBody: '{{BAD}}' },
		field: 'JSON Body',
		good: '{"input":"a","model":"m"}',
		bad: '{"input": ',
	},
	{
		name: 'apiCall: absolute URL to another host',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '{{BAD}}' },
		field: 'Path',
		good: '/models',
		bad: 'https://evil.example.com/v1/models',
	},
	{
		name: 'apiCall: same host, scheme changed to https',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '{{BAD}}' },
		field: 'Path',
		good: '/models',
		bad: (baseUrl: string) => `${baseUrl.replace(/^http:/, 'https:')}/models`,
	},
	{
		name: 'apiCall: protocol-relative //host',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '{{BAD}}' },
		field: 'Path',
		good: '/models',
		bad: '//evil.example.com/v1/models',
	},
	{
		name: 'apiCall: path with ..',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '{{BAD}}' },
		field: 'Path',
		good: '/models',
		bad: '/files/../../etc',
	},
	{
		name: 'apiCall: path with encoded ..',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '{{BAD}}' },
		field: 'Path',
		good: '/models',
		bad: '/files/%2e%2e/%2E%2E/admin',
	},
	{
		name: 'apiCall: path with a backslash',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '{{BAD}}' },
		field: 'Path',
		good: '/models',
		bad: '/\\evil.example.com/models',
	},
	{
		name: 'apiCall: Authorization header',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '/models', sendHeaders: true, headerParameters: { parameters: [{ name: '{{BAD}}', value: 'x' }] } },
		field: 'Headers',
		good: 'OpenAI-Beta',
		bad: 'Authorization',
	},
	{
		name: 'apiCall: authorization header, lower case and padded',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '/models', sendHeaders: true, headerParameters: { parameters: [{ name: '{{BAD}}', value: 'Bearer sk-other' }] } },
		field: 'Headers',
		good: 'OpenAI-Beta',
		bad: ' authorization ',
	},
	{
		name: 'apiCall: missing binary property',
		parameters: { resource: 'apiCall', operation: 'request', method: 'POST', path: '/files', bodyType: 'multipart', formFiles: { file: [{ name: 'file', binaryPropertyName: '={{ $json.property }}' }] } },
		field: 'File field "file"',
		good: undefined,
		bad: undefined,
		binaryItems: [
			{ json: { property: 'data' }, binary: { data: { data: Buffer.from('{}\n').toString('base64'), fileName: 'a.jsonl', mimeType: 'application/jsonl' } } },
			{ json: { property: 'nope' } },
		],
	},
	...LEAKY_CHECK_ROWS,
];
