#!/usr/bin/env node
// `npm run demo`: one command to see the node work in real n8n.
//
//  - installs the pinned n8n (once; cached outside the repo, ~5 minutes the first time),
//  - builds and packs this package and installs it as a community package,
//  - starts a local mock of the OpenAI API (scripts/mock-openai.mjs), or uses
//    the real API when OPENAI_API_KEY is set,
//  - runs the sample workflows in examples/ with the n8n CLI and prints what
//    each node returned (images are saved under demo-output/).
//
// Options:
//   --open          afterwards, keep n8n running at http://127.0.0.1:5678 with the
//                   examples imported, to look around in the editor (Ctrl-C stops it)
//   --port <n>      port for --open (default 5678)
//   --skip-build    use dist/ as it is
// Environment: OPENAI_API_KEY (real API), OPENAI_BASE_URL (default https://api.openai.com/v1),
//              N8N_VERSION, N8N_E2E_CACHE (see scripts/install-n8n.sh)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	CREDENTIAL_TYPE,
	NODE_TYPE,
	OWNER,
	ROOT,
	elapsed,
	ensureN8n,
	executeWorkflow,
	importAll,
	installCommunityPackage,
	listJson,
	packPackage,
	nodeOperations,
	prepareWorkflows,
	restClient,
	setupOwner,
	startN8nServer,
} from '../test/e2e/lib.mjs';
import { startsWithTrigger } from '../test/e2e/trigger.mjs';
import { startMockOpenAI } from './mock-openai.mjs';

const argv = process.argv.slice(2);
const open = argv.includes('--open');
const port = argv.includes('--port') ? Number(argv[argv.indexOf('--port') + 1]) : 5678;
const real = Boolean(process.env.OPENAI_API_KEY);
const OUT = join(ROOT, 'demo-output');

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);

/** A readable, bounded rendering of a node's output item. */
function compact(value, depth = 0) {
	if (Array.isArray(value)) {
		if (value.length > 6 && value.every((v) => typeof v === 'number')) {
			return `[${value.length} numbers: ${value.slice(0, 4).map((v) => v.toFixed(4)).join(', ')}, …]`;
		}
		return value.slice(0, 6).map((v) => compact(v, depth + 1)).concat(value.length > 6 ? [`… ${value.length - 6} more`] : []);
	}
	if (value && typeof value === 'object') {
		if (depth > 4) return '{…}';
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v, depth + 1)]));
	}
	if (typeof value === 'string' && value.length > 300) return `${value.slice(0, 300)}… (${value.length} chars)`;
	return value;
}

