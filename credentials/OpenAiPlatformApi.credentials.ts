import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL, normalizeBaseUrl } from '../nodes/OpenAiPlatform/shared/baseUrl';
import { credentialRequestPolicy } from '../nodes/OpenAiPlatform/shared/http';

const isAbsoluteUrl = (url: unknown) => typeof url === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(url);

/**
 * The admin key goes only to the organization endpoints, by a relative path (so only to the Base URL's origin). A
 * path with a dot segment could resolve elsewhere (/organization/../files), so it gets the ordinary key.
 */
const isOrganizationPath = (url: unknown) =>
	typeof url === 'string' && /^\/?organization(\/|\?|$)/.test(url) && !/(^|\/)(\.|%2e){1,2}(\/|\?|#|$)/i.test(url.split('?')[0]);

/**
 * A credential restricted to a list of domains still reaches its own Base URL from this node, as n8n allows for a
 * node whose requestDefaults name the Base URL (its host joins the list); only requests to that URL get here.
 */
function withOwnHost(allowedDomains: string | undefined, baseURL: string): Pick<IHttpRequestOptions, 'allowedDomains'> {
	if (!allowedDomains) return {};
	let host: string;
	try {
		host = new URL(baseURL).hostname.toLowerCase();
	} catch {
		return {};
	}
	const listed = allowedDomains.split(',').map((domain) => domain.trim().toLowerCase());
	return listed.includes(host) || host.includes(',') ? {} : { allowedDomains: `${host}, ${allowedDomains}` };
}

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
			displayName: 'Admin API Key',
			name: 'adminApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. Only for the Organization resource (costs, usage, audit logs, projects): an admin key from platform.openai.com/settings/organization/admin-keys. Sent only to /organization/ endpoints.',
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

	// Every request that carries the key passes here, so here redirects are turned off (the key never follows one to
	// another origin) and the node's per-attempt deadline joins the request (see credentialRequestPolicy).
	// A function rather than a header template: the organization and project headers must be absent, not empty, when unset.
	// It also supplies the Base URL: the node's requestDefaults leave it out, because n8n's RoutingNode would otherwise
	// evaluate a `={{ $credentials.baseUrl }}` expression twice for every item (about 0.3 ms each in n8n's isolated-vm).
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: Record<string, string> = {
			...(requestOptions.headers as Record<string, string> | undefined),
			Authorization: `Bearer ${String(credentials.apiKey ?? '')}`,
		};
		if (credentials.adminApiKey && isOrganizationPath(requestOptions.url)) headers.Authorization = `Bearer ${String(credentials.adminApiKey)}`;
		if (credentials.organizationId) headers['OpenAI-Organization'] = String(credentials.organizationId);
		if (credentials.projectId) headers['OpenAI-Project'] = String(credentials.projectId);
		const policy = credentialRequestPolicy(requestOptions);
		if (requestOptions.baseURL !== undefined) {
			return { ...requestOptions, baseURL: normalizeBaseUrl(requestOptions.baseURL), headers, ...policy };
		}
		// A request without a Base URL (the node's own, through RoutingNode) goes to the credential's. An absolute URL
		// (e.g. the HTTP Request node with this credential) is left as it is.
		if (isAbsoluteUrl(requestOptions.url)) return { ...requestOptions, headers, ...policy };
		const baseURL = normalizeBaseUrl(credentials.baseUrl);
		return { ...requestOptions, baseURL, headers, ...withOwnHost(requestOptions.allowedDomains, baseURL), ...policy };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/models',
		},
		// The test follows no redirect either (see authenticate): a Base URL that redirects fails it with these words.
		rules: [301, 302, 303, 307, 308].map((status) => ({
			type: 'responseCode' as const,
			properties: {
				value: status,
				message: `The Base URL answered with a redirect (HTTP ${status}), which is never followed, so the key only goes to the Base URL. Set the Base URL to the address it redirects to (check https and /v1).`,
			},
		})),
	};
}
