/**
 * Loaded before every test file: whatever a suite prints or a workflow run produces is scanned
 * for the test key, organization and project, and the file fails if any of them shows up.
 */
import { existsSync, readFileSync } from 'node:fs';

import { SECRET_CANARIES, secretLeaks } from '../harness/secrets';

const printed: string[] = [];
const originalStdout = process.stdout.write.bind(process.stdout);
const originalStderr = process.stderr.write.bind(process.stderr);

function capture(original: typeof process.stdout.write): typeof process.stdout.write {
	return ((chunk: unknown, ...rest: unknown[]) => {
		printed.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
		return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof process.stdout.write;
}

beforeAll(() => {
	process.stdout.write = capture(originalStdout);
	process.stderr.write = capture(originalStderr);
});

afterAll(() => {
	process.stdout.write = originalStdout;
	process.stderr.write = originalStderr;
	// n8n's logger writes to a file in tests (quietLogs.ts): what it logged is scanned as well.
	const logFile = process.env.N8N_LOG_FILE_LOCATION;
	const text = printed.join('') + (logFile && existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
	const printedLeaks = SECRET_CANARIES.filter((secret) => text.includes(secret));
	expect({ printedLeaks, runLeaks: secretLeaks }).toEqual({ printedLeaks: [], runLeaks: [] });
});
