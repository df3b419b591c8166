/**
 * `npm run bench`: every figure measured side by side in this run against a local server of ours
 * (127.0.0.1, deterministic replies, set latency and rate limit), printed with its goal, and
 * written to bench/RESULTS.md. Nothing here asserts a time; the goals are for reading.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD = path.resolve(__dirname, '..');
const NODE = process.execPath;

interface Measurement {
	items: number;
	outputs: number;
	errors: number;
	wallMs: number;
	cpuMs: number;
	peakRssMb: number;
}

interface Figure {
	name: string;
	value: string;
	goal: string;
	met: boolean | undefined;
}

const figures: Figure[] = [];
const extraSections: string[] = [];

async function withServer<T>(latencyMs: number, rate: number, use: (url: string) => Promise<T>): Promise<T> {
	const child = spawn(NODE, [path.join(BUILD, 'bench', 'mockServer.js'), String(latencyMs), String(rate), '600'], { stdio: ['ignore', 'pipe', 'pipe'] });
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('\n')) resolve(out.trim());
		});
		child.once('exit', (code) => reject(new Error(`mock server exited ${code}`)));
	});
	let log = '';
	child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
	try {
		return await use(url);
	} finally {
		child.removeAllListeners('exit');
		await new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
		if (log.trim()) console.log(`    server: ${log.trim()}`);
	}
}

function worker(mode: 'node' | 'sdk', url: string, items: number, concurrency: number, maxRetries = 2): Measurement {
	const out = execFileSync(NODE, [path.join(BUILD, 'bench', 'worker.js'), mode, url, String(items), String(concurrency), String(maxRetries)], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measurement;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const perItem = (m: Measurement) => m.cpuMs / m.items;
const throughput = (m: Measurement) => m.items / (m.wallMs / 1000);

async function figureOverhead() {
	const items = 1000;
	const concurrency = 10;
	console.log(`1. overhead: ${items} chat.complete items, concurrency ${concurrency}, 0 ms server`);
	await withServer(0, 0, async (url) => {
		const sdk = worker('sdk', url, items, concurrency);
		const node = worker('node', url, items, concurrency);
		console.log(`    sdk:  ${fmt(perItem(sdk), 3)} ms CPU/item, ${fmt(throughput(sdk), 0)} items/s, ${sdk.outputs} ok`);
		console.log(`    node: ${fmt(perItem(node), 3)} ms CPU/item, ${fmt(throughput(node), 0)} items/s, ${node.outputs} ok`);
		const extra = perItem(node) - perItem(sdk);
		const ratio = throughput(node) / throughput(sdk);
		figures.push({ name: '1a. CPU per item above the openai SDK', value: `${fmt(extra, 3)} ms (node ${fmt(perItem(node), 3)}, SDK ${fmt(perItem(sdk), 3)})`, goal: '<= 1 ms', met: extra <= 1 });
		figures.push({ name: '1b. Throughput vs the SDK', value: `${fmt(ratio)}x (${fmt(throughput(node), 0)} vs ${fmt(throughput(sdk), 0)} items/s)`, goal: '>= 0.9x', met: ratio >= 0.9 });
	});
	const latency = 20;
	const small = 200;
	await withServer(latency, 0, async (url) => {
		const node = worker('node', url, small, concurrency);
		const limit = (small * latency) / concurrency;
		const ratio = node.wallMs / limit;
		console.log(`    ${small} items at ${latency} ms latency: ${fmt(node.wallMs, 0)} ms, limit ${limit} ms`);
		figures.push({ name: `1c. ${small} items, ${latency} ms server, default concurrency ${concurrency}`, value: `${fmt(node.wallMs, 0)} ms = ${fmt(ratio)}x the limit N x latency / concurrency (${limit} ms)`, goal: '<= 1.3x', met: ratio <= 1.3 });
	});
}

async function figureRateLimit() {
	const items = 1000;
	const rate = 100;
	console.log(`3. rate limit: ${items} items, server allows ${rate} requests/s`);
	await withServer(0, rate, async (url) => {
		const node = worker('node', url, items, 10, 10);
		const limit = (items / rate) * 1000;
		const ratio = node.wallMs / limit;
		const lost = items - (node.outputs - node.errors);
		console.log(`    ${fmt(node.wallMs, 0)} ms, limit ${limit} ms, ${lost} lost`);
		figures.push({ name: `3. ${items} items at ${rate} requests/s (Max Retries 10)`, value: `${fmt(node.wallMs / 1000, 1)} s = ${fmt(ratio)}x the limit ${items}/R (${limit / 1000} s), ${lost} lost`, goal: '<= 1.15x, 0 lost', met: ratio <= 1.15 && lost === 0 });
	});
}

function figurePackage() {
	console.log('5. package cost');
	const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	const { size, unpackedSize, entryCount } = packed[0];
	figures.push({ name: '5a. Packed tarball', value: `${fmt(size / 1024, 1)} kB (${entryCount} files, ${fmt(unpackedSize / 1024, 1)} kB unpacked)`, goal: '< 300 kB', met: size < 300 * 1024 });
	// n8n has n8n-workflow loaded before it loads any community node, so it is loaded untimed here too.
	const script = `require('n8n-workflow');const t=process.hrtime.bigint();require(${JSON.stringify(path.join(ROOT, 'dist/nodes/OpenAiPlatform/OpenAiPlatform.node.js'))});require(${JSON.stringify(path.join(ROOT, 'dist/credentials/OpenAiPlatformApi.credentials.js'))});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
	const samples = Array.from({ length: 5 }, () => Number(execFileSync(NODE, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).trim()));
	samples.sort((a, b) => a - b);
	const median = samples[2];
	figures.push({ name: '5b. Load time (require node + credential in a fresh process with n8n-workflow loaded, median of 5)', value: `${fmt(median, 1)} ms`, goal: '< 50 ms', met: median < 50 });
}

function report() {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const header = `Measured ${new Date().toISOString()} on ${os.cpus().length} x ${cpu}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`;
	const rows = figures.map((f) => `| ${f.name} | ${f.value} | ${f.goal} | ${f.met === undefined ? 'n/a' : f.met ? 'met' : 'NOT met'} |`);
	const table = ['| Figure | Measured | Goal | |', '|---|---|---|---|', ...rows].join('\n');
	console.log(`\n${header}\n\n${table}\n`);
	const previous = (() => {
		try {
			return readFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), 'utf8');
		} catch {
			return '';
		}
	})();
	const notes = previous.includes('## Notes') ? previous.slice(previous.indexOf('## Notes')) : '## Notes\n';
	writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), `# Benchmark results\n\nWritten by \`npm run bench\`. ${header}\n\n${table}\n\n${extraSections.join('\n\n')}${extraSections.length ? '\n\n' : ''}${notes}`);
}

void (async () => {
	const only = process.argv.slice(2);
	const want = (n: string) => only.length === 0 || only.includes(n);
	if (want('1')) await figureOverhead();
	if (want('3')) await figureRateLimit();
	if (want('5')) figurePackage();
	report();
})();
