/**
 * Runs workflow JSON through n8n-core's own WorkflowExecute, with the built package loaded the
 * way n8n loads a community package (PackageDirectoryLoader on the package folder).
 */
import 'reflect-metadata';
import { Container } from '@n8n/di';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	BinaryDataConfig,
	BinaryDataService,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PackageDirectoryLoader,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { TEST_ADMIN_KEY, TEST_API_KEY, recordLeaks } from './secrets';

export { TEST_ADMIN_KEY, TEST_API_KEY, TEST_ORGANIZATION, TEST_PROJECT } from './secrets';

/** The package root: the nearest folder up with a package.json (test/harness under jest, .bench-build/test/harness for the benchmarks). */
function packageDir(from: string): string {
	for (let dir = from; ; dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'package.json'))) return dir;
		if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
	}
}

export const PACKAGE_DIR = packageDir(__dirname);
export const NODE_TYPE = 'n8n-nodes-openai-platform.openAiPlatform';
export const CREDENTIAL_TYPE = 'openAiPlatformApi';

/** Test-only node types: a source of fixed items (with binary data) and a function step. */
const fixtureNode: INodeType = {
	description: {
		displayName: 'Fixture',
		name: 'fixture',
		group: ['input'],
		version: 1,
		description: 'Emits the items given in its parameters',
		defaults: { name: 'Fixture' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	},
	async execute(this: IExecuteFunctions) {
		const raw = this.getNodeParameter('items', 0) as unknown;
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{
			json: IDataObject;
			binary?: Record<string, { data: string; fileName?: string; mimeType?: string }>;
		}>;
		const out: INodeExecutionData[] = [];
		for (const [index, item] of items.entries()) {
			const entry: INodeExecutionData = { json: item.json ?? {}, pairedItem: { item: 0 } };
			void index;
			if (item.binary) {
				entry.binary = {};
				for (const [key, file] of Object.entries(item.binary)) {
					entry.binary[key] = await this.helpers.prepareBinaryData(
						Buffer.from(file.data, 'base64'),
						file.fileName,
						file.mimeType,
					);
				}
			}
			out.push(entry);
		}
		return [out];
	},
};

/** Functions a test registers by name for the `harness.function` node. */
export const stepFunctions = new Map<string, (items: INodeExecutionData[]) => INodeExecutionData[]>();

const functionNode: INodeType = {
	description: {
		displayName: 'Function',
		name: 'function',
		group: ['transform'],
		version: 1,
		description: 'Runs a function the test registered',
		defaults: { name: 'Function' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }],
	},
	async execute(this: IExecuteFunctions) {
		const step = stepFunctions.get(this.getNodeParameter('name', 0) as string);
		if (!step) throw new Error('unknown step function');
		return [step(this.getInputData())];
	},
};

/** Node types a benchmark adds to the harness (e.g. a minimal declarative node to compare with), by type name. */
export const extraNodeTypes = new Map<string, INodeType>();

class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string) {
		const type = this.types[nodeType] ?? extraNodeTypes.get(nodeType);
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: Record<string, ICredentialType>,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes() {
		return [];
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestParams: IHttpRequestOptions) {
		const type = this.credentialTypes[typeName];
		if (typeof type?.authenticate === 'function') return await type.authenticate(credentials, requestParams);
		return requestParams;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	getCredentialsProperties() {
		return [];
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string) {
		return { ...(this.credentials[type] ?? {}) };
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getOAuth2Options() {
		return undefined;
	}

	isCredentialUsableByNode() {
		return true;
	}
}

interface Loaded {
	nodeTypes: TestNodeTypes;
	credentialTypes: Record<string, ICredentialType>;
}

let loaded: Promise<Loaded> | undefined;
let storageDir: string | undefined;

/** Loads the built package once per test file, as n8n would, and sets up the binary store. */
export async function loadPackage(): Promise<Loaded> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_DIR);
		await loader.loadAll();
		const types: Record<string, INodeType | IVersionedNodeType> = {
			'harness.fixture': fixtureNode,
			'harness.function': functionNode,
		};
		for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
			types[name.includes('.') ? name : `${loader.packageName}.${name}`] = type;
		}
		const credentialTypes: Record<string, ICredentialType> = {};
		for (const [name, { type }] of Object.entries(loader.credentialTypes)) credentialTypes[name] = type;

		storageDir = mkdtempSync(path.join(tmpdir(), 'oaip-binary-'));
		const config = { mode: 'filesystem', localStoragePath: storageDir } as unknown as BinaryDataConfig;
		const quiet = { error() {}, warn() {}, info() {}, debug() {} };
		const binaryDataService = new BinaryDataService(config, quiet as never, quiet as never);
		await binaryDataService.init();
		Container.set(BinaryDataService, binaryDataService);
		return { nodeTypes: new TestNodeTypes(types), credentialTypes };
	})();
	return await loaded;
}

