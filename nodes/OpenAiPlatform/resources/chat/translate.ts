import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MODELS } from '../../shared/defaults';
import { forOperation, preselectedModelFields, simplifyField } from '../../shared/fields';
import { choicesOf, optionsCollection, optionsOf, whenSimplified } from '../../shared/generation';
import type { PaginationFunction } from '../../shared/transport';
import { settle } from '../../shared/transport';
import { fail, isPlainObject, optionalJson, requiredText } from '../../shared/validation';
import { instructionRole } from './model';
import { parseJsonReply } from './reply';
import { chatRequest } from './request';
import type { TranslationPlan } from './translateEntry';
import { schemaFieldsOf, translationPlan, withTranslations } from './translateEntry';
import { sendDirectlyOrThroughBatch, skipBatch } from '../batch/sendThrough';
import { sendThroughBatchFields } from '../batch/sendThroughFields';

const DEFAULT_MAX_TOKENS = 2000;
/** Above this many texts the reply is checked by the node only, not by a strict schema (its size limits). */
const MAX_STRICT_KEYS = 500;

export function translationInstructions(language: string, extra: string): string {
	return [
		`Translate each value of the JSON object in the user's message into ${language}.`,
		'Reply with a JSON object with exactly the same keys, each value being the translation of the original value.',
		'Keep HTML tags, Markdown, placeholders such as {name}, {{name}} or %s, URLs and line breaks exactly as they are. Do not add, drop or merge keys.',
		'The keys are paths in a content entry: use them only as context, never translate them.',
		extra,
	]
		.filter(Boolean)
		.join('\n');
}

interface Translation {
	entry: unknown;
	plan: TranslationPlan;
	language: string;
}

/** The entry, what of it gets translated, and into which language; every problem names its field. */
function translationOf(context: IExecuteSingleFunctions): Translation {
	const entry = optionalJson(context, 'Entry Data', context.getNodeParameter('entry', ''));
	if (!isPlainObject(entry) && !Array.isArray(entry)) fail(context, 'Entry Data: expected the entry as a JSON object');
	const rawSchema = optionalJson(context, 'Content Type Schema', context.getNodeParameter('contentTypeSchema', ''));
	const noSchema = rawSchema === undefined || rawSchema === null || (isPlainObject(rawSchema) && Object.keys(rawSchema).length === 0);
	const schema = noSchema ? undefined : schemaFieldsOf(rawSchema);
	if (!noSchema && !schema) {
		fail(context, 'Content Type Schema: expected the content type, or its "schema" list of fields (uid, data_type)');
	}
	const language = requiredText(context, 'targetLanguage', 'Target Language').trim();
	return { entry, plan: translationPlan(entry, schema), language };
}

/** preSend: only the entry's texts, as {path: text}, with a strict schema asking for the same keys back. */
async function buildTranslateRequest(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { plan, language } = translationOf(this);
	const keys = Object.keys(plan.texts);
	const model = String(this.getNodeParameter('model', '', { extractValue: true }));
	const extra = String(optionsOf(this).additionalInstructions ?? '').trim();
	const schema = { type: 'object', properties: Object.fromEntries(keys.map((key) => [key, { type: 'string' }])), required: keys, additionalProperties: false };
	return chatRequest(this, requestOptions, {
		messages: [
			{ role: instructionRole(model), content: translationInstructions(language, extra) },
			{ role: 'user', content: JSON.stringify(plan.texts) },
		],
		body: {
			response_format:
				keys.length <= MAX_STRICT_KEYS
					? { type: 'json_schema', json_schema: { name: 'translation', strict: true, schema } }
					: { type: 'json_object' },
		},
		defaultMaxTokens: DEFAULT_MAX_TOKENS,
	});
}

function outputOf(translation: Translation, translated: unknown, count: number, reply?: IDataObject, finishReason?: unknown): IDataObject {
	return {
		translatedEntry: translated as IDataObject,
		targetLanguage: translation.language,
		translatedTexts: count,
		finishReason: (finishReason as string | undefined) ?? null,
		usage: (reply?.usage as IDataObject | undefined) ?? null,
	};
}

