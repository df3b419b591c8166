import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The signing secret of one webhook endpoint in OpenAI's dashboard. Each endpoint has its own, so it is
 * a credential apart from the API key. The OpenAI Platform Trigger tests it (testedBy): the secret is
 * checked locally, since OpenAI offers no request that proves a signing secret.
 */
export class OpenAiPlatformWebhookApi implements ICredentialType {
	name = 'openAiPlatformWebhookApi';

	displayName = 'OpenAI Platform Webhook API';

	icon: Icon = {
		light: 'file:../nodes/OpenAiPlatform/openAiPlatform.svg',
		dark: 'file:../nodes/OpenAiPlatform/openAiPlatform.dark.svg',
	};

	documentationUrl = 'https://platform.openai.com/docs/guides/webhooks';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. whsec_...',
			description:
				"The webhook endpoint's signing secret, shown once when you create the endpoint in OpenAI's dashboard (Settings → Webhooks)",
		},
	];
}
