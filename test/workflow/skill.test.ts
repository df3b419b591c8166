import type { IDataObject } from 'n8n-workflow';

import { binaryBytes } from '../support/nockApi';
import { byId, describeCases, page } from '../support/operationCases';

const file = (text: string, fileName: string, mimeType: string) => ({ data: Buffer.from(text).toString('base64'), fileName, mimeType });
const skill = (extra: IDataObject = {}) => ({ id: 'skill_1', object: 'skill', name: 'csv', description: 'CSV insights', created_at: 1, default_version: '1', latest_version: '1', ...extra });
const version = (v: string) => ({ id: `skillver_${v}`, object: 'skill.version', skill_id: 'skill_1', version: v, created_at: 1, name: 'csv', description: 'CSV insights' });
const sk = (operation: string, extra: IDataObject = {}) => ({ resource: 'skill', operation, skillId: byId('skill_1'), ...extra });
const ZIP = Buffer.from('PK\u0003\u0004zip-bytes');

describe('skill', () => {
	describeCases([
		{
			name: 'create sends the files of a folder as files[] under the folder name',
			parameters: { resource: 'skill', operation: 'create', binaryPropertyNames: 'skill, script', folderName: 'csv_insights' },
			items: [{ json: {}, binary: { skill: file('---\nname: csv\n---', 'SKILL.md', 'text/markdown'), script: file('print(1)', 'run.py', 'text/x-python') } }],
			requests: [
				{
					method: 'POST',
					path: '/skills',
					form: ['name="files[]"; filename="csv_insights/SKILL.md"', 'name="files[]"; filename="csv_insights/run.py"', 'print(1)'],
					reply: skill(),
				},
			],
			output: [skill()],
		},
		{
			name: 'create sends a zip alone as files',
			parameters: { resource: 'skill', operation: 'create', binaryPropertyNames: 'data' },
			items: [{ json: {}, binary: { data: file('PK-zip', 'csv.zip', 'application/zip') } }],
			requests: [{ method: 'POST', path: '/skills', form: ['name="files"; filename="csv.zip"', 'Content-Type: application/zip', 'PK-zip'], reply: skill() }],
			output: [skill()],
		},
		{
			name: 'getAll follows the cursor',
			parameters: { resource: 'skill', operation: 'getAll', returnAll: true, options: { order: 'asc' } },
			requests: [
				{ method: 'GET', path: '/skills?order=asc&limit=100', reply: page([skill()], true) },
				{ method: 'GET', path: '/skills?order=asc&limit=100&after=skill_1', reply: page([skill({ id: 'skill_2' })]) },
			],
			output: [skill(), skill({ id: 'skill_2' })],
		},
		{ name: 'get', parameters: sk('get'), requests: [{ method: 'GET', path: '/skills/skill_1', reply: skill() }], output: [skill()] },
		{
			name: 'update sets the default version',
			parameters: sk('update', { version: '2' }),
			requests: [{ method: 'POST', path: '/skills/skill_1', body: { default_version: '2' }, reply: skill({ default_version: '2' }) }],
			output: [skill({ default_version: '2' })],
		},
		{ name: 'delete', parameters: sk('delete'), requests: [{ method: 'DELETE', path: '/skills/skill_1', reply: { id: 'skill_1', object: 'skill.deleted', deleted: true } }], output: [{ id: 'skill_1', object: 'skill.deleted', deleted: true }] },
		{
			name: 'getContent gives the zip as binary data',
			parameters: sk('getContent', { binaryPropertyOutput: 'zip' }),
			requests: [{ method: 'GET', path: '/skills/skill_1/content', headers: { accept: 'application/zip' }, reply: ZIP, replyHeaders: { 'content-type': 'application/zip' } }],
			output: [{ skill_id: 'skill_1' }],
			check: async (result) => {
				const binary = result.output('OpenAI')[0].binary?.zip;
				expect(binary).toMatchObject({ fileName: 'skill_1.zip', mimeType: 'application/zip' });
				expect(await binaryBytes(binary)).toEqual(ZIP);
			},
		},
		{
			name: 'createVersion sends the files and whether it becomes the default',
			parameters: sk('createVersion', { binaryPropertyNames: 'data', options: { makeDefault: false } }),
			items: [{ json: {}, binary: { data: file('PK-zip-2', 'csv-v2.zip', 'application/zip') } }],
			requests: [{ method: 'POST', path: '/skills/skill_1/versions', form: ['name="default"\r\n\r\nfalse\r\n', 'name="files"; filename="csv-v2.zip"', 'PK-zip-2'], reply: version('2') }],
			output: [version('2')],
		},
		{
			name: 'getAllVersions up to the limit',
			parameters: sk('getAllVersions', { limit: 1 }),
			requests: [{ method: 'GET', path: '/skills/skill_1/versions?limit=1', reply: page([version('2')], true) }],
			output: [version('2')],
		},
		{ name: 'getVersion', parameters: sk('getVersion', { version: '2' }), requests: [{ method: 'GET', path: '/skills/skill_1/versions/2', reply: version('2') }], output: [version('2')] },
		{
			name: 'deleteVersion',
			parameters: sk('deleteVersion', { version: '2' }),
			requests: [{ method: 'DELETE', path: '/skills/skill_1/versions/2', reply: { id: 'skillver_2', object: 'skill.version.deleted', deleted: true, version: '2' } }],
			output: [{ id: 'skillver_2', object: 'skill.version.deleted', deleted: true, version: '2' }],
		},
		{
			name: 'getVersionContent names the file after the version',
			parameters: sk('getVersionContent', { version: '2' }),
			requests: [{ method: 'GET', path: '/skills/skill_1/versions/2/content', reply: ZIP, replyHeaders: { 'content-type': 'application/zip' } }],
			output: [{ skill_id: 'skill_1', version: '2' }],
			check: (result) => expect(result.output('OpenAI')[0].binary?.data).toMatchObject({ fileName: 'skill_1-v2.zip' }),
		},
		{
			name: 'getContent refuses a JSON reply in place of the zip',
			parameters: sk('getContent'),
			requests: [{ method: 'GET', path: '/skills/skill_1/content', reply: { error: null } }],
			check: (result) => expect(result.error?.message).toBe("The server sent application/json instead of the skill's zip"),
		},
		{
			name: 'create refuses a zip with other files',
			parameters: { resource: 'skill', operation: 'create', binaryPropertyNames: 'a, b' },
			items: [{ json: {}, binary: { a: file('x', 'SKILL.md', 'text/markdown'), b: file('PK', 'more.zip', 'application/zip') } }],
			requests: [],
			check: (result) => expect(result.error?.message).toBe('Input Binary Fields: "more.zip" is a zip; send a zip alone or the files without it'),
		},
	]);
});
