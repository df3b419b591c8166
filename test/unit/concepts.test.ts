/**
 * One name per concept (issue 16): a setting's option `name` shows with one display name everywhere in the
 * description, the node creator's action labels sort the way they read, and every setting says what it does.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { OpenAiPlatform } from '../../nodes/OpenAiPlatform/OpenAiPlatform.node';
import { compareLabels } from '../../nodes/OpenAiPlatform/shared/labels';

const { properties } = new OpenAiPlatform().description;

interface Seen {
	key: string;
	field: INodeProperties | INodePropertyCollection;
	where: string;
	inCollection: boolean;
}

/**
 * Every field of the description, keyed by its name. A fixedCollection's item fields (e.g. "name" and "value" of a
 * header, "type" of a JSON-schema property) are keyed by their list as well: they name parts of that list's items.
 */
function walk(fields: Array<INodeProperties | INodePropertyCollection>, scope: string, where: string, inCollection: boolean, out: Seen[]): Seen[] {
	for (const field of fields) {
		const key = scope ? `${scope}/${field.name}` : field.name;
		out.push({ key, field, where: `${where}/${field.name}`, inCollection });
		const property = field as INodeProperties;
		if (property.type === 'collection') walk((property.options ?? []) as INodeProperties[], scope, `${where}/${field.name}`, true, out);
		if (property.type === 'fixedCollection') walk((property.options ?? []) as INodePropertyCollection[], key, `${where}/${field.name}`, false, out);
		const group = field as INodePropertyCollection;
		if (Array.isArray(group.values)) walk(group.values, key, `${where}/${field.name}`, false, out);
	}
	return out;
}

const seen = walk(properties, '', '', false, []);

describe('one name per concept', () => {
	it('the same option name never has two display names', () => {
		const names = new Map<string, Map<string, string>>();
		for (const { key, field, where } of seen) {
			const labels = names.get(key) ?? new Map<string, string>();
			if (!labels.has(field.displayName)) labels.set(field.displayName, where);
			names.set(key, labels);
		}
		const clashes = [...names].filter(([, labels]) => labels.size > 1).map(([key, labels]) => `${key}: ${[...labels].map(([label, where]) => `"${label}" (${where})`).join(', ')}`);
		expect(clashes).toEqual([]);
	});

	it('display names carry no unit or override suffixes and use n8n\'s "Built-in"', () => {
		const odd = seen.map(({ field }) => field.displayName).filter((label) => /\((ms|seconds|minutes|hours|days|override)\)/i.test(label) || label.includes('Built-In'));
		expect([...new Set(odd)]).toEqual([]);
	});

	it('every setting in an options collection says what it does', () => {
		const silent = seen.filter(({ field, inCollection }) => inCollection && !(field as INodeProperties).description).map(({ where }) => where);
		expect([...new Set(silent)]).toEqual([]);
	});
});

describe('node creator', () => {
	const selectors = properties.filter((property) => property.name === 'operation');

	it.each(selectors.map((selector) => [(selector.displayOptions?.show?.resource as string[]).join(), selector]))(
		'%s: the actions sort the way they read, as the creator shows them',
		(_resource, selector) => {
			const options = (selector as INodeProperties).options as INodePropertyOptions[];
			const actions = options.map((option) => option.action ?? '');
			expect(actions.every(Boolean)).toBe(true);
			expect(actions).toEqual([...actions].sort(compareLabels));
			// n8n's wording: a capital first letter, no trailing period.
			for (const action of actions) expect(action).toMatch(/^[A-Z].*[^.]$/);
		},
	);

	it('the subtitle names the operation and resource by their display names', () => {
		const subtitle = new OpenAiPlatform().description.subtitle as string;
		expect(subtitle).toContain('"chat.prompt":"Message: Chat"');
		expect(subtitle).toContain('"file.getContent":"Download: File"');
		expect(subtitle).not.toContain('}}[');
	});
});
