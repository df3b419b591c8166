import type { IDataObject, IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { rateLimitReportOf } from './pacer';
import type { AttemptFailure } from './retry';
import { parseRetryAfter } from './retry';

/** OpenAI's error object: `{ error: { message, type, code, param } }`. */
export interface OpenAiErrorDetails {
	message?: string;
	type?: string;
	code?: string;
	param?: string;
}

const failures = new WeakMap<Error, AttemptFailure>();

/** What the retry loop needs to know about an error this module built. */
export function failureOf(error: unknown): AttemptFailure | undefined {
	return error instanceof Error ? failures.get(error) : undefined;
}

/** Marks an error built elsewhere (e.g. a refused redirect) as a final API failure: the retry loop passes it on as it is. */
export function asFailure<E extends Error>(error: E, failure: AttemptFailure): E {
	failures.set(error, failure);
	return error;
}

export const REDACTED = '[redacted]';

/** Replaces every secret (key, organization, project) in a text. Servers may echo a key in their message. */
export function redact(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
	}
	return out;
}

/**
 * A JSON value with every secret replaced in its strings and keys (a server may echo the key in a
 * successful reply or a header). Values without a secret are returned as they are, not copied;
 * bytes (binary data) are left alone.
 */
export function redactJson<T>(value: T, secrets: readonly string[]): T {
	const active = secrets.filter((secret) => secret && secret.length >= 4);
	if (!active.length) return value;
	const walk = (current: unknown): unknown => {
		if (typeof current === 'string') return active.some((secret) => current.includes(secret)) ? redact(current, active) : current;
		if (!current || typeof current !== 'object' || Buffer.isBuffer(current) || ArrayBuffer.isView(current) || current instanceof ArrayBuffer) return current;
		if (Array.isArray(current)) {
			let changed = false;
			const next = current.map((entry) => {
				const cleaned = walk(entry);
				changed ||= cleaned !== entry;
				return cleaned;
			});
			return changed ? next : current;
		}
		let changed = false;
		const next: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(current)) {
			const cleanKey = walk(key) as string;
			const cleaned = walk(entry);
			changed ||= cleaned !== entry || cleanKey !== key;
			next[cleanKey] = cleaned;
		}
		return changed ? next : current;
	};
	return walk(value) as T;
}

function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.map(String).join(', ');
	return value === undefined || value === null ? undefined : String(value);
}

