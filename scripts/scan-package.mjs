// Runs @n8n/scan-community-package's analyzePackage, as n8n's verification does, on the source tree
// and on the packed tarball. Its CLI only takes published names and exits 0 on failure, so this
// reads the result itself and fails on any finding.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_FILE_PATTERNS, analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'scan-'));
let failed = false;

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	if (result.passed) {
		console.log(`scan ${label}: clean${result.message ? ` (${result.message})` : ''}`);
		return;
	}
	failed = true;
	console.error(`scan ${label}: ${result.message}\n${result.details ?? ''}`);
}

try {
	await scan('source', root, SOURCE_FILE_PATTERNS);
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
	execFileSync('tar', ['xzf', path.join(work, tarball), '-C', work]);
	await scan(`tarball ${tarball}`, path.join(work, 'package'), ['**/*.js', 'package.json']);
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
