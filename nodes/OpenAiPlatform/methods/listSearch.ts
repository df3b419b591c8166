import type {
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { normalizeBaseUrl } from '../shared/baseUrl';
import type { ModelCapability } from '../shared/models';
import { MODEL_CAPABILITIES, listedFor, searchMethodFor } from '../shared/models';
import { apiErrorFromResponse, bodyAsObject, redact, redactJson } from '../shared/errors';
import { isRedirect, redirectError, withinDeadline } from '../shared/http';
import { CREDENTIAL_TYPE, secretValuesOf } from '../shared/transport';

type ListSearchMethod = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

/** GET on the credential's Base URL for the editor's dropdowns. */
export async function loadOptionsRequest(
	context: ILoadOptionsFunctions,
	url: string,
	qs: IDataObject = {},
	headers: IDataObject = {},
): Promise<IDataObject> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const secrets = secretValuesOf(credentials);
	const baseURL = normalizeBaseUrl(credentials.baseUrl);
	const request: IHttpRequestOptions = {
		method: 'GET',
		baseURL,
		url,
		qs,
		headers: { Accept: 'application/json', ...headers },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	};
	const reply = await withinDeadline(request, async () => (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, request)) as IN8nHttpFullResponse);
	if (isRedirect(reply.statusCode)) throw redirectError(context.getNode(), reply, { requestUrl: `${baseURL}${url}`, redact: (text) => redact(text, secrets) });
	if (reply.statusCode >= 400) throw apiErrorFromResponse(context.getNode(), reply, { secrets, path: url });
	return redactJson(bodyAsObject(reply.body) ?? {}, secrets);
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

function modelSearch(capability: ModelCapability): ListSearchMethod {
	return async function (this, filter) {
		// Filtered by capability on any server where the filter knows the id; ids it does not know are listed too.
		const body = await loadOptionsRequest(this, '/models');
		const models = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
		const results: INodeListSearchItems[] = models
			.map((model) => String(model.id ?? ''))
			.filter((id) => id && listedFor(id, capability) && matches(filter, id))
			.sort((a, b) => a.localeCompare(b))
			.map((id) => ({ name: id, value: id }));
		return { results };
	};
}

/** A paged search over one of the account's object lists (files, assistants, vector stores, ...). */
export function objectSearch(
	url: string,
	describe: (object: IDataObject) => string,
	headers: IDataObject = {},
): ListSearchMethod {
	return async function (this, filter, paginationToken) {
		const body = await loadOptionsRequest(
			this,
			url,
			{ limit: 100, ...(paginationToken ? { after: paginationToken } : {}) },
			headers,
		);
		const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
		const results = data
			.filter((object) => object.id !== undefined && matches(filter, object.id, describe(object)))
			.map((object) => ({ name: describe(object), value: String(object.id) }));
		const last = data[data.length - 1];
		const next = body.has_more ? ((body.last_id as string | undefined) ?? (last?.id as string | undefined)) : undefined;
		return { results, ...(next ? { paginationToken: next } : {}) };
	};
}

export const modelSearches: Record<string, ListSearchMethod> = Object.fromEntries(
	MODEL_CAPABILITIES.map((capability) => [searchMethodFor(capability), modelSearch(capability)]),
);

/** Files, named by file name and purpose; other resources (batches, vector stores) may reuse it. */
export const searchFiles = objectSearch('/files', (file) =>
	`${String(file.filename ?? file.id)}${file.purpose ? ` (${String(file.purpose)})` : ''}`,
);

/** Fine-tuning jobs, named by model, status and id. */
export const searchFineTuningJobs = objectSearch('/fine_tuning/jobs', (job) =>
	[job.fine_tuned_model || job.model, job.status ? `[${String(job.status)}]` : '', job.id].filter(Boolean).map(String).join(' '),
);