/** Sends nothing for an entry without text: it comes back as it is. */
const translateOrPassThrough: PaginationFunction = async function (requestData) {
	const translation = translationOf(this);
	if (Object.keys(translation.plan.texts).length > 0) return await sendDirectlyOrThroughBatch.call(this, requestData);
	skipBatch(this);
	return await settle(this, async () => [{ json: outputOf(translation, translation.entry, 0) }]);
};

/** postReceive: the entry with its texts replaced, if the model sent back exactly the texts asked for; else a clear error. */
const rebuildTranslatedEntry = whenSimplified((context, reply) => {
	const translation = translationOf(context);
	const [choice] = choicesOf(context, reply);
	const answer = parseJsonReply(context, choice);
	const expected = Object.keys(translation.plan.texts);
	const got = isPlainObject(answer) ? answer : {};
	const missing = expected.filter((key) => typeof got[key] !== 'string');
	const unexpected = Object.keys(got).filter((key) => !(key in translation.plan.texts));
	if (!isPlainObject(answer) || missing.length || unexpected.length) {
		const list = (keys: string[]) => keys.slice(0, 5).map((key) => `"${key}"`).join(', ') + (keys.length > 5 ? ', …' : '');
		throw new NodeOperationError(context.getNode(), 'The translation does not match the entry, so the entry was not changed', {
			itemIndex: context.getItemIndex(),
			description: [
				!isPlainObject(answer) ? 'The model did not answer with a JSON object.' : '',
				missing.length ? `Missing or not text: ${list(missing)}.` : '',
				unexpected.length ? `Not in the entry: ${list(unexpected)}.` : '',
				'Try again, or use a model that supports structured output.',
			]
				.filter(Boolean)
				.join(' '),
		});
	}
	const translated = withTranslations(translation.entry, translation.plan, got as Record<string, string>);
	return outputOf(translation, translated, expected.length, reply, choice.finish_reason);
});

export const translateOperation: INodePropertyOptions = {
	name: 'Translate',
	value: 'translate',
	action: 'Translate an entry',
	description: 'Translate the text values of a JSON entry; keys, IDs, URLs, numbers and dates stay as they are',
	routing: {
		request: { method: 'POST', url: '/chat/completions' },
		send: { preSend: [buildTranslateRequest] },
		operations: { pagination: translateOrPassThrough },
		output: { postReceive: [rebuildTranslatedEntry] },
	},
};

export const translateFields: INodeProperties[] = forOperation('chat', 'translate', [
	...preselectedModelFields({ capability: 'chat', defaultModel: DEFAULT_MODELS.chat  }),
	{
		displayName: 'Entry Data',
		name: 'entry',
		type: 'json',
		required: true,
		default: '={{ $json }}',
		description: 'The entry to translate, e.g. the output of a CMS "get entry" step',
	},
	{
		displayName: 'Content Type Schema',
		name: 'contentTypeSchema',
		type: 'json',
		default: '',
		description:
			'Optional: the content type (or its "schema" field list). Then only its text, rich text and link title fields are translated; without it, every string that reads as text.',
	},
	{
		displayName: 'Target Language',
		name: 'targetLanguage',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. German or fr-FR',
		description: 'The language to translate into',
	},
	simplifyField('Whether to return the translated entry as "translatedEntry" instead of the raw reply'),
	optionsCollection(['maxTokens', 'otherParameters', 'reasoningEffort', 'seed', 'serviceTier', 'temperature', 'topP', 'user'], {
		extra: [
			{
				displayName: 'Additional Instructions',
				name: 'additionalInstructions',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: 'e.g. Use the informal "du". Keep product names in English.',
				description: 'Extra prompt text for the translator: tone, terminology, what not to translate',
			},
		],
		overrides: {
			maxTokens: {
				default: DEFAULT_MAX_TOKENS,
				description: 'The most tokens the translation may use. 2000 when not set, except for reasoning models (o-series, GPT-5).',
			},
		},
	}),
	...sendThroughBatchFields(),
]);
