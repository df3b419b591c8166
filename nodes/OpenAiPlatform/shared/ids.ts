import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail } from './validation';

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

/** The trimmed id of an id field; an empty one or one with a slash stops the item. */
export function idOf(context: IExecuteSingleFunctions, name: string, displayName: string): string {
	const raw = context.getNodeParameter(name, '') as unknown;
	const id = (typeof raw === 'object' && raw !== null ? String((raw as { value?: unknown }).value ?? '') : String(raw ?? '')).trim();
	if (!id) fail(context, `${displayName}: is empty`);
	if (/[/?#\s]/.test(id)) fail(context, `${displayName}: "${id}" is not a valid ID (it contains a slash, "?", "#" or a space)`);
	return id;
}

/** preSend: puts an id field into the path, e.g. `idInPath('/responses/{id}/cancel', 'responseId', 'Response ID')`. */
export function idInPath(template: string, name: string, displayName: string) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		requestOptions.url = template.replace('{id}', encodeURIComponent(idOf(this, name, displayName)));
		return requestOptions;
	};
}
