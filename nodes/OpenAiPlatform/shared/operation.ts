import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { forOperation, operationSelector, returnAllOrLimitFields } from './fields';
import { pathWithIds } from './ids';
import { isPlainObject } from './validation';
import type { PaginationFunction } from './transport';
import { paginateCursor } from './transport';

export interface OperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	method: 'GET' | 'POST' | 'DELETE';
	/** Path template whose `{placeholders}` name id fields, e.g. `/evals/{evalId}/runs/{runId}`. */
	path: string;
	/** The display names of the ids in the path, for their errors. */
	ids?: Record<string, string>;
	/** The operation's fields, in the order the editor shows them (a list's Return All and Limit come after them). */
	fields?: INodeProperties[];
	/** Fields shown after Return All and Limit (e.g. a list's filters). */
	trailingFields?: INodeProperties[];
	/** preSend hooks run after the path is set, e.g. the body builder. A POST without one sends no body. */
	preSend?: PreSendAction[];
	/** A list walked with OpenAI's cursor (`paginateCursor`): adds Return All and Limit. */
	list?: { pageSize?: number | null };
	/** A custom send (e.g. a multi-step operation or another paging scheme); replaces the shared send path. */
	pagination?: PaginationFunction;
	/** Fields the list's Return All and Limit give, when the custom pagination reads them. */
	returnAllOrLimit?: boolean;
	headers?: IDataObject;
	encoding?: IHttpRequestOptions['encoding'];
	postReceive?: PostReceiveAction[];
}

/** POSTs that take no body (cancel): drop the empty object RoutingNode starts with. */
export async function withoutBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const rest = { ...requestOptions };
	delete rest.body;
	return rest;
}

/**
 * One operation of a resource from its method, path and fields: the ids in the path are checked and
 * URL-encoded (`pathWithIds`), a list follows the cursor, a body-less POST sends no body.
 */
export function defineOperation(resource: string, spec: OperationSpec): { operation: INodePropertyOptions; fields: INodeProperties[] } {
	const preSend: PreSendAction[] = [pathWithIds(spec.path, spec.ids ?? {})];
	if (spec.preSend) preSend.push(...spec.preSend);
	else if (spec.method === 'POST') preSend.push(withoutBody);
	const pagination = spec.pagination ?? (spec.list ? paginateCursor({ pageSize: spec.list.pageSize ?? 100 }) : undefined);
	const operation: INodePropertyOptions = {
		name: spec.name,
		value: spec.value,
		action: spec.action,
		description: spec.description,
		routing: {
			request: {
				method: spec.method,
				...(spec.headers ? { headers: spec.headers } : {}),
				...(spec.encoding ? { encoding: spec.encoding } : {}),
			},
			send: { preSend },
			...(pagination ? { operations: { pagination } } : {}),
			...(spec.postReceive ? { output: { postReceive: spec.postReceive } } : {}),
		},
	};
	const paged = spec.list !== undefined || spec.returnAllOrLimit === true;
	const fields = forOperation(resource, spec.value, [
		...(spec.fields ?? []),
		...(paged ? returnAllOrLimitFields() : []),
		...(spec.trailingFields ?? []),
	]);
	return { operation, fields };
}

/** postReceive: one item per entry of the reply's `data` list (a reply without one gives none). */
export async function dataItems(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.flatMap((item) => {
		const data = Array.isArray(item.json.data) ? (item.json.data as unknown[]) : [];
		return data.filter(isPlainObject).map((json) => ({ json: json as IDataObject }));
	});
}

/** A resource's properties: its operation selector, then each operation's fields, in the order given. */
export function resourceDescription(resource: string, defaultOperation: string, operations: ReadonlyArray<readonly [INodePropertyOptions, INodeProperties[]]>): INodeProperties[] {
	return [operationSelector(resource, operations.map(([operation]) => operation), defaultOperation), ...operations.flatMap(([, fields]) => fields)];
}
