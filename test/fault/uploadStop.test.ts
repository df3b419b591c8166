/**
 * An upload in parts (Uploads API) that fails or whose execution is stopped is cancelled: the server
 * is asked to drop it (POST /uploads/{id}/cancel), and it is never completed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { credentialsFor, runWorkflow, singleNodeWorkflow } from '../harness/n8n';
import type { FaultAction, FaultServer, ReceivedRequest } from '../support/faultServer';
import { ok, openAiError, startFaultServer } from '../support/faultServer';
import type { Item } from './badInputRows';

const fixture = JSON.parse(readFileSync(path.join(__dirname, '..', 'contract', 'fixtures', 'file.upload.inParts.json'), 'utf8')) as { parameters: IDataObject; items: Item[] };
const upload = (status: string) => ({ id: 'upload_1', object: 'upload', bytes: 1, created_at: 1, filename: 'train.jsonl', purpose: 'fine-tune', status, expires_at: 2 });
const quiet = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const seen = (server: FaultServer) => server.requests.map((r) => `${r.method} ${r.path}`);

/** The Uploads API, with the part's reply chosen by the test. */
const uploadsApi =
	(part: FaultAction) =>
	(r: ReceivedRequest): FaultAction => {
		if (r.path === '/v1/uploads') return ok(upload('pending'));
		if (r.path.endsWith('/parts')) return part;
		if (r.path.endsWith('/cancel')) return ok(upload('cancelled'));
		return ok({ ...upload('completed'), file: { id: 'file-1', object: 'file' } });
	};

let server: FaultServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

describe('file.upload in parts: an upload that does not finish is cancelled', () => {
	it('when the execution is stopped during a part', async () => {
		server = await startFaultServer(uploadsApi({ ...ok({ id: 'part_1', object: 'upload.part', created_at: 1, upload_id: 'upload_1' }), delayMs: 800 }));
		const result = await runWorkflow(singleNodeWorkflow(fixture.parameters, fixture.items), credentialsFor(server.url), { abortAfterMs: 300 });
		// The part's reply comes after the stop; the node then cancels instead of completing.
		await quiet(1500);
		expect(result.run.status).toBe('canceled');
		expect(seen(server)).toEqual(['POST /v1/uploads', 'POST /v1/uploads/upload_1/parts', 'POST /v1/uploads/upload_1/cancel']);
	});

	it('when a part keeps failing, after its retries', async () => {
		server = await startFaultServer(uploadsApi(openAiError(500, 'The server had an error')));
		const parameters = { ...fixture.parameters, requestOptions: { maxRetries: 1 } };
		const result = await runWorkflow(singleNodeWorkflow(parameters, fixture.items), credentialsFor(server.url));
		expect(result.error?.message).toContain('The server had an error');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(seen(server)).toEqual(['POST /v1/uploads', 'POST /v1/uploads/upload_1/parts', 'POST /v1/uploads/upload_1/parts', 'POST /v1/uploads/upload_1/cancel']);
	});
});