/** Reads a body that may be a parsed object, a JSON string or a Buffer (binary operations). */
export function bodyAsObject(body: unknown): IDataObject | undefined {
	if (body && typeof body === 'object' && !Buffer.isBuffer(body) && !(body instanceof ArrayBuffer)) {
		return body as IDataObject;
	}
	let text: string | undefined;
	if (typeof body === 'string') text = body;
	else if (Buffer.isBuffer(body)) text = body.toString('utf8');
	else if (body instanceof ArrayBuffer) text = Buffer.from(body).toString('utf8');
	if (!text) return undefined;
	try {
		const parsed: unknown = JSON.parse(text);
		return parsed && typeof parsed === 'object' ? (parsed as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

/** The longest server message kept in an error: enough for any real explanation, not a whole page. */
export const MAX_SERVER_MESSAGE = 500;

function truncate(text: string, max = MAX_SERVER_MESSAGE): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Words of a value some server put where the message goes: a string, a list of them, or objects with a `msg`/`message`. */
function wordsOf(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) {
		const parts = value.map(wordsOf).filter((part): part is string => Boolean(part));
		return parts.length ? parts.join('; ') : undefined;
	}
	if (typeof value === 'object') {
		const record = value as IDataObject;
		// FastAPI's validation entries: { loc: ['body', 'model'], msg: 'field required' }.
		const where = Array.isArray(record.loc) ? `${record.loc.map(String).join('.')}: ` : '';
		const text = wordsOf(record.msg ?? record.message ?? record.detail ?? record.error);
		if (text) return `${where}${text}`;
		return JSON.stringify(value);
	}
	return undefined;
}

/** The readable text of a body that is not JSON: a plain-text reply as it is, an HTML page by its title and text. */
function textOfBody(body: unknown): string | undefined {
	let text: string | undefined;
	if (typeof body === 'string') text = body;
	else if (Buffer.isBuffer(body)) text = body.toString('utf8');
	else if (body instanceof ArrayBuffer) text = Buffer.from(body).toString('utf8');
	if (!text?.trim()) return undefined;
	if (/<(!doctype|html|head|body|title|h1|p|div)\b/i.test(text)) {
		const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
		const content = text
			.replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
			.replace(/<[^>]+>/g, ' ')
			.replace(/&nbsp;/g, ' ')
			.replace(/&amp;/g, '&')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>');
		text = [title, content].filter((part) => part?.trim()).join(': ');
		if (title && content.replace(/\s+/g, ' ').trim().startsWith(title.trim())) text = content;
	}
	return text.trim() ? text : undefined;
}

/**
 * The error's details in OpenAI's shape, from whatever shape the server used: OpenAI's
 * `{ error: { message, type, code, param } }`, `{ error: "text" }`, `{ message }` (with `errors`),
 * `{ detail }` (FastAPI, also its list of validation entries), RFC 7807's `{ title, detail }`,
 * plain text and HTML pages. The message is the server's own words, truncated.
 */
export function errorDetailsOf(body: unknown): OpenAiErrorDetails {
	const object = bodyAsObject(body);
	const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
	const words = (...values: unknown[]) => {
		const parts = values.map(wordsOf).filter((part): part is string => Boolean(part));
		return parts.length ? truncate(parts.join(': ')) : undefined;
	};
	if (!object) {
		const text = textOfBody(body);
		return text ? { message: truncate(text) } : {};
	}
	const error = object.error;
	if (error && typeof error === 'object' && !Array.isArray(error)) {
		const e = error as IDataObject;
		const message = words(e.message ?? e.detail ?? e.msg) ?? (Object.keys(e).length ? truncate(JSON.stringify(e)) : undefined);
		return { message, type: str(e.type), code: str(e.code), param: str(e.param) };
	}
	const code = str(object.code);
	const type = str(object.type);
	const withShape = (message: string | undefined): OpenAiErrorDetails =>
		Object.fromEntries(Object.entries({ message, type, code }).filter(([, value]) => value !== undefined));
	if (error !== undefined && error !== null && error !== '') return withShape(words(error, object.message ?? object.detail));
	if (object.message !== undefined && object.message !== null) return withShape(words(object.message, object.errors));
	if (object.detail !== undefined && object.detail !== null) return withShape(words(object.title, object.detail));
	if (object.errors !== undefined) return withShape(words(object.errors));
	if (typeof object.title === 'string') return withShape(words(object.title));
	return {};
}

/** Plain words for the failures users meet most, telling them what to change. */
export function hintFor(status: number, details: OpenAiErrorDetails, path = ''): string | undefined {
	const code = details.code ?? '';
	const message = (details.message ?? '').toLowerCase();
	if (/\/(assistants?|threads)\b/.test(path) && (status === 404 || status === 410) && !details.param) {
		// The endpoint itself is gone (not one object): 410, a retirement notice, or the "unknown route" answers
		// of OpenAI ("Invalid URL (POST /v1/assistants)") and of common servers ("Not Found", no error body).
		const endpointGone =
			status === 410 ||
			message.trim() === '' ||
			/deprecat|retire|no longer|not supported|invalid url|unknown (url|endpoint|route|path)|no route|^(404 )?(page )?not found\.?$/.test(message.trim());
		if (endpointGone) {
			return 'This server does not serve the Assistants API: OpenAI retired it on 2026-08-26, and some compatible servers never had it. Use the Response and Conversation resources instead.';
		}
	}
	switch (true) {
		case status === 401:
			return 'The API key was refused. Check it in the credential (platform.openai.com/api-keys) and that it was not revoked.';
		case status === 403:
			return 'The key may not use this organization, project or model, or the request comes from an unsupported region. Check Organization ID and Project ID in the credential.';
		case status === 404 && (code === 'model_not_found' || message.includes('model')):
			return 'The model does not exist or your key has no access to it. Pick one "From list", or check the ID.';
		case status === 404:
			return 'Nothing was found at this ID. Check the ID, and that the credential points at the right organization and project.';
		case status === 429 && code === 'insufficient_quota':
			return 'Your quota is used up: add credit or raise the spending limit at platform.openai.com/settings/organization/billing. Retrying does not help.';
		case status === 429:
			return 'Rate limited: too many requests or tokens per minute. The node waits rate limits out for up to "Max Rate-Limit Wait" (Settings > Request Options); raise it, or lower "Max Concurrent Requests".';
		case code === 'context_length_exceeded' || message.includes('maximum context length'):
			return "The input is longer than the model's context window. Shorten it, lower the maximum output tokens, or choose a model with a larger window.";
		case status >= 500:
			return 'The server failed to answer. This is usually temporary: the node already retried; try again later.';
		default:
			return undefined;
	}
}

function describe(parts: Array<[string, string | undefined]>): string {
	return parts
		.filter(([, value]) => value !== undefined && value !== '')
		.map(([label, value]) => `${label}: ${value}`)
		.join('; ');
}

/** A NodeApiError for an HTTP error reply, carrying OpenAI's details and the request id. */
export function apiErrorFromResponse(
	node: INode,
	response: IN8nHttpFullResponse,
	options: { itemIndex?: number; secrets: readonly string[]; path?: string },
): NodeApiError {
	const status = response.statusCode;
	const safe = (text: string | undefined) => (text === undefined ? undefined : redact(text, options.secrets));
	// Every part a server sends back may echo a credential (some servers repeat the key they got).
	const raw = errorDetailsOf(response.body);
	const details: OpenAiErrorDetails = { message: safe(raw.message), type: safe(raw.type), code: safe(raw.code), param: safe(raw.param) };
	const requestId = safe(headerValue(response.headers as IDataObject, 'x-request-id'));
	const message = details.message ?? `The server answered with HTTP ${status}`;
	const hint = hintFor(status, details, options.path);
	const description = [
		hint,
		describe([
			['Type', details.type],
			['Code', details.code],
			['Param', details.param],
			['Request ID', requestId],
		]),
	]
		.filter(Boolean)
		.join(' ');
	const errorResponse: JsonObject = {
		status,
		error: { message, type: details.type ?? null, code: details.code ?? null, param: details.param ?? null },
		requestId: requestId ?? null,
	};
	const error = new NodeApiError(node, errorResponse, {
		message,
		description: safe(description),
		httpCode: String(status),
		itemIndex: options.itemIndex,
	});
	const shouldRetry = headerValue(response.headers as IDataObject, 'x-should-retry');
	failures.set(error, {
		status,
		retryAfterMs: parseRetryAfter(response.headers as IDataObject),
		quotaExhausted: status === 429 && details.code === 'insufficient_quota',
		rateLimit: rateLimitReportOf(response.headers),
		shouldRetryHeader: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined,
	});
	return error;
}

function isEmptyBody(body: unknown): boolean {
	return body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0);
}

/**
 * The error for a 2xx reply that is not what an API sends, or undefined when it is fine. A body
 * that is still a string was not JSON (n8n's request helper parses any JSON it gets); bytes
 * (operations that ask for a file) and parsed objects are left to the operation.
 * `textAllowed`: the request asked for text (API Call's text response format).
 * `emptyAllowed`: an empty body is not an error (raw requests whose callers cope with none).
 */
export function malformedReplyError(
	node: INode,
	response: IN8nHttpFullResponse,
	options: { itemIndex?: number; secrets: readonly string[]; textAllowed?: boolean; emptyAllowed?: boolean },
): NodeApiError | undefined {
	const { body } = response;
	if (response.statusCode === 204 || Buffer.isBuffer(body) || body instanceof ArrayBuffer || (typeof body === 'object' && body !== null)) return undefined;
	const contentType = (headerValue(response.headers as IDataObject, 'content-type') ?? '').toLowerCase();
	const text = typeof body === 'string' ? body : '';
	let problem: string | undefined;
	if (isEmptyBody(body)) {
		if (!options.emptyAllowed && !contentType.startsWith('text/')) problem = 'The server sent an empty reply';
	} else if (contentType.includes('html')) {
		problem = 'The server sent an HTML page instead of an API reply';
	} else if (contentType.includes('json')) {
		problem = 'The server sent malformed JSON (the reply may have been cut off)';
	} else if (!options.textAllowed) {
		problem = 'The server sent a reply that is not JSON';
	}
	if (!problem) return undefined;
	const start = text.trim().slice(0, 120);
	return new NodeApiError(
		node,
		{ status: response.statusCode, contentType },
		{
			message: problem,
			description: redact(
				`HTTP ${response.statusCode}, content type "${contentType || 'none'}"${start ? `, reply starts with: ${start}` : ''}. Check the credential's Base URL points at an OpenAI-compatible API.`,
				options.secrets,
			),
			itemIndex: options.itemIndex,
		},
	);
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNRESET: 'The connection was reset by the server',
	ECONNREFUSED: 'The server refused the connection',
	ECONNABORTED: 'The request timed out',
	ETIMEDOUT: 'The request timed out',
	ESOCKETTIMEDOUT: 'The request timed out',
	ENOTFOUND: 'The server name could not be resolved',
	EAI_AGAIN: 'The server name could not be resolved (DNS is temporarily unavailable)',
	EPIPE: 'The connection closed while sending',
};

function networkCodeOf(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const record = current as { code?: unknown; cause?: unknown; errorResponse?: unknown };
		if (typeof record.code === 'string' && /^[A-Z_]+$/.test(record.code)) return record.code;
		current = record.cause ?? record.errorResponse;
	}
	return undefined;
}

