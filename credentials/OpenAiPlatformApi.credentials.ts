import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL, normalizeBaseUrl } from '../nodes/OpenAiPlatform/shared/baseUrl';

export class OpenAiPlatformApi implements ICredentialType {
	name = 'openAiPlatformApi';

	displayName = 'OpenAI Platform API';

	icon: Icon = {
		light: 'file:../nodes/OpenAiPlatform/openAiPlatform.svg',
		dark: 'file:../nodes/OpenAiPlatform/openAiPlatform.dark.svg',
	};

	documentationUrl = 'https://platform.openai.com/docs/api-reference/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your secret key from platform.openai.com/api-keys',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: 'e.g. org-...',
			description:
				'Only needed when your key belongs to several organizations. Sent as the OpenAI-Organization header.',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			placeholder: 'e.g. proj_...',
			description: 'Bills requests to this project. Sent as the OpenAI-Project header.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Change it to use an OpenAI-compatible server. For api.openai.com the /v1 is added when missing.',
		},
	];

	// A function rather than a header template: the organization and project headers must be absent, not empty, when unset.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: Record<string, string> = {
			...(requestOptions.headers as Record<string, string> | undefined),
			Authorization: `Bearer ${String(credentials.apiKey ?? '')}`,
		};
		if (credentials.organizationId) headers['OpenAI-Organization'] = String(credentials.organizationId);
		if (credentials.projectId) headers['OpenAI-Project'] = String(credentials.projectId);
		const baseURL =
			requestOptions.baseURL === undefined ? undefined : normalizeBaseUrl(requestOptions.baseURL);
		return { ...requestOptions, ...(baseURL ? { baseURL } : {}), headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/models',
		},
	};
}
