/**
 * Bad input, table-driven: each row is a mistake a user can make. The error must name the field
 * and the item, and when the mistake is knowable before sending, no request may reach the server.
 * Row parameters use `{{BAD}}`: item 0 gets a good value, item 1 the bad one, so the item index
 * in the error is checked too (rows marked onlyBad run the bad item alone). The good item first
 * runs alone: it must succeed, which proves the row's good value is good and counts the requests
 * it makes, so what the bad item sent is the difference.
 */
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultServer } from '../support/faultServer';
import { openAiError, startFaultServer } from '../support/faultServer';
import type { BadInputRow, Item } from './badInputRows';
import { BAD_INPUT_ROWS } from './badInputRows';
import { goodReplyFor } from './goodReplies';

let server: FaultServer;
const outcomes: string[] = [];

beforeAll(async () => {
	server = await startFaultServer((request) =>
		request.path.includes('no-such-model') || request.body.toString().includes('no-such-model')
			? openAiError(404, 'The model `no-such-model` does not exist or you do not have access to it.', { code: 'model_not_found', param: 'model' })
			: goodReplyFor(request),
	);
});

afterAll(async () => {
	await server.stop();
	const named = outcomes.filter((line) => line.includes('| named |')).length;
	const unsent = outcomes.filter((line) => line.includes('| 0 sent |')).length;
	const serverDecides = BAD_INPUT_ROWS.filter((row) => row.serverDecides).length;
	const resources = new Set(BAD_INPUT_ROWS.map((row) => row.name.split(/[.:]/)[0])).size;
	console.log(
		`bad input: ${outcomes.length} rows over ${resources} resources, ${named} named the field and item, ${unsent} sent no request (${serverDecides} only the server can judge, 1 request each)\n| row | field | outcome | requests | error |\n|---|---|---|---|---|\n${outcomes.join('\n')}`,
	);
});

function withBad(value: unknown, bad: unknown): unknown {
	if (value === '{{BAD}}') return bad;
	if (Array.isArray(value)) return value.map((entry) => withBad(entry, bad));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withBad(v, bad)]));
	return value;
}

/** The items of a row: the good ones, then the bad one last. */
function itemsOf(row: BadInputRow): Item[] {
	if (row.binaryItems) return row.binaryItems;
	const bad = typeof row.bad === 'function' ? (row.bad as (baseUrl: string) => unknown)(server.url) : row.bad;
	const items: Item[] = [{ json: { value: row.good as IDataObject } }, { json: { value: bad as IDataObject } }];
	return row.onlyBad ? items.slice(1) : items;
}

async function run(row: BadInputRow, items: Item[]) {
	const parameters = withBad(row.parameters, row.expression ?? '={{ $json.value }}') as IDataObject;
	const before = server.requests.length;
	const result = await runWorkflow(singleNodeWorkflow(parameters, items), credentialsFor(server.url));
	return { result, sent: server.requests.length - before };
}

describe('bad input', () => {
	it('has at least 40 rows', () => expect(BAD_INPUT_ROWS.length).toBeGreaterThanOrEqual(40));

	for (const row of BAD_INPUT_ROWS) {
		it(`${row.name}: names "${row.field}"`, async () => {
			const items = itemsOf(row);
			const badIndex = items.length - 1;
			let goodSent = 0;
			if (badIndex > 0) {
				const good = await run(row, items.slice(0, badIndex));
				expect(good.result.error?.message).toBeUndefined();
				goodSent = good.sent;
			}
			const { result, sent } = await run(row, items);
			const badSent = sent - goodSent;
			const error = result.error as (Error & { description?: string; context?: IDataObject }) | undefined;
			const text = `${error?.message ?? ''} ${error?.description ?? ''}`;
			const named = Boolean(error) && text.includes(row.field) && error?.context?.itemIndex === badIndex;
			outcomes.push(`| ${row.name} | ${row.field} | ${named ? 'named' : 'NOT named'} | ${badSent} sent | ${(error?.message ?? 'no error').replace(/\|/g, '/').replace(/\n/g, ' ')} |`);
			expect(error).toBeDefined();
			expect(text).toContain(row.field);
			expect(error?.context?.itemIndex).toBe(badIndex);
			expect(badSent).toBe(row.serverDecides ? 1 : 0);
		});
	}
});
