import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { FilePurpose } from 'openai/resources/files';

import type { BinaryFile, FileContent } from '../../shared/binary';
import { MultipartForm, asMultipart, openBinaryFile } from '../../shared/binary';
import { binaryPropertyField, collectionField, forOperation } from '../../shared/fields';
import type { PaginationFunction } from '../../shared/transport';
import { sendRequest, settle } from '../../shared/transport';
import { fieldError } from '../../shared/validation';
import { FILE_PURPOSES } from './shared';
import { MAX_UPLOADS_API_BYTES, UPLOADS_API_PURPOSES, uploadInParts } from './uploadParts';

/** OpenAI's limit for one file sent to POST /files. */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const MIN_EXPIRY_SECONDS = 3600;
const MAX_EXPIRY_SECONDS = 2_592_000;

/** File types a purpose requires; purposes not listed take any type the API knows. */
const EXTENSIONS_FOR: Partial<Record<FilePurpose, string[]>> = {
	batch: ['.jsonl'],
	'fine-tune': ['.jsonl'],
	evals: ['.jsonl'],
	vision: ['.png', '.jpg', '.jpeg', '.gif', '.webp'],
};

function extensionOf(fileName: string): string {
	const base = fileName.split(/[\\/]/).pop() ?? fileName;
	const dot = base.lastIndexOf('.');
	return dot > 0 && dot < base.length - 1 ? base.slice(dot).toLowerCase() : '';
}

interface CheckedUpload {
	file: BinaryFile<FileContent>;
	fileName: string;
	purpose: FilePurpose;
	expiresAfterSeconds?: number;
	/** Through the Uploads API: asked for, or the file is over POST /files' 512 MB. */
	inParts: boolean;
}

/** The upload's file, name, purpose and expiry, checked; which way it goes follows from its size and the options. */
async function checkedUpload(context: IExecuteSingleFunctions): Promise<CheckedUpload> {
	const purpose = context.getNodeParameter('purpose', 'user_data') as FilePurpose;
	const propertyName = String(context.getNodeParameter('binaryPropertyName', 'data')).trim();
	const givenName = String(context.getNodeParameter('fileName', '') ?? '').trim();
	const options = context.getNodeParameter('options', {}) as { expiresAfterSeconds?: number; uploadInParts?: boolean };

	const file = await openBinaryFile(context, propertyName, { field: 'Input Binary Field', maxBytes: MAX_UPLOADS_API_BYTES });
	const inParts = options.uploadInParts === true || file.size > MAX_UPLOAD_BYTES;
	const fileName = givenName || file.fileName;
	const extension = extensionOf(fileName);
	if (!extension) {
		throw fieldError(context, 'File Name', `"${fileName}" has no extension`, 'Give the name with its extension, e.g. training.jsonl: the API tells file types apart by it.');
	}
	const allowed = EXTENSIONS_FOR[purpose];
	if (allowed && !allowed.includes(extension)) {
		throw fieldError(context, 'File Name', `"${fileName}" is not a ${allowed.join(', ')} file, which purpose "${purpose}" requires`);
	}
	if (inParts && !UPLOADS_API_PURPOSES.includes(purpose)) {
		const why = options.uploadInParts ? '"Upload in Parts" is on' : `the file is ${(file.size / 1048576).toFixed(0)} MB, over the 512 MB of a single upload`;
		throw fieldError(context, 'Purpose', `"${purpose}" cannot be uploaded in parts (${why})`, `Uploads in parts take: ${UPLOADS_API_PURPOSES.join(', ')}`);
	}
	let expiresAfterSeconds: number | undefined;
	if (options.expiresAfterSeconds !== undefined) {
		const seconds = Number(options.expiresAfterSeconds);
		if (!Number.isInteger(seconds) || seconds < MIN_EXPIRY_SECONDS || seconds > MAX_EXPIRY_SECONDS) {
			throw fieldError(context, 'Expires After', `must be a whole number from ${MIN_EXPIRY_SECONDS} (1 hour) to ${MAX_EXPIRY_SECONDS} (30 days)`);
		}
		expiresAfterSeconds = seconds;
	}
	return { file, fileName, purpose, expiresAfterSeconds, inParts };
}

/** preSend: the multipart form (purpose, optional expiry, the file under its name), checked first. An upload in parts is sent by `sendUpload`. */
async function buildUpload(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { file, fileName, purpose, expiresAfterSeconds, inParts } = await checkedUpload(this);
	if (inParts) return requestOptions;
	const form = new MultipartForm();
	form.append('purpose', purpose);
	if (expiresAfterSeconds !== undefined) {
		form.append('expires_after[anchor]', 'created_at');
		form.append('expires_after[seconds]', String(expiresAfterSeconds));
	}
	form.append('file', file.blob, fileName);
	return asMultipart(requestOptions, form);
}

/** Pagination hook: one POST /files through the shared path, or the Uploads API for a file in parts. */
const sendUpload: PaginationFunction = async function (this, requestData) {
	if (!(requestData.options.body instanceof MultipartForm)) {
		return await settle(this, async () => {
			const { file, fileName, purpose, expiresAfterSeconds } = await checkedUpload(this);
			return [{ json: await uploadInParts(this, file, { fileName, purpose, expiresAfterSeconds }) }];
		});
	}
	return await sendRequest.call(this, requestData);
};

export const uploadOperation: INodePropertyOptions = {
	name: 'Upload',
	value: 'upload',
	action: 'Upload a file',
	description: 'Upload a file from a binary property for fine-tuning, batches, assistants, vision or any other use',
	routing: {
		request: { method: 'POST', url: '/files' },
		send: { preSend: [buildUpload] },
		operations: { pagination: sendUpload },
	},
};

export const uploadFields: INodeProperties[] = forOperation('file', 'upload', [
	binaryPropertyField({ description: 'Name of the binary property that holds the file to upload (up to 512 MB at once, up to 8 GB in parts)' }),
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. training.jsonl',
		description:
			"Name of the file, with its extension. Empty uses the binary data's own name. Fine-tune, batch and evals files must be .jsonl.",
	},
	{
		displayName: 'Purpose',
		name: 'purpose',
		type: 'options',
		required: true,
		default: 'user_data',
		description: 'What the file is for. It decides which file types are accepted and where the file can be used.',
		options: FILE_PURPOSES,
	},
	collectionField([
		{
			displayName: 'Expires After',
			name: 'expiresAfterSeconds',
			type: 'number',
			typeOptions: { minValue: MIN_EXPIRY_SECONDS, maxValue: MAX_EXPIRY_SECONDS },
			default: 86400,
			description: 'Seconds after upload to delete the file: from 3600 (1 hour) to 2592000 (30 days). Batch files expire after 30 days by default, others never.',
		},
		{
			displayName: 'Upload in Parts',
			name: 'uploadInParts',
			type: 'boolean',
			default: false,
			description:
				'Whether to upload through the Uploads API in parts of 64 MB, streamed from the binary store (up to 8 GB; purposes assistants, batch, fine-tune and vision). Files over 512 MB always go this way.',
		},
	]),
]);
