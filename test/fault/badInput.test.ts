/**
 * Bad input, table-driven: each row is a mistake a user can make. The error must name the field
 * and the item, and when the mistake is knowable before sending, no request may reach the server.
 * Row parameters use `{{BAD}}`: item 0 gets a good value, item 1 the bad one, so the item index
 * in the error is checked too (rows marked onlyBad run the bad item alone).
 */
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultServer } from '../support/faultServer';
import { ok, openAiError, startFaultServer } from '../support/faultServer';
import { BAD_INPUT_ROWS } from './badInputRows';

let server: FaultServer;
const outcomes: string[] = [];

beforeAll(async () => {
	server = await startFaultServer((request) =>
		request.path.includes('no-such-model') || request.body.toString().includes('no-such-model')
			? openAiError(404, 'The model `no-such-model` does not exist or you do not have access to it.', { code: 'model_not_found', param: 'model' })
			: ok({ id: 'ok', object: 'ok', data: [] }),
	);
});

afterAll(async () => {
	await server.stop();
	const named = outcomes.filter((line) => line.includes('| named |')).length;
	const unsent = outcomes.filter((line) => line.includes('| 0 sent |')).length;
	const serverDecides = BAD_INPUT_ROWS.filter((row) => row.serverDecides).length;
	console.log(`bad input: ${outcomes.length} rows, ${named} named the field and item, ${unsent} sent no request (${serverDecides} only the server can judge)\n| row | field | outcome | requests | error |\n|---|---|---|---|---|\n${outcomes.join('\n')}`);
});

function withBad(value: unknown, bad: unknown): unknown {
	if (value === '{{BAD}}') return bad;
	if (Array.isArray(value)) return value.map((entry) => withBad(entry, bad));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withBad(v, bad)]));
	return value;
}

describe('bad input', () => {
	it('has at least 40 rows', () => expect(BAD_INPUT_ROWS.length).toBeGreaterThanOrEqual(40));

	for (const row of BAD_INPUT_ROWS) {
		it(`${row.name}: names "${row.field}"`, async () => {
			const before = server.requests.length;
			// Item 0 has the good value, item 1 the bad one, each reaching the field through an expression.
			const items = [{ json: { value: row.good as IDataObject } }, { json: { value: row.bad as IDataObject } }].slice(row.onlyBad ? 1 : 0);
			const badIndex = row.onlyBad ? 0 : 1;
			const parameters = withBad(row.parameters, row.expression ?? '={{ $json.value }}') as IDataObject;
			const result = await runWorkflow(singleNodeWorkflow(parameters, row.binaryItems ?? items), credentialsFor(server.url));
			const sent = server.requests.length - before;
			// Item 0 is valid and is sent; what matters is what item 1, the bad one, sent.
			const badSent = sent - (row.binaryItems || row.onlyBad ? 0 : 1);
			const error = result.error as (Error & { description?: string; context?: IDataObject }) | undefined;
			const text = `${error?.message ?? ''} ${error?.description ?? ''}`;
			const named = Boolean(error) && text.includes(row.field) && (row.binaryItems !== undefined || error?.context?.itemIndex === badIndex);
			outcomes.push(`| ${row.name} | ${row.field} | ${named ? 'named' : 'NOT named'} | ${badSent} sent | ${(error?.message ?? 'no error').replace(/\|/g, '/')} |`);
			expect(error).toBeDefined();
			expect(text).toContain(row.field);
			if (row.binaryItems === undefined) expect(error?.context?.itemIndex).toBe(badIndex);
			expect(badSent).toBe(row.serverDecides ? 1 : 0);
		});
	}
});
