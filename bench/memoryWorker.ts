/**
 * Figure 4, one measurement in a fresh process, printed as JSON on the last line:
 *   node --expose-gc memoryWorker.js <baseUrl> <transcribe|upload|uploadParts> <bytes>
 * A file of <bytes> is streamed into n8n's binary store (filesystem mode, as in n8n by default for
 * large files) before anything is measured; then one item carrying it goes through our node in
 * n8n-core's WorkflowExecute: audio.transcribe or file.upload when the package has them, until then
 * the same multipart request through apiCall.request. Reported: RSS just before the run and the
 * peak RSS during it (VmHWM, reset through /proc/self/clear_refs before the run, so loading code
 * and writing the file are not counted).
 */
import { Container } from '@n8n/di';
import { readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { BinaryDataService } from 'n8n-core';

import { CREDENTIAL_TYPE, NODE_TYPE, PACKAGE_DIR, credentialsFor, loadPackage, runWorkflow, stepFunctions } from '../test/harness/n8n';
import type { WorkflowJson } from '../test/harness/n8n';
import { packageResources } from './params';

const [baseUrl, kind, bytesArg] = process.argv.slice(2);
const bytes = Number(bytesArg);
const MB = 1024 * 1024;

/** The request under test, as the real operation when it is built, else through apiCall.request. */
function parameters(): { parameters: IDataObject; operation: string; fileName: string; mimeType: string } {
	const resources = packageResources(PACKAGE_DIR);
	if (kind === 'transcribe') {
		const file = { fileName: 'speech.mp3', mimeType: 'audio/mpeg' };
		if (resources.includes('audio')) {
			return {
				...file,
				operation: 'audio.transcribe',
				parameters: { resource: 'audio', operation: 'transcribe', model: { __rl: true, mode: 'id', value: 'whisper-1' }, inputType: 'binary', binaryPropertyName: 'data', responseFormat: 'json' },
			};
		}
		return {
			...file,
			operation: 'apiCall.request multipart POST /audio/transcriptions (audio.transcribe not built yet)',
			parameters: {
				resource: 'apiCall',
				operation: 'request',
				method: 'POST',
				path: '/audio/transcriptions',
				bodyType: 'multipart',
				formFields: { field: [{ name: 'model', value: 'whisper-1' }] },
				formFiles: { file: [{ name: 'file', binaryPropertyName: 'data' }] },
				responseFormat: 'json',
			},
		};
	}
	const file = { fileName: 'upload.bin', mimeType: 'application/octet-stream' };
	if (kind === 'uploadParts') {
		// Over 512 MB, file.upload goes through the Uploads API by itself (parts of 64 MB read from the binary store).
		return { ...file, operation: 'file.upload (Uploads API, 64 MB parts)', parameters: { resource: 'file', operation: 'upload', binaryPropertyName: 'data', purpose: 'assistants', options: { uploadInParts: true } } };
	}
	if (resources.includes('file')) {
		return { ...file, operation: 'file.upload', parameters: { resource: 'file', operation: 'upload', binaryPropertyName: 'data', purpose: 'user_data' } };
	}
	return {
		...file,
		operation: 'apiCall.request multipart POST /files (file.upload not built yet)',
		parameters: {
			resource: 'apiCall',
			operation: 'request',
			method: 'POST',
			path: '/files',
			bodyType: 'multipart',
			formFields: { field: [{ name: 'purpose', value: 'user_data' }] },
			formFiles: { file: [{ name: 'file', binaryPropertyName: 'data' }] },
			responseFormat: 'json',
		},
	};
}

/** A file of `size` bytes written into the binary store as a stream of 1 MiB chunks (never whole in memory). */
async function storeFile(size: number, fileName: string, mimeType: string): Promise<IBinaryData> {
	const chunk = Buffer.alloc(Math.min(MB, Math.max(1, size)), 0x61);
	let left = size;
	const stream = Readable.from(
		(function* () {
			while (left > 0) {
				const n = Math.min(left, chunk.length);
				left -= n;
				yield n === chunk.length ? chunk : chunk.subarray(0, n);
			}
		})(),
	);
	const service = Container.get(BinaryDataService);
	const location = { type: 'execution', workflowId: 'bench', executionId: 'memory' } as never;
	return await service.store(location, stream, { data: '', mimeType, fileName } as IBinaryData);
}

function workflow(parameters: IDataObject, step: string): WorkflowJson {
	return {
		nodes: [
			{ id: '1', name: 'Input', type: 'harness.fixture', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify([{ json: {} }]) } },
			{ id: '2', name: 'File', type: 'harness.function', typeVersion: 1, position: [200, 0], parameters: { name: step } },
			{
				id: '3',
				name: 'OpenAI',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [400, 0],
				parameters: parameters as never,
				credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'OpenAI' } },
			},
		],
		connections: {
			Input: { main: [[{ node: 'File', type: 'main', index: 0 }]] },
			File: { main: [[{ node: 'OpenAI', type: 'main', index: 0 }]] },
		},
	};
}

const rssMb = () => process.memoryUsage().rss / MB;

function peakRssMb(): number {
	const status = readFileSync('/proc/self/status', 'utf8');
	const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
	return kb / 1024;
}

function resetPeak(): boolean {
	try {
		writeFileSync('/proc/self/clear_refs', '5');
		return true;
	} catch {
		return false;
	}
}

async function runOnce(parameters: IDataObject, binary: IBinaryData, step: string) {
	stepFunctions.set(step, (items: INodeExecutionData[]) => items.map((item) => ({ json: item.json, binary: { data: binary }, pairedItem: { item: 0 } })));
	const result = await runWorkflow(workflow(parameters, step), credentialsFor(baseUrl));
	const out = result.output('OpenAI');
	const error = result.error?.message ?? (out[0]?.json.error as string | undefined);
	return { outputs: out.length, error, reply: out[0]?.json };
}

void (async () => {
	await loadPackage();
	const { parameters: params, operation, fileName, mimeType } = parameters();
	// Warm-up with a small file: loads every module and JIT-compiles the path before measuring.
	const small = await storeFile(64 * 1024, fileName, mimeType);
	const warm = await runOnce(params, small, 'warm');
	const big = await storeFile(bytes, fileName, mimeType);
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	gc?.();
	const before = rssMb();
	const peakReset = resetPeak();
	let sampled = before;
	const sampler = setInterval(() => (sampled = Math.max(sampled, rssMb())), 5);
	const started = performance.now();
	const run = await runOnce(params, big, 'measured');
	const wallMs = performance.now() - started;
	clearInterval(sampler);
	const peak = peakReset ? peakRssMb() : Math.max(sampled, rssMb());
	const growthMb = peak - before;
	process.stdout.write(
		`\n${JSON.stringify({ kind, operation, bytes, fileMb: bytes / MB, rssBeforeMb: before, peakRssMb: peak, growthMb, ratio: growthMb / (bytes / MB), peakFrom: peakReset ? 'VmHWM' : 'sampled', wallMs, warmError: warm.error, ...run, reply: JSON.stringify(run.reply ?? {}).slice(0, 200) })}\n`,
	);
	process.exit(0);
})();
