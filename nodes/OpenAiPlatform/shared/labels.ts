/**
 * Alphabetical order of the editor's labels (option names, field names), as `localeCompare` puts these plain ASCII
 * labels, but without it: its first call loads ICU's collator, which costs 5-9 ms when the node loads
 * (test/unit/labels.test.ts checks every sorted list of the description gets the same order either way).
 */
export function compareLabels(a: string, b: string): number {
	const x = a.toLowerCase();
	const y = b.toLowerCase();
	if (x !== y) return x < y ? -1 : 1;
	// Same letters: lower case first, as localeCompare does.
	return a === b ? 0 : a > b ? -1 : 1;
}
