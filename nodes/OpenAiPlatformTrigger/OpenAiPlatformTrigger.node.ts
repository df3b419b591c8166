import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { requestOptionsProperty } from '../OpenAiPlatform/shared/fields';
import { CREDENTIAL_TYPE } from '../OpenAiPlatform/shared/transport';
import { ALL_EVENTS, WEBHOOK_EVENTS, isSelected } from './events';
import type { OutputOptions } from './output';
import { eventItems, parseEvent } from './output';
import { replayGuardFor, signingKeyOf, verifyDelivery } from './signature';

export const WEBHOOK_CREDENTIAL_TYPE = 'openAiPlatformWebhookApi';

function outputOptionsOf(context: IWebhookFunctions | IHookFunctions): OutputOptions {
	return {
		fetchObject: context.getNodeParameter('fetchObject', false) as boolean,
		resultsAsItems: context.getNodeParameter('resultsAsItems', false) as boolean,
	};
}

function headerOf(context: IWebhookFunctions, name: string): string | undefined {
	const value = context.getHeaderData()[name];
	return Array.isArray(value) ? value.join(' ') : value;
}

/** The HMAC key of the credential's secret, or the error message saying what is wrong with it. */
function signingKeyOrProblem(secret: unknown): { key: Buffer } | { problem: string } {
	const signing = signingKeyOf(secret);
	return 'key' in signing ? signing : { problem: `Signing Secret: ${signing.problem}` };
}

/** Answers the delivery itself (status and a short JSON reason) and starts no execution. */
function answer(context: IWebhookFunctions, status: number, body: object): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

