import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { fail, locatorValue } from './validation';

/** The ID a resource locator (or plain string field) holds, trimmed; an empty one is refused naming the field. */
export function locatorId(context: IExecuteSingleFunctions, name: string, displayName: string): string {
	const id = locatorValue(context.getNodeParameter(name, '', { extractValue: true }));
	if (!id) fail(context, `${displayName}: enter an ID or pick one from the list`);
	return id;
}

/**
 * preSend: the request path from a template whose `{placeholders}` name ID fields, e.g.
 * `/vector_stores/{vectorStoreId}/files/{fileId}` with `{ vectorStoreId: 'Vector Store', fileId: 'File' }`.
 * Each ID is checked (not empty) and URL-encoded, so an ID can never change the path.
 */
export function pathWithIds(template: string, labels: Record<string, string>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const url = template.replace(/\{(\w+)\}/g, (_, name: string) =>
			encodeURIComponent(locatorId(this, name, labels[name] ?? name)),
		);
		return { ...requestOptions, url };
	};
}

/**
 * Sets a JSON body. An empty object is sent as the text `{}` with a JSON content type: n8n drops an
 * empty object body, and endpoints whose body is required (but has no required field) refuse none.
 */
export function withJsonBody(requestOptions: IHttpRequestOptions, body: object): IHttpRequestOptions {
	if (Object.keys(body).length > 0) return { ...requestOptions, body: body as IDataObject };
	return { ...requestOptions, body: '{}', headers: { ...requestOptions.headers, 'Content-Type': 'application/json' } };
}
