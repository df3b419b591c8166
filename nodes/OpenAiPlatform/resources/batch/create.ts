import type { BatchCreateParams } from 'openai/resources/batches';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { readBinaryFile } from '../../shared/binary';
import { binaryPropertyField, collectionField, forOperation, idLocatorField } from '../../shared/fields';
import { idOf } from '../../shared/ids';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { fail, isPlainObject } from '../../shared/validation';
import type { PaginationFunction } from '../../shared/transport';
import { openAiRequest, sendRequest, settle } from '../../shared/transport';
import type { BatchEndpoint, BatchLine } from './shared';
import { BATCH_ENDPOINTS, batchLinesProblem, objectReply, parseJsonl } from './shared';

/** OpenAI's limit on a batch input file. */
const MAX_INPUT_BYTES = 200 * 1024 * 1024;
const DEFAULT_FILE_NAME = 'batch-input.jsonl';

type InputSource = 'requests' | 'binary' | 'fileId';

interface CreateOptions {
	completionWindow?: BatchCreateParams['completion_window'];
	fileName?: string;
	metadata?: { pair?: Array<{ key?: string; value?: unknown }> };
	outputExpiresAfterHours?: number;
}

interface Upload {
	blob: Blob;
	fileName: string;
}

type BatchBody = Omit<BatchCreateParams, 'input_file_id'> & { input_file_id?: string };

function typeName(value: unknown): string {
	if (value === null || value === undefined) return 'nothing';
	return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** An entry that is already a complete batch line is used as it is. */
function isBatchLine(entry: Record<string, unknown>): boolean {
	return 'custom_id' in entry && 'url' in entry && 'body' in entry;
}

/** "List of Requests": the item's request bodies (e.g. after an Aggregate node) as batch lines. */
function linesFromRequests(context: IExecuteSingleFunctions, endpoint: BatchEndpoint): Array<BatchLine | IDataObject> {
	let requests = context.getNodeParameter('requests', []) as unknown;
	if (typeof requests === 'string') {
		try {
			requests = JSON.parse(requests) as unknown;
		} catch (error) {
			fail(context, 'Requests: not valid JSON', (error as Error).message);
		}
	}
	if (!Array.isArray(requests)) {
		fail(
			context,
			`Requests: expected a list of request bodies, got ${typeName(requests)}`,
			'Aggregate the items first (Aggregate node, "All Item Data") and use an expression such as {{ $json.data }}.',
		);
	}
	const customIdField = String(context.getNodeParameter('customIdField', 'custom_id') ?? '').trim();
	const bodyField = String(context.getNodeParameter('bodyField', '') ?? '').trim();
	return requests.map((entry: unknown, index: number) => {
		const label = `entry ${index + 1}`;
		if (!isPlainObject(entry)) fail(context, `Requests: ${label} is ${typeName(entry)}, not a request body object`);
		if (isBatchLine(entry)) return entry as IDataObject;
		let customId: unknown = `request-${index + 1}`;
		if (customIdField) {
			customId = entry[customIdField];
			if (customId === undefined || customId === null || customId === '') {
				fail(context, `Custom ID Field: ${label} has no "${customIdField}" field`, 'Add it to every request, or clear Custom ID Field to number the requests.');
			}
			if (typeof customId === 'object') fail(context, `Custom ID Field: "${customIdField}" of ${label} is ${typeName(customId)}, not text or a number`);
		}
		let body: unknown;
		if (bodyField) {
			body = entry[bodyField];
			if (!isPlainObject(body)) fail(context, `Body Field: "${bodyField}" of ${label} is ${typeName(body)}, not a request body object`);
		} else {
			body = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== customIdField));
		}
		return { custom_id: String(customId), method: 'POST', url: endpoint, body: body as IDataObject };
	});
}

function jsonlName(name: string): string {
	return /\.jsonl$/i.test(name) ? name : `${name.replace(/\.(json|txt|ndjson)$/i, '')}.jsonl`;
}