export class OpenAiPlatformTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Platform Trigger',
		name: 'openAiPlatformTrigger',
		icon: { light: 'file:../OpenAiPlatform/openAiPlatform.svg', dark: 'file:../OpenAiPlatform/openAiPlatform.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] ?? []).includes("*") ? "All events" : ($parameter["events"] ?? []).join(", ") }}',
		description: "Starts the workflow when OpenAI sends a signed webhook event: a batch, background response, fine-tuning job or eval run ended, or a call came in",
		defaults: { name: 'OpenAI Platform Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			// Literal names: n8n's linter reads them from the source.
			{ name: 'openAiPlatformWebhookApi', required: true, testedBy: 'checkSigningSecret' },
			{ name: 'openAiPlatformApi', required: false },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		eventTriggerDescription: 'Waiting for an event from OpenAI',
		activationMessage: "Events OpenAI sends to this workflow's Production URL now start it.",
		properties: [
			{
				displayName:
					"Add this node's Production URL as a webhook endpoint in OpenAI's dashboard (Settings → Webhooks), pick the same events there, and put the endpoint's signing secret into the credential",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [ALL_EVENTS],
				options: [{ name: 'All Events', value: ALL_EVENTS, description: 'Every event, also ones OpenAI adds later' }, ...WEBHOOK_EVENTS],
				description: 'The events that start the workflow. Others are acknowledged and start nothing.',
			},
			{
				displayName: 'Fetch the Object',
				name: 'fetchObject',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the batch, response or fine-tuning job the event names, read with the OpenAI Platform API credential, as "object"',
			},
			{
				displayName: 'Results as Items',
				name: 'resultsAsItems',
				type: 'boolean',
				default: false,
				displayOptions: { show: { events: [ALL_EVENTS, 'batch.completed'] } },
				description:
					"Whether batch.completed gives one item per request of the batch (custom_id, status code, body and text, or the error, with the event), read with the OpenAI Platform API credential",
			},
			requestOptionsProperty,
		],
	};

	methods = {
		credentialTest: {
			/** OpenAI has no request that proves a signing secret, so the test checks that it is one. */
			async checkSigningSecret(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const signing = signingKeyOrProblem(credential.data?.secret);
				return 'key' in signing ? { status: 'OK', message: 'The signing secret is well formed' } : { status: 'Error', message: signing.problem };
			},
		},
	};

	/**
	 * OpenAI has no API for webhook endpoints: the user registers the Production URL in the dashboard.
	 * Activation therefore only checks what a delivery will need, so a bad secret or a missing API
	 * credential fails the activation with a clear message instead of refusing or breaking every event.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const { secret } = await this.getCredentials(WEBHOOK_CREDENTIAL_TYPE);
				const signing = signingKeyOrProblem(secret);
				if ('problem' in signing) throw new NodeOperationError(this.getNode(), signing.problem);
				const { fetchObject, resultsAsItems } = outputOptionsOf(this);
				if (fetchObject || resultsAsItems) {
					try {
						await this.getCredentials(CREDENTIAL_TYPE);
					} catch (error) {
						throw new NodeOperationError(
							this.getNode(),
							`${fetchObject ? 'Fetch the Object' : 'Results as Items'} needs an OpenAI Platform API credential`,
							{ description: `Select one in the node's second credential field. (${(error as Error).message})` },
						);
					}
				}
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				this.logger.info(`OpenAI Platform Trigger: register ${this.getNodeWebhookUrl('default') ?? "this node's URL"} in OpenAI's dashboard (Settings → Webhooks)`);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// The endpoint stays in OpenAI's dashboard until the user removes it there; deliveries to it now get n8n's 404.
				return true;
			},
		},
	};

	/**
	 * Verifies the delivery before anything runs: 400 for missing or malformed headers or body, 401 for a
	 * signature that does not match or a timestamp more than 5 minutes off, 409 for a webhook-id already
	 * accepted. A good delivery is answered 200 at once (by n8n once the execution is registered, or by
	 * the node before it reads objects from the API).
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { secret } = await this.getCredentials(WEBHOOK_CREDENTIAL_TYPE);
		const signing = signingKeyOrProblem(secret);
		if ('problem' in signing) {
			this.logger.warn(`OpenAI Platform Trigger cannot verify deliveries: ${signing.problem}`);
			return answer(this, 500, { error: 'the signing secret of this endpoint is not set up in n8n' });
		}
		// n8n's body parser keeps the bytes as received (request.rawBody) for every body but multipart form data.
		const { rawBody } = this.getRequestObject();
		if (!Buffer.isBuffer(rawBody)) return answer(this, 400, { error: 'the body could not be read as sent; OpenAI sends events as JSON' });
		const nowSeconds = Math.floor(Date.now() / 1000);
		const verdict = verifyDelivery(
			{
				id: headerOf(this, 'webhook-id'),
				timestamp: headerOf(this, 'webhook-timestamp'),
				signature: headerOf(this, 'webhook-signature'),
				rawBody,
			},
			signing.key,
			nowSeconds,
		);
		if (!verdict.ok) {
			this.logger.warn(`OpenAI Platform Trigger refused a delivery (${verdict.status}): ${verdict.reason}`);
			return answer(this, verdict.status, { error: verdict.reason });
		}
		const event = parseEvent(rawBody);
		if (!event) return answer(this, 400, { error: 'the body is not an OpenAI event (a JSON object with id and type)' });
		// The Test URL (mode manual) and the Production URL are two endpoints at OpenAI, which may send both the same message.
		const guard = replayGuardFor(`${String(this.getWorkflow().id ?? '')}:${this.getMode()}`, this.getNode().id ?? this.getNode().name);
		if (!guard.accept(verdict.id, verdict.timestamp, nowSeconds)) {
			this.logger.warn(`OpenAI Platform Trigger refused a replayed delivery (409): webhook-id ${verdict.id}`);
			return answer(this, 409, { error: 'this webhook-id was already received' });
		}
		if (!isSelected(this.getNodeParameter('events', [ALL_EVENTS]), event.type)) {
			return answer(this, 200, { received: true, started: false });
		}
		const options = outputOptionsOf(this);
		if (!options.fetchObject && !options.resultsAsItems) {
			return { workflowData: [await eventItems(this, event, options)] };
		}
		// Reading objects may take retries; OpenAI wants its answer within seconds.
		this.getResponseObject().status(200).json({ received: true, started: true });
		return { workflowData: [await eventItems(this, event, options)], noWebhookResponse: true };
	}
}
