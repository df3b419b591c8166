import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { FormFile } from '../../shared/binary';
import { asMultipart, binaryFromResponse, multipartForm, openBinaryFile } from '../../shared/binary';
import { idLocatorField, outputBinaryField } from '../../shared/fields';
import { idField, idOf } from '../../shared/ids';
import type { OperationSpec } from '../../shared/operation';
import { defineOperation } from '../../shared/operation';
import { fail, splitList } from '../../shared/validation';

/** An operation of this resource (`defineOperation` scoped to skill). */
export const skillOperation = (spec: OperationSpec) => defineOperation('skill', spec);

export const skillIdField = (description: string): INodeProperties =>
	idLocatorField({ name: 'skillId', displayName: 'Skill', searchListMethod: 'searchSkills', placeholder: 'e.g. skill_123', description });

export const versionField = (description: string): INodeProperties =>
	idField({ name: 'version', displayName: 'Version', placeholder: 'e.g. 2', description });

export const SKILL_IDS = { skillId: 'Skill' };
export const VERSION_IDS = { skillId: 'Skill', version: 'Version' };

const MAX_FILES = 500;

/** The skill's files: "Input Binary Fields" (a zip, or the files of the skill's folder), streamed when sent. */
export const filesFields: INodeProperties[] = [
	{
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data, script',
		hint: 'The names of the input fields containing the binary file data to be processed',
		description: 'The binary properties that hold the skill: one zip, or its files (SKILL.md and any others), separated by commas',
	},
	{
		displayName: 'Folder Name',
		name: 'folderName',
		type: 'string',
		default: '',
		placeholder: 'e.g. csv_insights',
		description: 'For files (not a zip): the folder the files are put in, which holds SKILL.md at its top. Empty sends the file names as they are.',
	},
];

/** preSend body: the files (or the zip) as multipart `files`; `fields` are added before them. */
export async function skillFilesForm(
	context: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
	fields: Record<string, string | boolean | undefined> = {},
): Promise<IHttpRequestOptions> {
	const names = splitList(context.getNodeParameter('binaryPropertyNames', 'data'));
	if (names.length === 0) fail(context, 'Input Binary Fields: give at least one binary property');
	if (names.length > MAX_FILES) fail(context, `Input Binary Fields: ${names.length} given, at most ${MAX_FILES} files are allowed`);
	const folder = String(context.getNodeParameter('folderName', '') ?? '').trim().replace(/^\/+|\/+$/g, '');
	if (folder.includes('..')) fail(context, `Folder Name: "${folder}" must not contain ".."`);
	const files: FormFile[] = [];
	for (const name of names) {
		const file = await openBinaryFile(context, name, { field: 'Input Binary Fields' });
		const zipped = /\.zip$/i.test(file.fileName) || file.mimeType === 'application/zip';
		if (zipped && names.length > 1) fail(context, `Input Binary Fields: "${file.fileName}" is a zip; send a zip alone or the files without it`);
		const fileName = folder && !zipped ? `${folder}/${file.fileName}` : file.fileName;
		files.push({ name: names.length > 1 ? 'files[]' : 'files', file: { ...file, fileName } });
	}
	const formFields = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]));
	return asMultipart(requestOptions, multipartForm(formFields, files));
}

/** postReceive for the content operations: the zip the server sent, as a binary file named after the skill (and version). */
export async function zipToBinary(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const contentType = String((response.headers as IDataObject | undefined)?.['content-type'] ?? '').toLowerCase();
	const size = Buffer.isBuffer(response.body) ? response.body.length : 0;
	if (!size || contentType.includes('json') || contentType.startsWith('text/')) {
		const start = Buffer.isBuffer(response.body) ? response.body.toString('utf8', 0, 200) : '';
		fail(this, size ? `The server sent ${contentType} instead of the skill's zip` : 'The server sent an empty skill file', start ? `The reply starts with: ${start}` : undefined);
	}
	const skillId = idOf(this, 'skillId', 'Skill');
	const version = String(this.getNodeParameter('version', '') ?? '').trim();
	const property = String(this.getNodeParameter('binaryPropertyOutput', 'data') || 'data').trim() || 'data';
	const fileName = `${skillId}${version ? `-v${version}` : ''}.zip`;
	const file = await binaryFromResponse(this, response, fileName, 'application/zip');
	return [{ json: { skill_id: skillId, ...(version ? { version } : {}) }, binary: { [property]: file } }];
}

/** A content download: the zip as binary data. */
export const contentRequest = { encoding: 'arraybuffer' as const, headers: { Accept: 'application/zip' }, postReceive: [zipToBinary] };
export const contentOutputField = outputBinaryField('Name of the binary property to put the skill\'s zip in');
