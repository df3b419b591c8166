/** container: create, getAll, get, delete, addFile, listFiles, getFile, deleteFile and getFileContent, against nock. */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, binaryBytes, outputOf, runNode, testExchanges } from '../support/nockApi';

const CONTAINER = 'cntr_1';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const base = { resource: 'container', containerId: byId(CONTAINER) };
const container = (extra: IDataObject = {}) => ({ id: CONTAINER, object: 'container', name: 'Sales', created_at: 1747857508, status: 'running', ...extra });
const file = (extra: IDataObject = {}) => ({ id: 'cfile_1', object: 'container.file', container_id: CONTAINER, created_at: 1747848842, bytes: 22, path: '/mnt/data/chart.png', source: 'assistant', ...extra });
const list = (data: IDataObject[]) => ({ object: 'list', data, first_id: data[0]?.id, last_id: data[data.length - 1]?.id, has_more: false });
const CSV = 'region,sales\nnorth,10\n';

testExchanges([
	{
		name: 'create: name, files, idle expiry and memory',
		parameters: { resource: 'container', operation: 'create', containerName: 'Sales', options: { fileIds: 'file-1, file-2', expiresAfterMinutes: 30, memoryLimit: '4g' } },
		method: 'POST',
		path: '/v1/containers',
		body: { name: 'Sales', file_ids: ['file-1', 'file-2'], expires_after: { anchor: 'last_active_at', minutes: 30 }, memory_limit: '4g' },
		reply: container(),
		output: [container()],
	},
	{
		name: 'getAll: by name, oldest first, up to the limit',
		parameters: { resource: 'container', operation: 'getAll', limit: 5, filters: { name: 'Sales', order: 'asc' } },
		method: 'GET',
		path: '/v1/containers?name=Sales&order=asc&limit=5',
		reply: list([container()]),
		output: [container()],
	},
	{ name: 'get', parameters: { ...base, operation: 'get' }, method: 'GET', path: `/v1/containers/${CONTAINER}`, reply: container(), output: [container()] },
	{
		name: 'delete: an empty reply says the container is deleted',
		parameters: { ...base, operation: 'delete' },
		method: 'DELETE',
		path: `/v1/containers/${CONTAINER}`,
		reply: '',
		output: [{ id: CONTAINER, object: 'container.deleted', deleted: true }],
	},
	{
		name: 'delete: a JSON reply is passed on',
		parameters: { ...base, operation: 'delete' },
		method: 'DELETE',
		path: `/v1/containers/${CONTAINER}`,
		reply: { id: CONTAINER, object: 'container.deleted', deleted: true },
		headers: { 'content-type': 'application/json' },
		output: [{ id: CONTAINER, object: 'container.deleted', deleted: true }],
	},
	{
		name: 'addFile: a binary as multipart under its name',
		parameters: { ...base, operation: 'addFile' },
		items: [{ json: {}, binary: { data: { data: Buffer.from(CSV).toString('base64'), fileName: 'sales.csv', mimeType: 'text/csv' } } }],
		method: 'POST',
		path: `/v1/containers/${CONTAINER}/files`,
		multipart: true,
		body: { file: { filename: 'sales.csv', contentType: 'text/csv', value: CSV } },
		reply: file({ path: '/mnt/data/sales.csv', source: 'user' }),
		output: [file({ path: '/mnt/data/sales.csv', source: 'user' })],
	},
	{
		name: 'addFile: an uploaded file by ID',
		parameters: { ...base, operation: 'addFile', source: 'fileId', fileId: byId('file-1') },
		method: 'POST',
		path: `/v1/containers/${CONTAINER}/files`,
		body: { file_id: 'file-1' },
		reply: file(),
		output: [file()],
	},
	{
		name: 'listFiles: one item per file',
		parameters: { ...base, operation: 'listFiles', returnAll: true },
		method: 'GET',
		path: `/v1/containers/${CONTAINER}/files?limit=100`,
		reply: list([file(), file({ id: 'cfile_2' })]),
		output: [file(), file({ id: 'cfile_2' })],
	},
	{ name: 'getFile', parameters: { ...base, operation: 'getFile', containerFileId: 'cfile_1' }, method: 'GET', path: `/v1/containers/${CONTAINER}/files/cfile_1`, reply: file(), output: [file()] },
	{
		name: 'deleteFile: an empty reply says the file is deleted',
		parameters: { ...base, operation: 'deleteFile', containerFileId: 'cfile_1' },
		method: 'DELETE',
		path: `/v1/containers/${CONTAINER}/files/cfile_1`,
		reply: '',
		output: [{ id: 'cfile_1', object: 'container.file.deleted', deleted: true }],
	},
]);

describe('container.getFileContent', () => {
	it("downloads the file as binary data under its path's name, with its details as JSON", async () => {
		const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
		const scope = nock(API)
			.get(`/v1/containers/${CONTAINER}/files/cfile_1`)
			.reply(200, file())
			.get(`/v1/containers/${CONTAINER}/files/cfile_1/content`)
			.reply(200, png, { 'content-type': 'application/octet-stream' });
		const result = await runNode({ ...base, operation: 'getFileContent', containerFileId: 'cfile_1', binaryPropertyOutput: 'chart' });
		expect(result.error?.message).toBeUndefined();
		scope.done();
		const [item] = outputOf(result);
		expect(item.json).toEqual(file());
		expect(item.binary?.chart).toMatchObject({ fileName: 'chart.png', mimeType: 'image/png' });
		expect(await binaryBytes(item.binary?.chart)).toEqual(png);
	});

	it('refuses a container file ID with a slash before sending', async () => {
		const result = await runNode({ ...base, operation: 'getFileContent', containerFileId: 'cfile_1/../x' });
		expect(result.error?.message).toBe('Container File ID: "cfile_1/../x" is not a valid ID (it contains a slash, "?", "#" or a space)');
	});
});
