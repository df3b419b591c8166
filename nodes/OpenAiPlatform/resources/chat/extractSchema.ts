import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { fail } from '../../shared/validation';

export const FIELDS_LABEL = 'Fields to Extract';
export const OBJECTS_LABEL = 'Object Definitions';

export interface FieldEntry {
	name?: string;
	description?: string;
	type?: string;
	objectName?: string;
	examples?: string;
	required?: boolean;
}

export interface ObjectEntry {
	name?: string;
	description?: string;
	properties?: { property?: FieldEntry[] };
}

const SCALARS: Record<string, string> = { text: 'string', number: 'number', integer: 'integer', boolean: 'boolean' };

/** The values of one field to extract, also used for the properties of an object definition. */
export const fieldValues: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice_number',
		description: 'Starts with a letter or _, then letters, digits or _ only: no spaces, commas or other symbols',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'e.g. Latitude and longitude of the location',
		description: 'What the value is. It is part of the prompt: the clearer, the better the result.',
	},
	{
		displayName: 'Data Type',
		name: 'type',
		type: 'options',
		default: 'text',
		description: 'Pick an array type when the text may hold several values',
		options: [
			{ name: 'Array of Booleans', value: 'booleanArray' },
			{ name: 'Array of Integers', value: 'integerArray' },
			{ name: 'Array of Numbers', value: 'numberArray' },
			{ name: 'Array of Objects', value: 'objectArray', description: 'A list of objects defined under Object Definitions' },
			{ name: 'Array of Texts', value: 'textArray' },
			{ name: 'Boolean', value: 'boolean' },
			{ name: 'Integer', value: 'integer' },
			{ name: 'Number', value: 'number' },
			{ name: 'Object', value: 'object', description: 'An object defined under Object Definitions' },
			{ name: 'Text', value: 'text' },
		],
	},
	{
		displayName: 'Object Name',
		name: 'objectName',
		type: 'string',
		default: '',
		displayOptions: { show: { type: ['object', 'objectArray'] } },
		description: 'The name of one of the Object Definitions',
	},
	{
		displayName: 'Value Examples',
		name: 'examples',
		type: 'string',
		default: '',
		placeholder: 'e.g. INV-001, INV-002',
		description: 'Examples of values to expect; the more, the more accurate',
	},
	{
		displayName: 'Required',
		name: 'required',
		type: 'boolean',
		default: false,
		description: 'Whether the model must always give a value. Off: it gives null when the text has none.',
	},
];

const NAME_RULE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** How an error names a field, object or property, e.g. `property "city" of object "address"`. */
type Describe = (name: string) => string;

function checkName(context: IExecuteSingleFunctions, label: string, name: string, describe: Describe): void {
	if (!NAME_RULE.test(name)) {
		fail(context, `${label}: ${describe(name)} is not a valid name: start with a letter or _, then use letters, digits or _ only (no spaces, commas or symbols)`);
	}
}

/**
 * The strict JSON schema of the fields to extract: every property required (optional ones may be
 * null), no additional properties, object definitions as `$defs` (so they may nest, even
 * recursively). Names are checked and every error names the bad field or object.
 */
export function extractionSchema(context: IExecuteSingleFunctions, fields: FieldEntry[], objects: ObjectEntry[]): IDataObject {
	if (!fields.length) fail(context, `${FIELDS_LABEL}: add at least one field`);
	const definitions = new Map<string, ObjectEntry>();
	for (const object of objects) {
		const name = String(object.name ?? '').trim();
		checkName(context, OBJECTS_LABEL, name, (n) => `object "${n}"`);
		if (definitions.has(name)) fail(context, `${OBJECTS_LABEL}: object "${name}" is defined twice`);
		definitions.set(name, object);
	}
	const used = new Set<string>();

	const propertySchema = (field: FieldEntry, label: string, describe: Describe): IDataObject => {
		const type = field.type ?? 'text';
		const optional = field.required !== true;
		let schema: IDataObject;
		const isArray = type.endsWith('Array');
		const base = isArray ? type.slice(0, -'Array'.length) : type;
		let item: IDataObject;
		if (base === 'object') {
			const objectName = String(field.objectName ?? '').trim();
			if (!definitions.has(objectName)) {
				fail(context, `${label}: ${describe(String(field.name))} refers to object "${objectName}", which is not in Object Definitions`);
			}
			used.add(objectName);
			item = { $ref: `#/$defs/${objectName}` };
		} else if (SCALARS[base]) {
			item = { type: SCALARS[base] };
		} else {
			fail(context, `${label}: ${describe(String(field.name))} has an unknown data type "${type}"`);
		}
		if (isArray) schema = { type: optional ? ['array', 'null'] : 'array', items: item };
		else if (item.$ref) schema = optional ? { anyOf: [item, { type: 'null' }] } : { ...item };
		else schema = { type: optional ? [item.type as string, 'null'] : item.type };
		const description = [field.description?.trim(), field.examples?.trim() ? `Examples: ${field.examples.trim()}` : '']
			.filter(Boolean)
			.join(' ');
		if (description) {
			// A $ref may not have sibling keywords, so a described reference goes inside anyOf.
			if (schema.$ref) schema = { anyOf: [schema] };
			schema.description = description;
		}
		return schema;
	};

	const objectSchema = (entries: FieldEntry[], label: string, describe: Describe): IDataObject => {
		const properties: IDataObject = {};
		for (const field of entries) {
			const name = String(field.name ?? '').trim();
			checkName(context, label, name, describe);
			if (properties[name]) fail(context, `${label}: ${describe(name)} is defined twice`);
			properties[name] = propertySchema({ ...field, name }, label, describe);
		}
		return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
	};

	const root = objectSchema(fields, FIELDS_LABEL, (n) => `field "${n}"`);
	const defs: IDataObject = {};
	const pending = [...used];
	while (pending.length) {
		const name = pending.shift() as string;
		if (defs[name]) continue;
		const object = definitions.get(name) as ObjectEntry;
		const properties = object.properties?.property ?? [];
		if (!properties.length) fail(context, `${OBJECTS_LABEL}: object "${name}" has no properties`);
		const before = new Set(used);
		defs[name] = {
			...objectSchema(properties, OBJECTS_LABEL, (n) => `property "${n}" of object "${name}"`),
			...(object.description?.trim() ? { description: object.description.trim() } : {}),
		};
		for (const next of used) if (!before.has(next)) pending.push(next);
	}
	return Object.keys(defs).length ? { ...root, $defs: defs } : root;
}
