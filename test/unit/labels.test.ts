/** compareLabels must order every sorted list of the description exactly as localeCompare does. */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { OpenAiPlatform } from '../../nodes/OpenAiPlatform/OpenAiPlatform.node';
import { compareLabels } from '../../nodes/OpenAiPlatform/shared/labels';

type Entry = INodeProperties | INodePropertyOptions | INodePropertyCollection;

/** Every list of labels in the description: option names and collection field names, at any depth. */
function labelLists(entries: Entry[], lists: string[][] = []): string[][] {
	for (const entry of entries) {
		const options = (entry as INodeProperties).options as Entry[] | undefined;
		if (Array.isArray(options) && options.length) {
			lists.push(options.map((option) => String((option as INodeProperties).displayName ?? option.name)));
			lists.push(options.map((option) => String(option.name)));
			labelLists(options, lists);
		}
		const values = (entry as INodePropertyCollection).values;
		if (Array.isArray(values)) labelLists(values, lists);
	}
	return lists;
}

describe('compareLabels', () => {
	it('sorts every label list of the description as localeCompare does', () => {
		const lists = labelLists(new OpenAiPlatform().description.properties);
		expect(lists.length).toBeGreaterThan(100);
		for (const labels of lists) {
			expect([...labels].sort(compareLabels)).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('puts lower case first when only case differs, and is a consistent order', () => {
		expect(['B', 'a', 'b', 'A'].sort(compareLabels)).toEqual(['a', 'A', 'b', 'B']);
		expect(compareLabels('Top P', 'Top P')).toBe(0);
		expect(compareLabels('Max Tokens', 'Max Completion Tokens')).toBeGreaterThan(0);
	});
});
