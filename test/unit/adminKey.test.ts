/** The credential's Admin API Key: sent to the organization endpoints only, instead of the key. */
import { OpenAiPlatformApi } from '../../credentials/OpenAiPlatformApi.credentials';

const credential = new OpenAiPlatformApi();
const credentials = { apiKey: 'sk-test', adminApiKey: 'sk-admin-test', organizationId: '', projectId: '', baseUrl: 'https://api.openai.com/v1' };
const authorizationFor = async (url: string, extra: Record<string, unknown> = {}) =>
	((await credential.authenticate({ ...credentials, ...extra }, { url, ...(url.startsWith('http') ? {} : { baseURL: 'https://api.openai.com/v1' }) })).headers as Record<string, string>).Authorization;

describe('Admin API Key', () => {
	it('is a password field, optional', () => {
		expect(credential.properties.find((property) => property.name === 'adminApiKey')).toMatchObject({ type: 'string', typeOptions: { password: true }, default: '' });
		expect(credential.properties.find((property) => property.name === 'adminApiKey')?.required).toBeFalsy();
	});

	it.each(['/organization/costs', 'organization/usage/completions', '/organization/audit_logs?limit=5', '/organization'])('goes to %s', async (url) => {
		expect(await authorizationFor(url)).toBe('Bearer sk-admin-test');
	});

	it.each(['/models', '/files', '/organizations', '/v1/organization/costs', '/organization/../files', '/organization/%2e%2e/files', 'https://evil.example/organization/costs', '/fine_tuning/checkpoints/x/permissions'])(
		'never goes to %s',
		async (url) => {
			expect(await authorizationFor(url)).toBe('Bearer sk-test');
		},
	);

	it('leaves the organization endpoints with the key when there is no admin key', async () => {
		expect(await authorizationFor('/organization/costs', { adminApiKey: '' })).toBe('Bearer sk-test');
	});
});
