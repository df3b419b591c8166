import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MultipartForm, binaryFromResponse, openBinaryFile, withoutContentType } from '../../shared/binary';
import { REDACTED } from '../../shared/errors';
import { binaryPropertyField, collectionField, forOperation, nameValueCollection } from '../../shared/fields';
import { DEFAULT_RETRY_POLICY } from '../../shared/retry';
import type { RetryPolicy } from '../../shared/retry';
import type { RoutingRequest } from '../../shared/transport';
import { CREDENTIAL_TYPE, retryPolicyOf, sendWithPolicy } from '../../shared/transport';
import { normalizeBaseUrl } from '../../shared/baseUrl';
import { withAccept } from '../../shared/http';
import { resolveApiPath } from './path';

interface NameValue {
	name?: string;
	value?: string;
}

interface ApiCallOptions {
	timeout?: number;
	maxRetries?: number;
	retryDelay?: number;
	exponentialBackoff?: boolean;
	retryOnAllErrors?: boolean;
	fullResponse?: boolean;
	debug?: boolean;
	outputFileName?: string;
}

/** Headers a workflow may not set: the credential alone authenticates, to the Base URL alone. */
const GUARDED_HEADERS = new Set(['authorization', 'proxy-authorization', 'host', 'cookie']);

function pairs(collection: unknown, key: string): NameValue[] {
	const list = (collection as Record<string, NameValue[] | undefined> | undefined)?.[key];
	return Array.isArray(list) ? list.filter((entry) => entry.name) : [];
}

function fail(context: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), description });
}

function parseJsonBody(context: IExecuteSingleFunctions): unknown {
	const raw = context.getNodeParameter('jsonBody', '{}') as unknown;
	if (typeof raw !== 'string') return raw;
	if (!raw.trim()) return undefined;
	try {
		return JSON.parse(raw);
	} catch (error) {
		return fail(context, 'JSON Body: not valid JSON', (error as Error).message);
	}
}

async function multipartBody(context: IExecuteSingleFunctions): Promise<MultipartForm> {
	const form = new MultipartForm();
	for (const field of pairs(context.getNodeParameter('formFields', {}), 'field')) {
		form.append(String(field.name), String(field.value ?? ''));
	}
	const files = (context.getNodeParameter('formFiles', {}) as { file?: Array<{ name?: string; binaryPropertyName?: string; fileName?: string }> }).file ?? [];
	for (const file of files) {
		const fieldName = file.name || 'file';
		const upload = await openBinaryFile(context, file.binaryPropertyName || 'data', { field: `File field "${fieldName}"` });
		form.append(fieldName, upload.blob, file.fileName || upload.fileName);
	}
	return form;
}

/** preSend: builds the call from the fields, refusing anything that would send the key elsewhere. */
async function buildApiCall(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const rawPath = this.getNodeParameter('path', '') as string;
	const resolved = resolveApiPath(rawPath, credentials.baseUrl);
	if ('refused' in resolved) fail(this, `Path: ${resolved.refused}`);
	const url = resolved.path;
	const method = (this.getNodeParameter('method', 'GET') as string).toUpperCase() as IHttpRequestOptions['method'];
	const options = this.getNodeParameter('options', {}) as ApiCallOptions;

	const headers: IDataObject = {};
	if (this.getNodeParameter('sendHeaders', false)) {
		for (const header of pairs(this.getNodeParameter('headerParameters', {}), 'parameters')) {
			const name = String(header.name).trim();
			if (GUARDED_HEADERS.has(name.toLowerCase())) {
				fail(this, `Headers: "${name}" may not be set here`, 'The credential sets authentication; the request always goes to its Base URL.');
			}
			headers[name] = header.value ?? '';
		}
	}
	const qs: IDataObject = {};
	if (this.getNodeParameter('sendQuery', false)) {
		for (const parameter of pairs(this.getNodeParameter('queryParameters', {}), 'parameters')) {
			qs[String(parameter.name)] = parameter.value ?? '';
		}
	}

	const request: IHttpRequestOptions = {
		...requestOptions,
		baseURL: normalizeBaseUrl(credentials.baseUrl),
		url,
		method,
		qs,
		headers: { ...(requestOptions.headers as IDataObject), ...headers },
	};
	const bodyType = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method ?? 'GET')
		? (this.getNodeParameter('bodyType', 'none') as string)
		: 'none';
	if (bodyType === 'json') {
		request.body = parseJsonBody(this) as IDataObject;
		request.json = true;
	} else if (bodyType === 'multipart') {
		request.body = (await multipartBody(this)) as unknown as IDataObject;
		request.headers = withoutContentType(request.headers as IDataObject) as IDataObject;
	} else {
		delete request.body;
	}
	const responseFormat = this.getNodeParameter('responseFormat', 'json') as string;
	if (responseFormat === 'binary') request.encoding = 'arraybuffer';
	else if (responseFormat === 'text') request.encoding = 'text';
	if (options.timeout) request.timeout = options.timeout;
	// Ask for the chosen response format, unless the workflow set its own Accept header.
	const requestHeaders = request.headers as IDataObject;
	if (!Object.keys(headers).some((name) => name.toLowerCase() === 'accept')) {
		for (const name of Object.keys(requestHeaders)) if (name.toLowerCase() === 'accept') delete requestHeaders[name];
		request.headers = withAccept(request).headers;
	}
	return request;
}

