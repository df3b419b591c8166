import type { INodeProperties } from 'n8n-workflow';

/** Deep equality of description values; functions (hooks) count as equal only when they are the same function. */
function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	if (keysA.length !== keysB.length) return false;
	return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

interface Shown {
	resource?: unknown[];
	operation?: unknown[];
}

const shownOf = (property: INodeProperties): Shown | undefined => property.displayOptions?.show as Shown | undefined;

/** Whether two fields differ only in the operations of one resource they are shown for (cheap checks first). */
function mergeable(earlier: INodeProperties, later: INodeProperties): boolean {
	if (earlier.name !== later.name || earlier.type !== later.type) return false;
	const { displayOptions: shownEarlier, ...restEarlier } = earlier;
	const { displayOptions: shownLater, ...restLater } = later;
	if (!shownEarlier || !shownLater || Object.keys(shownEarlier).join() !== 'show' || Object.keys(shownLater).join() !== 'show') return false;
	const { operation: opsEarlier, ...conditionsEarlier } = shownEarlier.show as Shown;
	const { operation: opsLater, ...conditionsLater } = shownLater.show as Shown;
	if (!Array.isArray(opsEarlier) || !Array.isArray(opsLater) || !Array.isArray(conditionsEarlier.resource)) return false;
	if (opsLater.some((operation) => opsEarlier.includes(operation))) return false;
	return sameValue(conditionsEarlier, conditionsLater) && sameValue(restEarlier, restLater);
}

/** Whether a field may be shown for any of these operations of these resources (true when unsure). */
function mayShowFor(property: INodeProperties, resources: unknown[], operations: unknown[]): boolean {
	if (!property.displayOptions || property.displayOptions.hide) return true;
	const shown = shownOf(property);
	if (!shown) return true;
	if (Array.isArray(shown.resource) && !shown.resource.some((resource) => resources.includes(resource))) return false;
	if (Array.isArray(shown.operation) && !shown.operation.some((operation) => operations.includes(operation))) return false;
	return true;
}

/**
 * Folds fields that several operations of a resource define identically (same name, same definition, same
 * conditions but the operation) into one field shown for all of them, where that keeps every operation's fields in
 * the same order. The editor shows exactly what it showed before. It matters for speed: n8n's RoutingNode walks every
 * top-level property twice for every item, and resolves the item's value once per property of that name, so each
 * duplicate costs CPU on every item, and an expression in a duplicated field is evaluated once more per duplicate.
 */
export function mergeSharedFields(properties: INodeProperties[]): INodeProperties[] {
	const merged: INodeProperties[] = [];
	for (const property of properties) {
		const shown = shownOf(property);
		let target = -1;
		const resources = shown?.resource ?? [];
		const operations = shown?.operation ?? [];
		// Walks back over fields its operations do not show: moving the field above one they show would reorder them.
		for (let index = merged.length - 1; index >= 0 && operations.length; index--) {
			if (mergeable(merged[index], property)) {
				target = index;
				break;
			}
			if (mayShowFor(merged[index], resources, operations)) break;
		}
		if (target < 0) {
			merged.push(property);
			continue;
		}
		const existing = merged[target];
		const existingShown = shownOf(existing) as Shown;
		merged[target] = {
			...existing,
			displayOptions: { show: { ...existingShown, operation: [...(existingShown.operation ?? []), ...(shown?.operation ?? [])] } as never },
		};
	}
	return merged;
}
