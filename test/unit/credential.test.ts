/** The credential's authenticate: headers, and the Base URL it adds for the node's own requests. */
import { OpenAiPlatformApi } from '../../credentials/OpenAiPlatformApi.credentials';

const credential = new OpenAiPlatformApi();
const credentials = { apiKey: 'sk-test', organizationId: 'org-1', projectId: '', baseUrl: 'https://api.openai.com/' };

describe('OpenAiPlatformApi.authenticate', () => {
	it("sends the node's relative requests to the credential's Base URL (normalized), with the key", async () => {
		const request = await credential.authenticate(credentials, { url: '/chat/completions', method: 'POST', headers: { Accept: 'application/json' } });
		expect(request).toMatchObject({ baseURL: 'https://api.openai.com/v1', url: '/chat/completions' });
		expect(request.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer sk-test', 'OpenAI-Organization': 'org-1' });
	});

	it('normalizes a Base URL the request already has, and leaves an absolute URL alone', async () => {
		expect((await credential.authenticate(credentials, { baseURL: 'https://api.openai.com', url: '/models' })).baseURL).toBe('https://api.openai.com/v1');
		const absolute = await credential.authenticate(credentials, { url: 'https://example.com/hook' });
		expect(absolute.baseURL).toBeUndefined();
		expect(absolute.url).toBe('https://example.com/hook');
	});

	it("lets a credential restricted to a list of domains reach its own Base URL's host, as a node-owned Base URL would", async () => {
		const compatible = { ...credentials, baseUrl: 'http://llm.internal:8000/v1' };
		const request = await credential.authenticate(compatible, { url: '/chat/completions', allowedDomains: 'example.com' });
		expect(request.allowedDomains).toBe('llm.internal, example.com');
		const listed = await credential.authenticate(compatible, { url: '/chat/completions', allowedDomains: 'example.com, LLM.internal' });
		expect(listed.allowedDomains).toBe('example.com, LLM.internal');
		const unrestricted = await credential.authenticate(compatible, { url: '/chat/completions' });
		expect(unrestricted.allowedDomains).toBeUndefined();
		const absolute = await credential.authenticate(compatible, { url: 'https://other.example/x', allowedDomains: 'example.com' });
		expect(absolute.allowedDomains).toBe('example.com');
	});
});