/** The JSONL file to upload, checked line by line first; undefined when an uploaded file is used. */
async function inputUpload(
	context: IExecuteSingleFunctions,
	source: InputSource,
	endpoint: BatchEndpoint,
	options: CreateOptions,
): Promise<Upload | undefined> {
	const fileName = options.fileName?.trim();
	if (source === 'requests') {
		const lines = linesFromRequests(context, endpoint);
		const problem = batchLinesProblem(lines, endpoint, (index) => `entry ${index + 1}`);
		if (problem) fail(context, `Requests: ${problem}`);
		const text = lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
		if (Buffer.byteLength(text) > MAX_INPUT_BYTES) fail(context, 'Requests: the batch file would be over 200 MB; split the requests into several batches');
		return { blob: new Blob([text], { type: 'application/jsonl' }), fileName: jsonlName(fileName || DEFAULT_FILE_NAME) };
	}
	if (source === 'binary') {
		const property = String(context.getNodeParameter('binaryPropertyName', 'data'));
		const file = await readBinaryFile(context, property, { field: 'Input Binary Field', maxBytes: MAX_INPUT_BYTES });
		const text = await file.blob.text();
		const parsed = parseJsonl(context, text, 'Input Binary Field');
		const problem = batchLinesProblem(
			parsed.map((entry) => entry.value),
			endpoint,
			(index) => `line ${parsed[index].line}`,
		);
		if (problem) fail(context, `Input Binary Field: ${problem}`);
		// The checked file goes up as it is (no second copy in memory).
		return { blob: file.blob, fileName: jsonlName(fileName || file.fileName || DEFAULT_FILE_NAME) };
	}
	return undefined;
}

const uploads = new WeakMap<object, Upload>();

/** preSend: checks every input before anything is sent, builds the batch body and prepares the JSONL upload. */
async function prepareBatch(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const source = this.getNodeParameter('inputSource', 'requests') as InputSource;
	const endpoint = this.getNodeParameter('endpoint', '/v1/chat/completions') as BatchEndpoint;
	if (!BATCH_ENDPOINTS.some((option) => option.value === endpoint)) {
		fail(this, `Endpoint: "${String(endpoint)}" is not one the Batch API runs`, `Use one of ${BATCH_ENDPOINTS.map((o) => o.value).join(', ')}.`);
	}
	const options = this.getNodeParameter('options', {}) as CreateOptions;
	const hours = options.outputExpiresAfterHours;
	if (hours !== undefined && (!Number.isInteger(hours) || hours < 1 || hours > 720)) {
		fail(this, `Output Expires After: ${hours} is not a whole number from 1 to 720`);
	}
	const metadata = metadataFrom(this, options.metadata);
	const body: BatchBody = {
		...(source === 'fileId' ? { input_file_id: idOf(this, 'inputFileId', 'Input File') } : {}),
		endpoint,
		completion_window: options.completionWindow ?? '24h',
		...(metadata ? { metadata } : {}),
		...(hours !== undefined ? { output_expires_after: { anchor: 'created_at', seconds: hours * 3600 } } : {}),
	};
	const prepared: IHttpRequestOptions = { ...requestOptions, body: body as unknown as IDataObject };
	const upload = await inputUpload(this, source, endpoint, options);
	if (upload) uploads.set(prepared, upload);
	return prepared;
}

