import type { VectorStoreSearchParams } from 'openai/resources/vector-stores/vector-stores';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { collectionField, forOperation, simplifyField } from '../../shared/fields';
import { pathWithIds } from '../../shared/ids';
import { checkRange, fail, isPlainObject } from '../../shared/validation';
import { STORE_IDS, vectorStoreIdField } from './shared';

interface SearchOptions {
	filters?: unknown;
	maxNumResults?: number;
	ranker?: 'auto' | 'default-2024-11-15' | 'none';
	rewriteQuery?: boolean;
	scoreThreshold?: number;
}

const COMPARISONS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin'];

function isScalar(value: unknown): boolean {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** What is wrong with an attribute filter (a comparison, or and / or of filters), or undefined. */
function filterProblem(filter: unknown, path: string): string | undefined {
	if (!isPlainObject(filter)) return `${path} is not an object`;
	const type = String(filter.type ?? '');
	const extra = (allowed: string[]) => Object.keys(filter).find((key) => !allowed.includes(key));
	if (type === 'and' || type === 'or') {
		if (extra(['type', 'filters'])) return `${path} has the unknown field "${extra(['type', 'filters'])}"`;
		if (!Array.isArray(filter.filters) || filter.filters.length === 0) return `${path} ("${type}") needs a non-empty "filters" list`;
		for (const [index, inner] of filter.filters.entries()) {
			const problem = filterProblem(inner, `${path}.filters[${index}]`);
			if (problem) return problem;
		}
		return undefined;
	}
	if (!COMPARISONS.includes(type)) return `${path} has type "${type}"; use ${COMPARISONS.join(', ')}, and or or`;
	if (extra(['type', 'key', 'value'])) return `${path} has the unknown field "${extra(['type', 'key', 'value'])}"`;
	if (typeof filter.key !== 'string' || !filter.key) return `${path} has no key`;
	const value = filter.value;
	const listOk = Array.isArray(value) && value.every((entry) => typeof entry === 'string' || typeof entry === 'number');
	if (!isScalar(value) && !listOk) return `${path} needs a value: text, a number, true / false, or a list of texts or numbers`;
	return undefined;
}

function filtersFrom(context: IExecuteSingleFunctions, raw: unknown): VectorStoreSearchParams['filters'] {
	let filters = raw;
	if (typeof raw === 'string') {
		if (!raw.trim()) return undefined;
		try {
			filters = JSON.parse(raw) as unknown;
		} catch (error) {
			fail(context, 'Filters: not valid JSON', (error as Error).message);
		}
	}
	const problem = filterProblem(filters, 'the filter');
	if (problem) fail(context, `Filters: ${problem}`, 'Example: {"type": "eq", "key": "region", "value": "us"}');
	return filters as VectorStoreSearchParams['filters'];
}

function queryFrom(context: IExecuteSingleFunctions): string | string[] {
	const raw = context.getNodeParameter('query', '') as unknown;
	if (Array.isArray(raw)) {
		const queries = raw.map((entry) => (typeof entry === 'string' ? entry.trim() : ''));
		if (queries.length === 0 || queries.some((query) => !query)) fail(context, 'Query: every entry of the list must be a non-empty text');
		return queries;
	}
	const query = typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : String(raw);
	if (!query) fail(context, 'Query: enter what to search for');
	return query;
}

/** preSend: the search body, with ranges and the filter checked before sending. */
async function buildSearchBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('options', {}) as SearchOptions;
	const { maxNumResults, scoreThreshold } = options;
	if (maxNumResults !== undefined && (!Number.isInteger(maxNumResults) || maxNumResults < 1 || maxNumResults > 50)) {
		fail(this, `Max Results: ${maxNumResults} is not a whole number from 1 to 50`);
	}
	checkRange(this, 'Score Threshold', scoreThreshold, 0, 1);
	const filters = options.filters === undefined ? undefined : filtersFrom(this, options.filters);
	const ranking = {
		...(options.ranker ? { ranker: options.ranker } : {}),
		...(scoreThreshold !== undefined ? { score_threshold: scoreThreshold } : {}),
	};
	const body: VectorStoreSearchParams = {
		query: queryFrom(this),
		...(filters ? { filters } : {}),
		...(maxNumResults !== undefined ? { max_num_results: maxNumResults } : {}),
		...(Object.keys(ranking).length ? { ranking_options: ranking } : {}),
		...(options.rewriteQuery !== undefined ? { rewrite_query: options.rewriteQuery } : {}),
	};
	return { ...requestOptions, body: body as unknown as IDataObject };
}

/** postReceive: one item per result; simplified to file, score, attributes and the chunk text. */
async function searchResultItems(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	return items.flatMap((item) => {
		const results = Array.isArray(item.json.data) ? item.json.data.filter(isPlainObject) : [];
		return results.map((result): INodeExecutionData => {
			if (!simplify) return { json: result };
			const content: IDataObject[] = Array.isArray(result.content) ? result.content.filter(isPlainObject) : [];
			const text = content
				.filter((part) => typeof part.text === 'string')
				.map((part) => part.text as string)
				.join('\n\n');
			return {
				json: {
					file_id: result.file_id ?? null,
					filename: result.filename ?? null,
					score: result.score ?? null,
					text,
					attributes: (isPlainObject(result.attributes) ? result.attributes : {}) as IDataObject,
				},
			};
		});
	});
}

export const searchOperation: INodePropertyOptions = {
	name: 'Search',
	value: 'search',
	action: 'Search a vector store',
	description: 'Find the chunks of a vector store that best match a query, one item per result',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [pathWithIds('/vector_stores/{vectorStoreId}/search', STORE_IDS), buildSearchBody] },
		output: { postReceive: [searchResultItems] },
	},
};

export const searchFields: INodeProperties[] = forOperation('vectorStore', 'search', [
	vectorStoreIdField('The vector store to search'),
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. What is the return policy?',
		description: 'What to search for (an expression may give a list of queries)',
	},
	simplifyField('Whether to return file, score, attributes and the matching text instead of the raw results'),
	collectionField([
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'json',
			default: '{\n  "type": "eq",\n  "key": "region",\n  "value": "us"\n}',
			description: "Only files whose attributes match: a comparison (eq, ne, gt, gte, lt, lte, in, nin) or an and / or of filters",
		},
		{
			displayName: 'Max Results',
			name: 'maxNumResults',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 10,
			description: 'Max number of results to return',
		},
		{
			displayName: 'Ranker',
			name: 'ranker',
			type: 'options',
			default: 'auto',
			options: [
				{ name: 'Auto', value: 'auto' },
				{ name: 'Default (2024-11-15)', value: 'default-2024-11-15' },
				{ name: 'None', value: 'none' },
			],
			description: 'How results are ranked; none is fastest',
		},
		{
			displayName: 'Rewrite Query',
			name: 'rewriteQuery',
			type: 'boolean',
			default: false,
			description: 'Whether to let the model rewrite the query for a better search',
		},
		{
			displayName: 'Score Threshold',
			name: 'scoreThreshold',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			default: 0,
			description: 'Only results at least this relevant (0 to 1)',
		},
	]),
]);
