import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * Sets a JSON body. An empty object is sent as the text `{}` with a JSON content type: n8n drops an
 * empty object body, and endpoints whose body is required (but has no required field) refuse none.
 */
export function withJsonBody(requestOptions: IHttpRequestOptions, body: object): IHttpRequestOptions {
	if (Object.keys(body).length > 0) return { ...requestOptions, body: body as IDataObject };
	return { ...requestOptions, body: '{}', headers: { ...requestOptions.headers, 'Content-Type': 'application/json' } };
}
