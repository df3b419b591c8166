/**
 * mergeSharedFields folds identical per-operation fields into one: the editor must show every operation exactly
 * the fields it showed before, in the same order, with the same definitions.
 */
import type { INodeProperties } from 'n8n-workflow';

import { OpenAiPlatform } from '../../nodes/OpenAiPlatform/OpenAiPlatform.node';
import { resourceProperties, resourceSelectors } from '../../nodes/OpenAiPlatform/resources';
import { requestOptionsProperty } from '../../nodes/OpenAiPlatform/shared/fields';
import { sendPathProperty } from '../../nodes/OpenAiPlatform/shared/hooks';
import { hookOrigin } from '../../nodes/OpenAiPlatform/shared/pairing';
import { mergeSharedFields } from '../../nodes/OpenAiPlatform/shared/sharedFields';

const original: INodeProperties[] = [sendPathProperty, ...resourceSelectors, ...resourceProperties, requestOptionsProperty];
/** The node's properties with each hook as written (the node wraps them so preSend failures stay paired, see shared/pairing.ts). */
function unwrapped<T>(value: T): T {
	if (typeof value === 'function') return hookOrigin(value);
	if (Array.isArray(value)) return value.map(unwrapped) as T;
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, unwrapped(entry)])) as T;
	return value;
}
const merged = unwrapped(new OpenAiPlatform().description.properties);

interface Show {
	resource?: string[];
	operation?: string[];
}

const show = (property: INodeProperties) => (property.displayOptions?.show ?? {}) as Show;

/** The fields an operation shows (by resource and operation only), each without its operation list. */
function fieldsOf(properties: INodeProperties[], resource: string, operation: string) {
	return properties
		.filter((property) => {
			const { resource: resources, operation: operations } = show(property);
			return (!resources || resources.includes(resource)) && (!operations || operations.includes(operation));
		})
		.map((property) => {
			const rest = { ...show(property) };
			delete rest.operation;
			return { ...property, displayOptions: property.displayOptions ? { ...property.displayOptions, show: rest } : undefined };
		});
}

const pairs = [...new Set(original.flatMap((property) => (show(property).resource ?? []).flatMap((resource) => (show(property).operation ?? []).map((operation) => `${resource}.${operation}`))))];

describe('mergeSharedFields', () => {
	it('leaves fewer top-level properties', () => {
		expect(merged.length).toBeLessThan(original.length);
		expect(merged).toEqual(mergeSharedFields(original));
	});

	it.each(pairs)('%s shows the same fields in the same order', (pair) => {
		const [resource, operation] = pair.split('.');
		expect(fieldsOf(merged, resource, operation)).toEqual(fieldsOf(original, resource, operation));
	});

	it('keeps fields apart when they differ, or when merging would reorder an operation', () => {
		const field = (name: string, operation: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
			displayName: name,
			name,
			type: 'string',
			default: '',
			displayOptions: { show: { resource: ['r'], operation: [operation] } },
			...extra,
		});
		// b's "x" cannot move above b's "y": its fields would change order.
		const reordered = mergeSharedFields([field('x', 'a'), field('y', 'b'), field('x', 'b')]);
		expect(reordered.map((property) => property.name)).toEqual(['x', 'y', 'x']);
		const different = mergeSharedFields([field('x', 'a'), field('x', 'b', { default: 'other' })]);
		expect(different).toHaveLength(2);
		const same = mergeSharedFields([field('x', 'a'), field('x', 'b'), field('z', 'b')]);
		expect(same.map((property) => [property.name, show(property).operation])).toEqual([
			['x', ['a', 'b']],
			['z', ['b']],
		]);
	});
});
