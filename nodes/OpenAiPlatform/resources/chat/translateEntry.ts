import { isPlainObject } from '../../shared/validation';

/**
 * Which strings of an entry get translated, by path. Only these texts go to the model, as a flat
 * {path: text} object, and only they are replaced in a copy of the entry, so keys, ids, URLs,
 * numbers, booleans and dates cannot change and the entry keeps its shape.
 */
export type Path = Array<string | number>;

export interface TranslationPlan {
	/** path label -> text to translate */
	texts: Record<string, string>;
	/** path label -> where the text is in the entry */
	paths: Map<string, Path>;
}

/** A field of a content type schema (Contentstack's shape: uid, data_type, multiple, schema, blocks). */
export interface SchemaField {
	uid?: string;
	data_type?: string;
	multiple?: boolean;
	display_type?: string;
	enum?: unknown;
	schema?: SchemaField[];
	blocks?: Array<{ uid?: string; schema?: SchemaField[] }>;
}

/** Keys whose string values are never text: identifiers, links, technical values. */
const TECHNICAL_KEY =
	/^(uid|id|_id|ids|uuid|url|urls|href|src|link|locale|locales|lang|language|type|_?content_?type(_uid)?|mime_?type|file_?name|extension|slug|email|status|colou?r|icon|class(_?name)?|key|format|_?version|tags|sku|code|currency|time_?zone|ref|target|rel|width|height|size|file_size)$/i;
const TECHNICAL_KEY_SUFFIX = /(_uid|_id|_ids|_url|_at|_by|_type)$|[a-z](Id|Ids|Url|Uid|At)$/;

function isTechnicalKey(key: string): boolean {
	return TECHNICAL_KEY.test(key) || TECHNICAL_KEY_SUFFIX.test(key);
}

/** Sub-objects that hold no content at all. */
const TECHNICAL_SUBTREES = new Set(['attrs', 'publish_details', '_metadata', 'acl', 'ACL', '_embedded_items', 'field_metadata', '_in_progress', 'system']);

const CHOICE_DISPLAYS = new Set(['dropdown', 'radio', 'checkbox']);

