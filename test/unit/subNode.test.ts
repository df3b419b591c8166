/** itemContextOf: an AI sub-node's context seen as the item context the send path reads (issue 17). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import type { ISupplyDataFunctions } from 'n8n-workflow';

import { itemContextOf } from '../../nodes/OpenAiPlatform/shared/subNode';

function supplyContext(parameters: Record<string, unknown>) {
	const calls: unknown[][] = [];
	const context = {
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			calls.push([name, itemIndex, fallback]);
			return name in parameters ? parameters[name] : fallback;
		},
		getCredentials: async (type: string, itemIndex?: number) => ({ type, itemIndex }),
		getNode: () => ({ name: 'Chat Model' }),
		continueOnFail: () => true,
	};
	return { context: context as unknown as ISupplyDataFunctions, calls };
}

describe('itemContextOf', () => {
	it("reads the sub-node's parameters for its item, and answers for the item", async () => {
		const { context, calls } = supplyContext({ 'requestOptions.maxRetries': 4 });
		const item = itemContextOf(context, 3);
		expect(item.getItemIndex()).toBe(3);
		expect(item.getNodeParameter('requestOptions.maxRetries', 2)).toBe(4);
		expect(item.getNodeParameter('requestOptions.maxConcurrency', 10)).toBe(10);
		expect(await item.getCredentials('openAiPlatformApi')).toEqual({ type: 'openAiPlatformApi', itemIndex: 3 });
		expect(calls).toEqual([
			['requestOptions.maxRetries', 3, 2],
			['requestOptions.maxConcurrency', 3, 10],
		]);
		// Everything else is the sub-node's own.
		expect(item.getNode()).toEqual({ name: 'Chat Model' });
	});

	it("gives requests the action node's 5-minute timeout unless the sub-node sets one", () => {
		expect(itemContextOf(supplyContext({}).context, 0).getNodeParameter('requestOptions.timeout', 0)).toBe(300_000);
		expect(itemContextOf(supplyContext({ 'requestOptions.timeout': 5000 }).context, 0).getNodeParameter('requestOptions.timeout', 0)).toBe(5000);
	});

	it('never continues on fail: the agent reports the failure', () => {
		expect(itemContextOf(supplyContext({}).context, 0).continueOnFail()).toBe(false);
	});
});

describe('loading the AI sub-nodes', () => {
	it('does not load @n8n/ai-node-sdk (and LangChain with it) until a node runs', () => {
		const root = path.resolve(__dirname, '..', '..');
		const script = `
			for (const file of ['OpenAiPlatformChatModel/OpenAiPlatformChatModel', 'OpenAiConversationMemory/OpenAiConversationMemory']) require('./dist/nodes/' + file + '.node.js');
			console.log(JSON.stringify(Object.keys(require.cache).filter((file) => /ai-node-sdk|ai-utilities|@langchain/.test(file))));`;
		const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(JSON.parse(run.stdout)).toEqual([]);
	});
});
