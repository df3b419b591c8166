// Prints the README's operation table from the built node description, or with --write puts it
// into README.md between its markers. test/unit/readme.test.ts keeps the two in step.
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';

function operationsTable() {
	const { OpenAiPlatform } = require(path.join(root, 'dist/nodes/OpenAiPlatform/OpenAiPlatform.node.js'));
	const { properties } = new OpenAiPlatform().description;
	const resources = properties.find((p) => p.name === 'resource').options;
	const rows = ['| Resource | Operation | What it does |', '|---|---|---|'];
	for (const resource of resources) {
		const selector = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value));
		for (const operation of selector?.options ?? []) {
			rows.push(`| ${resource.name} (\`${resource.value}\`) | ${operation.name} (\`${operation.value}\`) | ${operation.description ?? operation.action} |`);
		}
	}
	return rows.join('\n');
}

function readmeWithTable(readme) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error('README.md has no operation table markers');
	return `${readme.slice(0, start + START.length)}\n${operationsTable()}\n${readme.slice(end)}`;
}

module.exports = { operationsTable, readmeWithTable };

if (require.main === module) {
	const readmePath = path.join(root, 'README.md');
	if (process.argv.includes('--write')) writeFileSync(readmePath, readmeWithTable(readFileSync(readmePath, 'utf8')));
	else console.log(operationsTable());
}
