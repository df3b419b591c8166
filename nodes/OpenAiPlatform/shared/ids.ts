import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { fail, locatorValue } from './validation';

interface IdFieldOptions {
	name: string;
	displayName: string;
	placeholder: string;
	description?: string;
	required?: boolean;
}

/** An id typed or mapped as plain text, for objects the API has no list endpoint for (responses, conversations). */
export function idField({ name, displayName, placeholder, description, required = true }: IdFieldOptions): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required,
		default: '',
		placeholder,
		...(description ? { description } : {}),
	};
}

/** The trimmed id of an id field or resource locator (any mode); empty when none is given. */
export function optionalIdOf(context: IExecuteSingleFunctions, name: string): string {
	return locatorValue(context.getNodeParameter(name, '', { extractValue: true }));
}

/**
 * The trimmed id of an id field or resource locator. An empty one, or one that could change the
 * path it is put into (a slash, "?", "#" or a space), stops the item naming the field.
 */
export function idOf(context: IExecuteSingleFunctions, name: string, displayName: string): string {
	const id = optionalIdOf(context, name);
	if (!id) {
		const isLocator = typeof context.getNodeParameter(name, '') === 'object';
		fail(context, `${displayName}: ${isLocator ? 'choose one from the list or enter its ID' : 'is empty'}`);
	}
	if (/[/?#\s]/.test(id)) fail(context, `${displayName}: "${id}" is not a valid ID (it contains a slash, "?", "#" or a space)`);
	return id;
}

/**
 * preSend: the request path from a template whose `{placeholders}` name id fields, e.g.
 * `/vector_stores/{vectorStoreId}/files/{fileId}` with `{ vectorStoreId: 'Vector Store', fileId: 'File' }`.
 * Each id is checked by `idOf` and URL-encoded, so an id can never leave the intended endpoint.
 */
export function pathWithIds(template: string, labels: Record<string, string>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(idOf(this, name, labels[name] ?? name)));
		return { ...requestOptions, url };
	};
}

/** preSend for a path with one id, e.g. `idInPath('/responses/{id}/cancel', 'responseId', 'Response ID')`. */
export function idInPath(template: string, name: string, displayName: string): PreSendAction {
	return pathWithIds(template.replace('{id}', `{${name}}`), { [name]: displayName });
}