async function main() {
	const started = Date.now();
	console.log(bold('OpenAI Platform node for n8n: demo'));
	console.log(
		real
			? `Using the REAL OpenAI API (OPENAI_API_KEY is set): this costs a few cents (gpt-4o-mini, one 256x256 dall-e-2 image, embeddings).`
			: `Using a local mock of the OpenAI API (set OPENAI_API_KEY to use the real one).`,
	);
	const n8n = ensureN8n();
	const tarball = packPackage({ build: !argv.includes('--skip-build') });
	const userFolder = mkdtempSync(join(tmpdir(), 'oap-demo-n8n-'));
	const packageDir = installCommunityPackage(userFolder, tarball);
	rmSync(tarball, { force: true });

	const mock = real ? undefined : await startMockOpenAI({ port: 0, idleSeconds: open ? 7200 : 600, lifetimeSeconds: open ? 4 * 3600 : 1800 });
	const baseUrl = real ? (process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1') : mock.url;
	if (mock) console.log(`mock OpenAI API on ${mock.url}`);
	const credential = {
		id: 'demoOpenAiCred01',
		name: real ? 'OpenAI Platform account' : 'OpenAI Platform (local mock)',
		type: CREDENTIAL_TYPE,
		data: { apiKey: process.env.OPENAI_API_KEY ?? 'sk-mock-not-a-real-key', baseUrl },
	};

	// Drop nodes whose resource this build of the node does not have yet.
	const resources = Object.keys(nodeOperations(n8n, packageDir));
	const prepared = prepareWorkflows(listJson(join(ROOT, 'examples')), credential, 'demo');
	const skipped = [];
	for (const p of prepared) {
		p.workflow.nodes = p.workflow.nodes.filter((node) => {
			if (node.type !== NODE_TYPE) return true;
			const has = resources.includes(node.parameters.resource);
			if (!has) skipped.push(`${node.name} (${node.parameters.resource}.${node.parameters.operation})`);
			return has;
		});
		const names = new Set(p.workflow.nodes.map((n) => n.name));
		for (const [source, outputs] of Object.entries(p.workflow.connections ?? {})) {
			if (!names.has(source)) delete p.workflow.connections[source];
			else outputs.main = outputs.main.map((links) => links.filter((link) => names.has(link.node)));
		}
	}
	await importAll(n8n, userFolder, credential, prepared);

	let failures = 0;
	mkdirSync(OUT, { recursive: true });
	for (const p of prepared) {
		console.log(`\n${bold(`▶ ${p.workflow.name}`)} ${dim(`(examples/${p.name}.json)`)}`);
		if (startsWithTrigger(p.workflow)) {
			console.log(`  Starts when OpenAI sends a webhook event: activate it in n8n and register its Production URL in OpenAI's dashboard (README, "OpenAI Platform Trigger"). npm run test:e2e runs it with signed events.`);
			continue;
		}
		const exec = await executeWorkflow(n8n, userFolder, p.id, { timeoutMs: 300_000, env: { N8N_DEFAULT_BINARY_DATA_MODE: 'default' } });
		const runData = exec.run?.data?.resultData?.runData;
		if (!runData) {
			failures++;
			console.log(`  n8n did not run it (exit ${exec.code}):\n${(exec.stdout + exec.stderr).slice(-2000)}`);
			continue;
		}
		for (const node of p.workflow.nodes.filter((n) => n.type === NODE_TYPE)) {
			const task = runData[node.name]?.[0];
			console.log(`\n  ${bold(node.name)} ${dim(`${node.parameters.resource}.${node.parameters.operation}`)}`);
			if (!task || task.error) {
				failures++;
				console.log(`    error: ${task?.error?.message ?? 'did not run'}${task?.error?.description ? `\n    ${task.error.description}` : ''}`);
				continue;
			}
			const items = task.data?.main?.[0] ?? [];
			for (const [index, item] of items.slice(0, 3).entries()) {
				const text = JSON.stringify(compact(item.json), null, 2).split('\n').join('\n    ');
				console.log(`    ${text}`);
				for (const [prop, file] of Object.entries(item.binary ?? {})) {
					const name = `${p.name}-${node.name.replace(/\W+/g, '-').toLowerCase()}-${index}-${file.fileName ?? prop}`;
					if (file.data && file.data !== 'filesystem-v2') {
						writeFileSync(join(OUT, name), Buffer.from(file.data, 'base64'));
						console.log(`    binary "${prop}": ${file.mimeType}, ${file.fileSize ?? ''} → demo-output/${name}`);
					} else {
						console.log(`    binary "${prop}": ${file.mimeType}, ${file.fileSize ?? ''}`);
					}
				}
			}
			if (items.length > 3) console.log(`    … ${items.length - 3} more items`);
		}
	}
	if (skipped.length) console.log(`\n${dim(`Not in this build of the node yet, skipped: ${skipped.join(', ')}`)}`);
	console.log(`\nDone in ${elapsed(started)} with n8n ${n8n.version}.`);

	if (open) {
		const server = await startN8nServer(n8n, userFolder, port, { lifetimeSeconds: 4 * 3600 });
		await setupOwner(restClient(server.url));
		console.log(`\n${bold(`n8n is running at ${server.url}`)}  (sign in: ${OWNER.email} / ${OWNER.password})`);
		console.log('The sample workflows and the credential are imported. Ctrl-C stops n8n and the mock.');
		const stop = async () => {
			await server.stop();
			await mock?.close();
			rmSync(userFolder, { recursive: true, force: true });
			process.exit(0);
		};
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
			process.removeAllListeners(signal);
			process.on(signal, stop);
		}
		server.child.on('exit', stop);
		return;
	}
	await mock?.close();
	rmSync(userFolder, { recursive: true, force: true });
	process.exitCode = failures ? 1 : 0;
}

main().catch((error) => {
	console.error(error?.stack ?? error);
	process.exit(1);
});