/** Uploads the JSONL (purpose batch) when the input is not an uploaded file yet, then creates the batch. */
const uploadThenCreate: PaginationFunction = async function (this, requestData) {
	return await settle(this, async () => {
		const upload = uploads.get(requestData.options);
		const body = requestData.options.body as IDataObject;
		if (!upload && !body?.input_file_id) fail(this, 'Input: the batch file was not prepared before sending; this is a bug in the node');
		if (upload) {
			const form = new FormData();
			form.append('purpose', 'batch');
			form.append('file', upload.blob, upload.fileName);
			const reply = await openAiRequest<unknown>(this, { method: 'POST', url: '/files', body: form as unknown as IDataObject, headers: {} });
			const file = objectReply(this, reply, 'file');
			if (typeof file.id !== 'string' || !file.id) fail(this, 'The server stored the batch file but sent no file ID');
			body.input_file_id = file.id;
		}
		return await sendRequest.call(this, requestData);
	});
};

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a batch',
	description: 'Run many requests at half price within 24 hours: from a list of request bodies, a JSONL file or an uploaded file',
	routing: {
		request: { method: 'POST', url: '/batches' },
		send: { preSend: [prepareBatch] },
		operations: { pagination: uploadThenCreate },
	},
};

const show = (...inputSource: InputSource[]) => ({ show: { inputSource } });

export const createFields: INodeProperties[] = forOperation('batch', 'create', [
	{
		displayName: 'Input',
		name: 'inputSource',
		type: 'options',
		noDataExpression: true,
		default: 'requests',
		options: [
			{ name: 'Binary JSONL File', value: 'binary', description: 'A JSONL file in a binary property, one batch request per line; the node uploads it' },
			{ name: 'List of Requests', value: 'requests', description: 'Request bodies in the item (e.g. after an Aggregate node); the node writes and uploads the JSONL file' },
			{ name: 'Uploaded File', value: 'fileId', description: 'A JSONL file already uploaded with purpose "batch"' },
		],
	},
	{
		displayName: 'Endpoint',
		name: 'endpoint',
		type: 'options',
		default: '/v1/chat/completions',
		description: 'The API every request of the batch goes to',
		options: BATCH_ENDPOINTS.map((option) => ({ name: `${option.name} (${option.value})`, value: option.value })),
	},
	{
		displayName: 'Requests',
		name: 'requests',
		type: 'json',
		required: true,
		default: '={{ $json.data }}',
		displayOptions: show('requests'),
		description:
			'A list of request bodies for the endpoint, such as the list an Aggregate node makes ("All Item Data"). An entry that is already a complete batch line (custom_id, method, URL, body) is used as it is.',
	},
	{
		displayName: 'Custom ID Field',
		name: 'customIdField',
		type: 'string',
		default: 'custom_id',
		displayOptions: show('requests'),
		description:
			"Field of each entry whose value becomes the request's custom_id (and is left out of the body), to match results to requests. Empty: the requests are numbered request-1, request-2, ….",
	},
	{
		displayName: 'Body Field',
		name: 'bodyField',
		type: 'string',
		default: '',
		placeholder: 'e.g. body',
		displayOptions: show('requests'),
		description: 'Field of each entry that holds the request body. Empty: the entry itself, without the custom ID field, is the body.',
	},
	{
		...binaryPropertyField({ description: 'Name of the binary property holding the JSONL file, one request per line' }),
		displayOptions: show('binary'),
	},
	{
		...idLocatorField({
			name: 'inputFileId',
			displayName: 'Input File',
			searchListMethod: 'searchFiles',
			placeholder: 'e.g. file-abc123',
			description: 'A JSONL file uploaded with purpose "batch"',
		}),
		displayOptions: show('fileId'),
	},
	collectionField([
		{
			displayName: 'Completion Window',
			name: 'completionWindow',
			type: 'options',
			default: '24h',
			options: [{ name: '24 Hours', value: '24h' }],
			description: 'Time frame the batch is processed in (OpenAI offers 24 hours)',
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. requests.jsonl',
			description: "Name of the uploaded JSONL file. Empty: batch-input.jsonl, or the binary file's name.",
		},
		metadataField('Up to 16 key-value pairs stored with the batch, e.g. to find it again later'),
		{
			displayName: 'Output Expires After',
			name: 'outputExpiresAfterHours',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 720 },
			default: 720,
			description: 'Delete the output and error files this many hours after they are created (1 to 720)',
		},
	]),
]);
