import type { FileCreateParams } from 'openai/resources/vector-stores/files';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, forOperation } from '../../shared/fields';
import { idOf, pathWithIds } from '../../shared/ids';
import { fail } from '../../shared/validation';
import { STORE_IDS, chunkingOptions, chunkingStrategyFrom, fileIdField, vectorStoreIdField } from './shared';

type AttributeValue = string | number | boolean;

interface AddFileOptions {
	attributes?: { attribute?: Array<{ key?: string; type?: 'string' | 'number' | 'boolean'; value?: unknown }> };
	chunkingStrategy?: 'auto' | 'static';
	maxChunkSizeTokens?: number;
	chunkOverlapTokens?: number;
}

/** The file's attributes, typed and checked against OpenAI's limits (16 keys of up to 64 characters, texts up to 512). */
function attributesFrom(context: IExecuteSingleFunctions, options: AddFileOptions): Record<string, AttributeValue> | undefined {
	const attributes: Record<string, AttributeValue> = {};
	for (const entry of options.attributes?.attribute ?? []) {
		const key = String(entry.key ?? '').trim();
		if (!key) fail(context, 'Attributes: an attribute has no key');
		if (key.length > 64) fail(context, `Attributes: key "${key.slice(0, 20)}…" is longer than 64 characters`);
		if (key in attributes) fail(context, `Attributes: key "${key}" is given twice`);
		const raw = entry.value;
		const text = typeof raw === 'string' ? raw.trim() : String(raw ?? '');
		if (entry.type === 'number') {
			const number = typeof raw === 'number' ? raw : Number(text);
			if (text === '' || !Number.isFinite(number)) fail(context, `Attributes: "${key}" is not a number`);
			attributes[key] = number;
		} else if (entry.type === 'boolean') {
			if (typeof raw !== 'boolean' && text !== 'true' && text !== 'false') fail(context, `Attributes: "${key}" is not true or false`);
			attributes[key] = raw === true || text === 'true';
		} else {
			const value = typeof raw === 'string' ? raw : String(raw ?? '');
			if (value.length > 512) fail(context, `Attributes: the value of "${key}" is longer than 512 characters`);
			attributes[key] = value;
		}
	}
	const count = Object.keys(attributes).length;
	if (count > 16) fail(context, `Attributes: ${count} given, at most 16 are allowed`);
	return count ? attributes : undefined;
}

/** preSend: file ID, attributes and chunking strategy, checked. */
async function buildAddFileBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('options', {}) as AddFileOptions;
	const attributes = attributesFrom(this, options);
	const chunking = chunkingStrategyFrom(this, options);
	const body: FileCreateParams = {
		file_id: idOf(this, 'fileId', 'File'),
		...(attributes ? { attributes } : {}),
		...(chunking ? { chunking_strategy: chunking } : {}),
	};
	return { ...requestOptions, body: body as unknown as IDataObject };
}

export const addFileOperation: INodePropertyOptions = {
	name: 'Add File',
	value: 'addFile',
	action: 'Add a file to a vector store',
	description: 'Add an uploaded file to a vector store, with attributes to filter searches by',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [pathWithIds('/vector_stores/{vectorStoreId}/files', STORE_IDS), buildAddFileBody] },
	},
};

export const addFileFields: INodeProperties[] = forOperation('vectorStore', 'addFile', [
	vectorStoreIdField('The vector store to add the file to'),
	fileIdField('An uploaded file (purpose "assistants" or "user_data")'),
	collectionField([
		{
			displayName: 'Attributes',
			name: 'attributes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attribute',
			default: {},
			description: 'Up to 16 key-value pairs stored with the file; searches can filter by them',
			options: [
				{
					name: 'attribute',
					displayName: 'Attribute',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Up to 64 characters' },
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							default: 'string',
							options: [
								{ name: 'Boolean', value: 'boolean' },
								{ name: 'Number', value: 'number' },
								{ name: 'String', value: 'string' },
							],
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Text up to 512 characters, a number, or true / false' },
					],
				},
			],
		},
		...chunkingOptions,
	]),
]);