/** HTTP status of an error thrown by n8n's request helper (when status errors are not ignored). */
function statusOf(error: unknown): number | undefined {
	const record = error as { httpCode?: unknown; cause?: { response?: { status?: unknown } } };
	const status = Number(record?.cause?.response?.status ?? record?.httpCode);
	return Number.isInteger(status) && status >= 100 ? status : undefined;
}

/**
 * A clean NodeApiError for a request that got no HTTP answer. The original error is not kept as
 * the cause: axios errors carry the request config, and with it the Authorization header.
 */
export function apiErrorFromException(
	node: INode,
	error: unknown,
	options: { itemIndex?: number; secrets: readonly string[] },
): NodeApiError {
	if (failures.has(error as Error)) return error as NodeApiError;
	const networkCode = networkCodeOf(error);
	const status = statusOf(error);
	const raw = error instanceof Error ? error.message : String(error);
	const message = redact(
		(networkCode && NETWORK_MESSAGES[networkCode]) ?? (raw || 'The request failed'),
		options.secrets,
	);
	const description = redact(
		describe([
			['Code', networkCode],
			['Details', raw && raw !== message ? raw : undefined],
		]),
		options.secrets,
	);
	const wrapped = new NodeApiError(
		node,
		{ message, networkCode: networkCode ?? null } as JsonObject,
		{ message, description: description || undefined, httpCode: status ? String(status) : undefined, itemIndex: options.itemIndex },
	);
	failures.set(wrapped, { networkCode, status });
	return wrapped;
}

/**
 * The node error to throw for a caught error: node errors pass through unchanged (their
 * constructors return the same instance), anything else, a bug included, becomes a
 * NodeOperationError whose cause is the original.
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(node, error as unknown as JsonObject);
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}
