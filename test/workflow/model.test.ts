import nock from 'nock';

import { TEST_API_KEY, credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';

const BASE = 'https://api.openai.com';
const credentials = credentialsFor('https://api.openai.com/v1');

beforeAll(() => { nock.disableNetConnect(); nock.emitter.on('no match', (req: { method?: string; path?: string; headers?: unknown; options?: { host?: string; headers?: unknown } }) => console.log('NO MATCH', req.method, req.path, req.options?.host, req.headers ?? req.options?.headers)); });
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('model.getAll', () => {
	it('lists models as items with the bearer key', async () => {
		const scope = nock(BASE)
			.get('/v1/models')
			.matchHeader('authorization', `Bearer ${TEST_API_KEY}`)
			.reply(200, {
				object: 'list',
				data: [
					{ id: 'gpt-4.1-mini', object: 'model', created: 1, owned_by: 'system' },
					{ id: 'dall-e-3', object: 'model', created: 2, owned_by: 'system' },
				],
			});
		const result = await runWorkflow(singleNodeWorkflow({ resource: 'model', operation: 'getAll', returnAll: true }), credentials);
		expect(result.error).toBeUndefined();
		expect(result.output('OpenAI').map((i) => i.json.id)).toEqual(['gpt-4.1-mini', 'dall-e-3']);
		expect(result.output('OpenAI')[0].pairedItem).toEqual({ item: 0 });
		scope.done();
	});
});