export function cleanupPackage(): void {
	if (storageDir) rmSync(storageDir, { recursive: true, force: true });
}


export function credentialsFor(baseUrl: string, extra: IDataObject = {}): Record<string, ICredentialDataDecryptedObject> {
	return {
		[CREDENTIAL_TYPE]: { apiKey: TEST_API_KEY, organizationId: '', projectId: '', adminApiKey: TEST_ADMIN_KEY, baseUrl, ...extra },
	};
}

export interface WorkflowJson {
	nodes: INode[];
	connections: IDataObject;
}

export interface RunResult {
	run: IRun;
	/** Output items of a node (first run, first output). */
	output(nodeName: string): INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
}

/** Our node in a workflow, with the harness credential: `x` places it left to right. */
export function openAiNode(id: string, name: string, parameters: IDataObject, x: number, extra: Partial<INode> = {}): INode {
	return {
		id,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [x, 0],
		parameters: parameters as INode['parameters'],
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'OpenAI' } },
		...extra,
	};
}

/** A one-node workflow: our node fed by a fixture with the given items. */
export function singleNodeWorkflow(
	parameters: IDataObject,
	items: Array<{ json: IDataObject; binary?: Record<string, { data: string; fileName?: string; mimeType?: string }> }> = [{ json: {} }],
	nodeExtra: Partial<INode> = {},
): WorkflowJson {
	return {
		nodes: [
			{ id: '1', name: 'Input', type: 'harness.fixture', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(items) } },
			openAiNode('2', 'OpenAI', parameters, 200, nodeExtra),
		],
		connections: { Input: { main: [[{ node: 'OpenAI', type: 'main', index: 0 }]] } },
	};
}

/** The URLs of the n8n instance the harness stands in for (additionalData). */
export const INSTANCE_URLS = {
	webhookBaseUrl: 'http://127.0.0.1/webhook',
	webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
	webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
	formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
	instanceBaseUrl: 'http://127.0.0.1/',
	restApiUrl: 'http://127.0.0.1/rest',
};

let executionCounter = 0;

/** What n8n hands a node's contexts besides the workflow: the credentials helper, URLs, and for a run its hooks and id. */
function additionalDataFor(
	credentialTypes: Record<string, ICredentialType>,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	return new Proxy(
		{
			credentialsHelper: new TestCredentialsHelper(credentialTypes, credentials),
			currentNodeParameters: undefined,
			variables: {},
			...INSTANCE_URLS,
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData,
		{ get: (target, key) => (target as never)[key] },
	);
}

/** n8n-core's own context for a list search (the editor's "From list") on our node with these parameters. */
export async function loadOptionsContext(parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject>): Promise<ILoadOptionsFunctions> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const node = openAiNode('1', 'OpenAI', parameters, 0);
	const workflow = new Workflow({ id: 'test', nodes: [node], connections: {}, nodeTypes, active: false, settings: {} });
	return new LoadOptionsContext(workflow, node, additionalDataFor(credentialTypes, credentials), 'parameters.model');
}

export async function runWorkflow(
	workflowJson: WorkflowJson,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	options: { mode?: WorkflowExecuteMode; abortAfterMs?: number } = {},
): Promise<RunResult> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const workflow = new Workflow({
		id: 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections as never,
		nodeTypes,
		active: false,
		settings: {},
	});
	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, { id: 'test', nodes: workflowJson.nodes, connections: workflowJson.connections } as never);
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveFinished(run));

	const additionalData = additionalDataFor(credentialTypes, credentials, { hooks, executionId });

	const startNode = workflow.getNode(workflowJson.nodes[0].name)!;
	const runExecutionData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	const workflowExecute = new WorkflowExecute(additionalData, options.mode ?? 'manual', runExecutionData);
	const running = workflowExecute.processRunExecutionData(workflow);
	if (options.abortAfterMs !== undefined) {
		const cancel = running as unknown as { cancel?: () => void };
		// Real n8n cancels through the same PCancelable the execution returns.
		void new Promise((resolve) => {
			const timer = setTimeout(resolve, options.abortAfterMs);
			timer.unref?.();
		}).then(() => cancel.cancel?.());
	}
	await running.catch(() => undefined);
	const run = await finished;
	recordLeaks(`run ${executionId} (${workflowJson.nodes.map((node) => node.parameters?.operation ?? node.name).join(' > ')})`, run);
	return {
		run,
		output(nodeName: string) {
			return (run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []) as INodeExecutionData[];
		},
		error: run.data.resultData.error as RunResult['error'],
	};
}
