import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodePropertyOptions } from 'n8n-workflow';

import { buildCreateBody } from './createBody';

/** What POST /responses/input_tokens takes of a create body (spec 2.3.0 TokenCountsBody). */
const COUNTED = ['model', 'input', 'previous_response_id', 'tools', 'text', 'reasoning', 'truncation', 'instructions', 'conversation', 'tool_choice', 'parallel_tool_calls'];

/** preSend: the create body, less what does not change the count (sampling, storage, metadata, ...). */
async function keepCountedFields(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	return { ...requestOptions, body: Object.fromEntries(Object.entries(body).filter(([key]) => COUNTED.includes(key))) };
}

export const countInputTokensOperation: INodePropertyOptions = {
	name: 'Count Input Tokens',
	value: 'countInputTokens',
	action: 'Count the input tokens of a response',
	description: 'Count the tokens a Create with the same input, tools and instructions would take in, without generating anything',
	routing: {
		request: { method: 'POST', url: '/responses/input_tokens' },
		send: { preSend: [buildCreateBody, keepCountedFields] },
	},
};
