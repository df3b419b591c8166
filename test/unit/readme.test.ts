import { readFileSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_DIR } from '../harness/n8n';

describe('README', () => {
	it("lists exactly the node's resources and operations (regenerate with: node scripts/operations-table.js --write)", () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { readmeWithTable } = require(path.join(PACKAGE_DIR, 'scripts', 'operations-table.js')) as { readmeWithTable: (readme: string) => string };
		const readme = readFileSync(path.join(PACKAGE_DIR, 'README.md'), 'utf8');
		expect(readme).toBe(readmeWithTable(readme));
	});
});