function fileNameFrom(response: IN8nHttpFullResponse, fallback: string): string {
	const disposition = String((response.headers as IDataObject)?.['content-disposition'] ?? '');
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
	return match ? decodeURIComponent(match[1]) : fallback;
}

/** postReceive: the reply as JSON, text or a binary file, optionally with status and headers. */
async function formatApiCallResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const responseFormat = this.getNodeParameter('responseFormat', 'json') as string;
	const options = this.getNodeParameter('options', {}) as ApiCallOptions;
	const item: INodeExecutionData = { json: {} };
	let body: unknown = response.body;
	if (responseFormat === 'binary') {
		const pathName = (this.getNodeParameter('path', '') as string).split('?')[0].split('/').filter(Boolean).pop() ?? 'response';
		const fileName = options.outputFileName || fileNameFrom(response, pathName);
		const property = this.getNodeParameter('outputBinaryPropertyName', 'data') as string;
		item.binary = { [property]: await binaryFromResponse(this, response, fileName) };
		body = undefined;
	} else if (responseFormat === 'text') {
		body = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : JSON.stringify(body ?? '');
	}
	if (options.fullResponse) {
		item.json = { statusCode: response.statusCode, headers: response.headers as IDataObject, ...(body !== undefined ? { body: body as IDataObject } : {}) };
	} else if (body !== undefined) {
		item.json = body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : { data: body as IDataObject };
	}
	return items.length ? [item] : [];
}

function apiCallRetryPolicy(context: IExecuteSingleFunctions): RetryPolicy {
	const options = context.getNodeParameter('options', {}) as ApiCallOptions;
	return {
		...DEFAULT_RETRY_POLICY,
		maxRetries: options.maxRetries ?? retryPolicyOf(context).maxRetries,
		baseDelayMs: options.retryDelay ?? DEFAULT_RETRY_POLICY.baseDelayMs,
		exponential: options.exponentialBackoff ?? true,
		retryAllErrors: options.retryOnAllErrors ?? false,
	};
}

/** "Debug Output": the request as sent, with the credential's secrets replaced. */
function addDebugOutput(context: IExecuteSingleFunctions, requestData: RoutingRequest, items: INodeExecutionData[]): INodeExecutionData[] {
	const options = context.getNodeParameter('options', {}) as ApiCallOptions;
	if (!options.debug) return items;
	const { method, baseURL, url, qs, headers, body, timeout } = requestData.options;
	const request: IDataObject = {
		method: method ?? 'GET',
		url: `${baseURL ?? ''}${url ?? ''}`,
		qs: qs ?? {},
		headers: { ...(headers as IDataObject), Authorization: `Bearer ${REDACTED}` },
		body: body instanceof MultipartForm ? { multipart: [...new Set(body.keys())] } : (body as IDataObject),
		timeout: timeout ?? null,
	};
	return items.map((item) => ({ ...item, json: { ...item.json, request } }));
}

export const requestOperation: INodePropertyOptions = {
	name: 'Request',
	value: 'request',
	action: 'Make an API call',
	description: 'Call any endpoint of the API with the credential, e.g. one this node has no operation for yet',
	routing: {
		send: { preSend: [buildApiCall] },
		operations: { pagination: sendWithPolicy(apiCallRetryPolicy, addDebugOutput) },
		output: { postReceive: [formatApiCallResponse] },
	},
};