/** Whether a string reads as human text rather than an id, URL, date, number, path or code. */
export function looksLikeText(value: string): boolean {
	const text = value.trim();
	if (!text || !/\p{L}/u.test(text)) return false;
	if (/^(true|false|null|undefined)$/i.test(text)) return false;
	if (/^[a-z][a-z\d+.-]*:\/\//i.test(text) || /^(mailto|tel|data|javascript):/i.test(text) || /^www\./i.test(text)) return false;
	if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(text)) return false;
	if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return false;
	if (!/\s/.test(text)) {
		if (/^[/#.?&=]/.test(text)) return false; // paths, anchors, query strings
		if (/[@/\\_=]/.test(text)) return false; // emails, paths, snake_case, encoded values
		if (/^[\w-]+\.[a-z0-9]{2,5}$/i.test(text)) return false; // file and host names
		if (/\d/.test(text) && /^[a-z0-9-]+$/i.test(text)) return false; // identifiers like blt123abc or sku-42
		if (/^[a-z]+[A-Z]\w*$/.test(text)) return false; // camelCase identifiers
	}
	return true;
}

function label(path: Path): string {
	return path
		.map((part, index) => {
			if (typeof part === 'number') return `[${part}]`;
			if (/^[A-Za-z_$][\w$-]*$/.test(part)) return index === 0 ? part : `.${part}`;
			return `[${JSON.stringify(part)}]`;
		})
		.join('');
}

class PlanBuilder {
	readonly plan: TranslationPlan = { texts: {}, paths: new Map() };

	add(path: Path, value: unknown): void {
		if (typeof value !== 'string' || !looksLikeText(value)) return;
		let name = label(path);
		for (let n = 2; this.plan.paths.has(name); n++) name = `${label(path)}#${n}`;
		this.plan.texts[name] = value;
		this.plan.paths.set(name, path);
	}

	/** Without a schema: every string that reads as text, except under technical keys. */
	walk(value: unknown, path: Path, key = ''): void {
		if (typeof value === 'string') {
			if (!isTechnicalKey(key)) this.add(path, value);
		} else if (Array.isArray(value)) {
			value.forEach((item, index) => this.walk(item, [...path, index], key));
		} else if (isPlainObject(value)) {
			for (const [childKey, child] of Object.entries(value)) {
				if (!TECHNICAL_SUBTREES.has(childKey)) this.walk(child, [...path, childKey], childKey);
			}
		}
	}

	/** Rich text (JSON RTE): only the "text" leaves. */
	walkRichText(value: unknown, path: Path): void {
		if (Array.isArray(value)) value.forEach((item, index) => this.walkRichText(item, [...path, index]));
		else if (isPlainObject(value)) {
			for (const [key, child] of Object.entries(value)) {
				if (key === 'text') this.add([...path, key], child);
				else if (!TECHNICAL_SUBTREES.has(key) && typeof child === 'object') this.walkRichText(child, [...path, key]);
			}
		}
	}

	/** With a content type schema: text fields, rich text, and the text inside groups, blocks and links. */
	walkFields(entry: unknown, fields: SchemaField[], path: Path): void {
		if (!isPlainObject(entry)) return;
		for (const field of fields) {
			const uid = field.uid;
			if (!uid || entry[uid] === undefined || entry[uid] === null) continue;
			const value = entry[uid];
			const values: Array<[unknown, Path]> = Array.isArray(value)
				? value.map((item, index) => [item, [...path, uid, index]])
				: [[value, [...path, uid]]];
			for (const [item, itemPath] of values) {
				switch (field.data_type) {
					case 'text':
						// Select fields store one of fixed choices: translating would break them.
						if (field.enum === undefined && !CHOICE_DISPLAYS.has(field.display_type ?? '')) this.add(itemPath, item);
						break;
					case 'json':
						this.walkRichText(item, itemPath);
						break;
					case 'group':
					case 'global_field':
						this.walkFields(item, field.schema ?? [], itemPath);
						break;
					case 'blocks':
						if (isPlainObject(item)) {
							for (const [blockUid, block] of Object.entries(item)) {
								const definition = field.blocks?.find((candidate) => candidate.uid === blockUid);
								if (definition) this.walkFields(block, definition.schema ?? [], [...itemPath, blockUid]);
							}
						}
						break;
					case 'link':
						if (isPlainObject(item)) this.add([...itemPath, 'title'], item.title);
						break;
					default:
						// numbers, booleans, dates, files, references, selects: never translated
						break;
				}
			}
		}
	}
}

/** The texts of an entry; with a schema, only its text fields (the entry may be wrapped as {"entry": {...}}). */
export function translationPlan(entry: unknown, schema?: SchemaField[]): TranslationPlan {
	const builder = new PlanBuilder();
	if (!schema) {
		builder.walk(entry, []);
		return builder.plan;
	}
	const wrapped =
		isPlainObject(entry) && isPlainObject(entry.entry) && !schema.some((field) => field.uid && field.uid in (entry as object));
	builder.walkFields(wrapped ? (entry as { entry: unknown }).entry : entry, schema, wrapped ? ['entry'] : []);
	return builder.plan;
}

/** A copy of the entry with the translated texts in place. */
export function withTranslations(entry: unknown, plan: TranslationPlan, translations: Record<string, string>): unknown {
	const copy = JSON.parse(JSON.stringify(entry)) as unknown;
	for (const [name, path] of plan.paths) {
		let target = copy as Record<string | number, unknown>;
		for (const part of path.slice(0, -1)) target = target[part] as Record<string | number, unknown>;
		target[path[path.length - 1]] = translations[name];
	}
	return copy;
}

/** The fields of a content type: a field list, {schema: [...]}, or {content_type: {schema: [...]}}. */
export function schemaFieldsOf(value: unknown): SchemaField[] | undefined {
	if (Array.isArray(value)) return value as SchemaField[];
	if (!isPlainObject(value)) return undefined;
	if (Array.isArray(value.schema)) return value.schema as SchemaField[];
	if (isPlainObject(value.content_type)) return schemaFieldsOf(value.content_type);
	return undefined;
}
