import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { FilePurpose } from 'openai/resources/files';

import { MultipartForm, asMultipart, openBinaryFile, refuseRedirect } from '../../shared/binary';
import { binaryPropertyField, collectionField, forOperation } from '../../shared/fields';
import { fieldError } from '../../shared/validation';
import { FILE_PURPOSES } from './shared';

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

/** preSend: the multipart form (purpose, optional expiry, the file under its name), checked first. */
async function buildUpload(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const purpose = this.getNodeParameter('purpose', 'user_data') as FilePurpose;
	const propertyName = String(this.getNodeParameter('binaryPropertyName', 'data')).trim();
	const givenName = String(this.getNodeParameter('fileName', '') ?? '').trim();
	const options = this.getNodeParameter('options', {}) as { expiresAfterSeconds?: number };

	const file = await openBinaryFile(this, propertyName, { field: 'Input Binary Field', maxBytes: MAX_UPLOAD_BYTES });
	const fileName = givenName || file.fileName;
	const extension = extensionOf(fileName);
	if (!extension) {
		throw fieldError(this, 'File Name', `"${fileName}" has no extension`, 'Give the name with its extension, e.g. training.jsonl: the API tells file types apart by it.');
	}
	const allowed = EXTENSIONS_FOR[purpose];
	if (allowed && !allowed.includes(extension)) {
		throw fieldError(this, 'File Name', `"${fileName}" is not a ${allowed.join(', ')} file, which purpose "${purpose}" requires`);
	}

	const form = new MultipartForm();
	form.append('purpose', purpose);
	if (options.expiresAfterSeconds !== undefined) {
		const seconds = Number(options.expiresAfterSeconds);
		if (!Number.isInteger(seconds) || seconds < MIN_EXPIRY_SECONDS || seconds > MAX_EXPIRY_SECONDS) {
			throw fieldError(this, 'Expires After', `must be a whole number from ${MIN_EXPIRY_SECONDS} (1 hour) to ${MAX_EXPIRY_SECONDS} (30 days)`);
		}
		form.append('expires_after[anchor]', 'created_at');
		form.append('expires_after[seconds]', String(seconds));
	}
	form.append('file', file.blob, fileName);
	return asMultipart(requestOptions, form);
}

export const uploadOperation: INodePropertyOptions = {
	name: 'Upload',
	value: 'upload',
	action: 'Upload a file',
	description: 'Upload a file from a binary property for fine-tuning, batches, assistants, vision or any other use',
	routing: {
		request: { method: 'POST', url: '/files' },
		send: { preSend: [buildUpload] },
		output: { postReceive: [refuseRedirect] },
	},
};

export const uploadFields: INodeProperties[] = forOperation('file', 'upload', [
	binaryPropertyField({ description: 'Name of the binary property that holds the file to upload (up to 512 MB)' }),
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
	]),
]);