const methodsWithBody = { method: ['POST', 'PUT', 'PATCH', 'DELETE'] };

export const requestFields: INodeProperties[] = forOperation('apiCall', 'request', [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'GET',
		options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => ({ name: m, value: m })),
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. /models or /chat/completions',
		description:
			"Path relative to the credential's Base URL. \"models\", \"/models\" and \"/v1/models\" all work. URLs to other hosts are refused.",
	},
	{ displayName: 'Send Query Parameters', name: 'sendQuery', type: 'boolean', default: false, noDataExpression: true },
	{
		...nameValueCollection({ name: 'queryParameters', displayName: 'Query Parameters', itemName: 'parameters', itemDisplayName: 'Parameter', placeholder: 'Add Parameter', startWithOne: true }),
		displayOptions: { show: { sendQuery: [true] } },
	},
	{ displayName: 'Send Headers', name: 'sendHeaders', type: 'boolean', default: false, noDataExpression: true },
	{
		...nameValueCollection({
			name: 'headerParameters',
			displayName: 'Header Parameters',
			itemName: 'parameters',
			itemDisplayName: 'Header',
			placeholder: 'Add Header',
			startWithOne: true,
			description: 'Extra headers, e.g. OpenAI-Beta. Authorization comes from the credential and cannot be set here.',
		}),
		displayOptions: { show: { sendHeaders: [true] } },
	},
	{
		displayName: 'Body',
		name: 'bodyType',
		type: 'options',
		displayOptions: { show: methodsWithBody },
		default: 'json',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'JSON', value: 'json' },
			{ name: 'Multipart Form (Files)', value: 'multipart' },
		],
	},
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		displayOptions: { show: { ...methodsWithBody, bodyType: ['json'] } },
		default: '{}',
	},
	{
		...nameValueCollection({ name: 'formFields', displayName: 'Form Fields', itemName: 'field', itemDisplayName: 'Field', placeholder: 'Add Field' }),
		displayOptions: { show: { ...methodsWithBody, bodyType: ['multipart'] } },
	},
	{
		displayName: 'Form Files',
		name: 'formFiles',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add File',
		displayOptions: { show: { ...methodsWithBody, bodyType: ['multipart'] } },
		default: {},
		options: [
			{
				name: 'file',
				displayName: 'File',
				values: [
					{ displayName: 'Field Name', name: 'name', type: 'string', default: 'file' },
					binaryPropertyField(),
					{
						displayName: 'File Name',
						name: 'fileName',
						type: 'string',
						default: '',
						description: "File name sent to the server. Empty uses the binary data's own name.",
					},
				],
			},
		],
	},
	{
		displayName: 'Response Format',
		name: 'responseFormat',
		type: 'options',
		default: 'json',
		options: [
			{ name: 'JSON', value: 'json' },
			{ name: 'Text', value: 'text' },
			{ name: 'File (Binary)', value: 'binary' },
		],
	},
	{
		...binaryPropertyField({ name: 'outputBinaryPropertyName', displayName: 'Put Output File in Field', description: 'Name of the binary property to store the file in' }),
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { responseFormat: ['binary'] } },
	},
	collectionField([
		{
			displayName: 'Debug Output',
			name: 'debug',
			type: 'boolean',
			default: false,
			description: 'Whether to add the request as sent to the output (the API key is redacted)',
		},
		{
			displayName: 'Exponential Backoff',
			name: 'exponentialBackoff',
			type: 'boolean',
			default: true,
			description: 'Whether to double the delay after each retry',
		},
		{
			displayName: 'Include Response Headers and Status',
			name: 'fullResponse',
			type: 'boolean',
			default: false,
			description: 'Whether to return the status code and headers with the body',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 2,
			description: 'How often to retry a failed request',
		},
		{
			displayName: 'Output File Name',
			name: 'outputFileName',
			type: 'string',
			default: '',
			description: 'For a file response: its name. Empty uses the server\'s name or the last path segment.',
		},
		{
			displayName: 'Retry Delay',
			name: 'retryDelay',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 500,
			description: "Milliseconds to wait before the first retry, unless the server's retry-after says otherwise",
		},
		{
			displayName: 'Retry on All Errors',
			name: 'retryOnAllErrors',
			type: 'boolean',
			default: false,
			description: 'Whether to retry any failure, not only rate limits, server errors and lost connections',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60000,
			description: 'Milliseconds to wait for the server to answer one attempt',
		},
	]),
]);
