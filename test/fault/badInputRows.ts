import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

export interface BadInputRow {
	name: string;
	/** Node parameters; the string '{{BAD}}' marks the field under test. */
	parameters: IDataObject;
	/** What the error must name. */
	field: string;
	good: unknown;
	bad: unknown;
	/** Expression put in place of '{{BAD}}' (default reads $json.value). */
	expression?: string;
	/** Items with binary data instead of the good/bad pair (the bad item is then the only one). */
	binaryItems?: Array<{ json: IDataObject; binary?: Record<string, { data: string; fileName?: string; mimeType?: string }> }>;
	/** The bad item alone (for operations whose good item would not finish against the fault server). */
	onlyBad?: boolean;
	/** Only the server can know (e.g. an unknown model id): one request is expected. */
	serverDecides?: boolean;
}

/**
 * A row built from a contract fixture (known-good parameters) with one field, at a dotted path
 * (array indexes allowed), replaced by the '{{BAD}}' marker.
 */
function fromFixture(fixture: string, fieldPath: string, row: Omit<BadInputRow, 'parameters' | 'good'> & { good?: unknown }): BadInputRow {
	const { parameters } = JSON.parse(readFileSync(path.join(__dirname, '..', 'contract', 'fixtures', `${fixture}.json`), 'utf8')) as { parameters: IDataObject };
	const keys = fieldPath.split('.');
	let target = parameters as Record<string, unknown>;
	for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
	const last = keys[keys.length - 1];
	const good = row.good ?? target[last];
	target[last] = '{{BAD}}';
	return { ...row, parameters, good };
}

export const BAD_INPUT_ROWS: BadInputRow[] = [
	{
		name: 'apiCall: JSON body that is not JSON',
		parameters: { resource: 'apiCall', operation: 'request', method: 'POST', path: '/embeddings', bodyType: 'json', jsonBody: '{{BAD}}' },
		field: 'JSON Body',
		good: '{"input":"a","model":"m"}',
		bad: '{"input": ',
	},
	{
		name: 'apiCall: path to another host',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '{{BAD}}' },
		field: 'Path',
		good: '/models',
		bad: 'https://evil.example.com/v1/models',
	},
	{
		name: 'apiCall: path with ..',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '{{BAD}}' },
		field: 'Path',
		good: '/models',
		bad: '/files/../../etc',
	},
	{
		name: 'apiCall: Authorization header',
		parameters: { resource: 'apiCall', operation: 'request', method: 'GET', path: '/models', sendHeaders: true, headerParameters: { parameters: [{ name: '{{BAD}}', value: 'x' }] } },
		field: 'Headers',
		good: 'OpenAI-Beta',
		bad: 'Authorization',
	},
	{
		name: 'apiCall: missing binary property',
		parameters: { resource: 'apiCall', operation: 'request', method: 'POST', path: '/files', bodyType: 'multipart', formFiles: { file: [{ name: 'file', binaryPropertyName: '{{BAD}}' }] } },
		field: 'File field "file"',
		good: 'data',
		bad: 'nope',
		binaryItems: [{ json: {} }],
	},
	{
		name: 'model: unknown model By ID (server 404)',
		parameters: { resource: 'model', operation: 'get', model: { __rl: true, mode: 'id', value: '{{BAD}}' } },
		field: 'model',
		good: 'gpt-4.1-mini',
		bad: 'no-such-model',
		serverDecides: true,
	},
	fromFixture('assistant.create', 'options.temperature', { name: 'assistant.create: temperature 3', field: 'Temperature', bad: 3 }),
	fromFixture('assistant.create', 'options.topP', { name: 'assistant.create: top p 2', field: 'Top P', bad: 2 }),
	fromFixture('assistant.create', 'options.jsonSchema', { name: 'assistant.create: JSON schema not JSON', field: 'JSON Schema', bad: '{"type": ' }),
	fromFixture('assistant.create', 'functions.function.0.name', { name: 'assistant.create: bad function name', field: 'Functions', bad: 'get weather!' }),
	fromFixture('assistant.create', 'functions.function.0.parameters', { name: 'assistant.create: function parameters not JSON', field: 'Functions: parameters', bad: '{oops' }),
	fromFixture('assistant.create', 'options.metadata.pair.0.key', { name: 'assistant.create: metadata key over 64', field: 'Metadata', bad: 'k'.repeat(65) }),
	fromFixture('assistant.create', 'options.metadata.pair.0.value', { name: 'assistant.create: metadata value over 512', field: 'Metadata', bad: 'v'.repeat(513) }),
	fromFixture('assistant.message.newThread', 'text', { name: 'assistant.message: empty message', field: 'Message', bad: '   ', onlyBad: true }),
	fromFixture('assistant.message.existingThread', 'threadId', { name: 'assistant.message: thread id with a slash', field: 'Thread ID', bad: 'thread_1/../x', onlyBad: true }),
];
