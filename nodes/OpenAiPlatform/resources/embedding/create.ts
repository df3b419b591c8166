import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { EmbeddingCreateParams } from 'openai/resources/embeddings';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { collectionField, forOperation, preselectedModelFields, simplifyField } from '../../shared/fields';
import { fieldError } from '../../shared/validation';
import { sendThroughBatchFields } from '../batch/sendThroughFields';

/** OpenAI's limit on the number of inputs of one request. */
const MAX_INPUTS = 2048;

interface EmbeddingOptions {
	dimensions?: number;
	encodingFormat?: 'float' | 'base64';
	user?: string;
	oneItem?: boolean;
}

/**
 * The texts to embed: the Input field as typed, or the array an expression returned. A single
 * text is sent as a string, a list as an array, as the API takes them.
 */
function inputTexts(context: IExecuteSingleFunctions): { texts: string[]; isList: boolean } {
	const raw = context.getNodeParameter('embeddingInput', '') as unknown;
	const isList = Array.isArray(raw);
	const values = isList ? (raw as unknown[]) : [raw];
	if (!values.length) throw fieldError(context, 'Input', 'the list of texts is empty');
	if (values.length > MAX_INPUTS) {
		throw fieldError(context, 'Input', `at most ${MAX_INPUTS} texts per request, got ${values.length}`, 'Split the list over several items.');
	}
	const texts = values.map((value, index) => {
		const where = isList ? `text ${index + 1}` : 'the text';
		if (typeof value === 'number' || typeof value === 'boolean') return String(value);
		if (typeof value !== 'string') throw fieldError(context, 'Input', `${where} is not a text (got ${value === null ? 'null' : typeof value})`);
		if (!value.trim()) throw fieldError(context, 'Input', `${where} is empty`);
		return value;
	});
	return { texts, isList };
}

/** preSend: the request body, after checking the texts and the options. */
async function buildEmbeddingRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { texts, isList } = inputTexts(this);
	const options = this.getNodeParameter('options', {}) as EmbeddingOptions;
	const body = requestOptions.body as IDataObject;
	const request: EmbeddingCreateParams = {
		model: String(body.model ?? ''),
		input: isList ? texts : texts[0],
	};
	if (options.dimensions !== undefined) {
		const dimensions = Number(options.dimensions);
		if (!Number.isInteger(dimensions) || dimensions < 1) throw fieldError(this, 'Dimensions', 'must be a whole number of at least 1');
		request.dimensions = dimensions;
	}
	if (options.encodingFormat) request.encoding_format = options.encodingFormat;
	if (options.user) request.user = options.user;
	return { ...requestOptions, body: request as unknown as IDataObject };
}

/** postReceive: one item per input text (index, text, vector), or one item with the whole list. */
async function splitEmbeddings(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
	const { texts } = inputTexts(this);
	const options = this.getNodeParameter('options', {}) as EmbeddingOptions;
	const reply = (items[0]?.json ?? {}) as IDataObject;
	const data = Array.isArray(reply.data) ? (reply.data as IDataObject[]) : [];
	if (!data.length) {
		throw new NodeOperationError(this.getNode(), `The server returned no embeddings for ${texts.length} text(s)`, {
			itemIndex: this.getItemIndex(),
		});
	}
	const shared: IDataObject = {
		...(reply.model !== undefined ? { model: reply.model } : {}),
		...(reply.usage !== undefined ? { usage: reply.usage } : {}),
	};
	const rows = data
		.map((entry, position) => {
			const index = typeof entry.index === 'number' ? entry.index : position;
			return { index, text: texts[index] ?? null, embedding: entry.embedding ?? null } as IDataObject;
		})
		.sort((a, b) => (a.index as number) - (b.index as number));
	if (options.oneItem) return [{ json: { ...shared, embeddings: rows } }];
	return rows.map((row) => ({ json: { ...row, ...shared } }));
}

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create embeddings',
	description: 'Turn one text or a list of texts into embedding vectors',
	routing: {
		request: { method: 'POST', url: '/embeddings' },
		send: { preSend: [buildEmbeddingRequest] },
		output: { postReceive: [splitEmbeddings] },
	},
};

export const createFields: INodeProperties[] = forOperation('embedding', 'create', [
	...preselectedModelFields({ capability: 'embedding', defaultModel: DEFAULT_MODELS.embedding  }),
	{
		displayName: 'Input',
		name: 'embeddingInput',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 2 },
		placeholder: 'e.g. The quick brown fox',
		description:
			'The text to embed. For several texts in one request, use an expression that returns an array of texts, such as a list field of the input item (up to 2048).',
	},
	simplifyField('Whether to return one item per text with its index, text and vector instead of the raw reply'),
	collectionField([
		{
			displayName: 'Dimensions',
			name: 'dimensions',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1536,
			description: 'Length of the vectors; shorter saves space. Only text-embedding-3 and later models support it.',
		},
		{
			displayName: 'Encoding Format',
			name: 'encodingFormat',
			type: 'options',
			default: 'float',
			description: 'How each vector comes back: a list of numbers, or a compact base64 string',
			options: [
				{ name: 'Base64', value: 'base64', description: 'Each vector as a base64 string of 32-bit floats (smaller)' },
				{ name: 'Float', value: 'float', description: 'Each vector as a list of numbers' },
			],
		},
		{
			displayName: 'One Item for All Texts',
			name: 'oneItem',
			type: 'boolean',
			default: false,
			description: 'Whether to return one item holding the list of embeddings instead of one item per text',
			displayOptions: { show: { '/simplify': [true] } },
		},
		{
			displayName: 'User ID',
			name: 'user',
			type: 'string',
			default: '',
			description: 'A stable identifier of your end user, which helps OpenAI detect abuse',
		},
	]),
	...sendThroughBatchFields(),
]);
