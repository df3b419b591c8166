import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A NodeOperationError that names the field, for checks made before anything is sent. */
export function fieldError(context: IExecuteSingleFunctions, field: string, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${field}: ${message}`, {
		itemIndex: context.getItemIndex(),
		...(description ? { description } : {}),
	});
}

/** The id an `idLocatorField` holds (any mode), trimmed. */
export function locatorId(context: IExecuteSingleFunctions, parameter: string): string {
	const value = context.getNodeParameter(parameter, '', { extractValue: true }) as unknown;
	return value === undefined || value === null ? '' : String(value).trim();
}

/** The id of a required locator, or a NodeOperationError naming the field. */
export function requiredLocatorId(context: IExecuteSingleFunctions, parameter: string, label: string): string {
	const id = locatorId(context, parameter);
	if (!id) throw fieldError(context, label, 'choose one from the list or enter its ID');
	return id;
}

/**
 * preSend: puts a locator's id into the URL, e.g. `idInPath('fileId', 'File', (id) => `/files/${id}`)`.
 * An empty id would silently hit the list endpoint instead, so it is refused; the id is
 * URL-encoded, so a pasted path or URL cannot leave the intended endpoint.
 */
export function idInPath(parameter: string, label: string, path: (id: string) => string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const id = requiredLocatorId(this, parameter, label);
		return { ...requestOptions, url: path(encodeURIComponent(id)) };
	};
}
