import type { IDataObject, IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, idLocatorField, orderField } from '../../shared/fields';
import { metadataField, metadataFrom } from '../../shared/metadata';
import { idField } from '../../shared/ids';
import type { OperationSpec } from '../../shared/operation';
import { defineOperation } from '../../shared/operation';
import { fail, isPlainObject, jsonValue } from '../../shared/validation';

export const evalIdField = (description: string): INodeProperties =>
	idLocatorField({ name: 'evalId', displayName: 'Eval', searchListMethod: 'searchEvals', placeholder: 'e.g. eval_abc123', description });

export const runIdField: INodeProperties = idField({ name: 'runId', displayName: 'Run ID', placeholder: 'e.g. evalrun_abc123', description: 'The eval run, as Create Run or Get Many Runs gave it' });

export const EVAL_IDS = { evalId: 'Eval' };
export const RUN_IDS = { evalId: 'Eval', runId: 'Run ID' };

/** An operation of this resource (`defineOperation` scoped to eval). */
export const evalOperation = (spec: OperationSpec) => defineOperation('eval', spec);

/** The grader types an eval's testing criteria may use. */
const GRADER_TYPES = ['label_model', 'string_check', 'text_similarity', 'python', 'score_model'];
const DATA_SOURCE_CONFIG_TYPES = ['custom', 'logs', 'stored_completions'];
const RUN_DATA_SOURCE_TYPES = ['jsonl', 'completions', 'responses'];

/** A JSON object whose `type` is one of `types`, checked; `what` names it in errors. */
function typedObject(context: IExecuteSingleFunctions, field: string, value: unknown, types: string[], what = 'the object'): IDataObject {
	if (!isPlainObject(value)) fail(context, `${field}: ${what} must be a JSON object`);
	const type = (value as IDataObject).type;
	if (typeof type !== 'string' || !types.includes(type)) {
		fail(context, `${field}: ${what} has ${type === undefined ? 'no "type"' : `type ${JSON.stringify(type)}`}`, `Use one of: ${types.join(', ')}`);
	}
	return value as IDataObject;
}

/** "Data Source Config" (JSON): custom (with an item schema object), logs or stored completions. */
export function dataSourceConfigFrom(context: IExecuteSingleFunctions): IDataObject {
	const field = 'Data Source Config';
	const config = typedObject(context, field, jsonValue(context, field, context.getNodeParameter('dataSourceConfig', '')), DATA_SOURCE_CONFIG_TYPES);
	if (config.type === 'custom' && !isPlainObject(config.item_schema)) fail(context, `${field}: a custom data source needs "item_schema", a JSON schema object`);
	return config;
}

/** "Testing Criteria" (JSON): a non-empty list of graders, each with a known type and a name. */
export function testingCriteriaFrom(context: IExecuteSingleFunctions): IDataObject[] {
	const field = 'Testing Criteria';
	const value = jsonValue(context, field, context.getNodeParameter('testingCriteria', ''));
	if (!Array.isArray(value) || value.length === 0) fail(context, `${field}: must be a JSON array with at least one grader`);
	return (value as unknown[]).map((grader, index) => {
		const checked = typedObject(context, field, grader, GRADER_TYPES, `grader ${index + 1}`);
		if (typeof checked.name !== 'string' || !checked.name.trim()) fail(context, `${field}: grader ${index + 1} has no "name"`);
		return checked;
	});
}

/** "Data Source" (JSON) of a run: jsonl (with a source), completions or responses. */
export function runDataSourceFrom(context: IExecuteSingleFunctions): IDataObject {
	const field = 'Data Source';
	const source = typedObject(context, field, jsonValue(context, field, context.getNodeParameter('dataSource', '')), RUN_DATA_SOURCE_TYPES);
	if (source.type === 'jsonl' && !isPlainObject(source.source)) fail(context, `${field}: a jsonl data source needs "source" (file_content or file_id)`);
	return source;
}

/** A JSON field of this resource, shown as an editor with an example. */
export function jsonField(name: string, displayName: string, example: unknown, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'json',
		required: true,
		default: JSON.stringify(example, null, 2),
		description,
	};
}

/** A list's options: the order, and a status filter with the statuses it knows. */
export function listOptions(statusDescription: string, statuses: INodePropertyOptions[]): INodeProperties {
	const firstStatus = String(statuses[0].value);
	return collectionField([
		orderField(),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: firstStatus,
			description: statusDescription,
			options: statuses,
			routing: { send: { type: 'query', property: 'status' } },
		},
	]);
}

interface NameAndMetadata {
	name?: string;
	metadata?: { pair?: Array<{ key?: string; value?: unknown }> };
}

/** The optional name and metadata of an eval or a run ("Options"), checked, as body fields. */
export function nameAndMetadataFrom(context: IExecuteSingleFunctions): IDataObject {
	const options = context.getNodeParameter('options', {}) as NameAndMetadata;
	const metadata = metadataFrom(context, options.metadata);
	return { ...(options.name?.trim() ? { name: options.name.trim() } : {}), ...(metadata ? { metadata } : {}) };
}

/** "Options" of create and createRun: metadata and a name. */
export const nameAndMetadataOptions = (what: string): INodeProperties =>
	collectionField([metadataField(), { displayName: 'Name', name: 'name', type: 'string', default: '', description: `Name of the ${what}` }]);
