import type { IExecuteSingleFunctions, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * The shared send path (openAiRequest, the batch helpers) takes an IExecuteSingleFunctions: besides what
 * every n8n context has (credentials, parameters, HTTP helpers, node) it reads only the item index, for
 * its errors. A webhook has one item, the delivery, so the webhook's own context serves as item 0.
 */
export function asItemContext(context: IWebhookFunctions | IHookFunctions): IExecuteSingleFunctions {
	return Object.assign(Object.create(context) as object, { getItemIndex: () => 0 }) as unknown as IExecuteSingleFunctions;
}
