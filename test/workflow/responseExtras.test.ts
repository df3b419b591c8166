/**
 * response: countInputTokens, compact, and create's MCP servers, MCP approvals, image generation
 * tool (images as binary), stored prompts, prompt cache and top logprobs, against nock.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, binaryBytes, captured, outputOf, recordAndReply, runNode, testExchanges } from '../support/nockApi';

const MODEL = { __rl: true, mode: 'id', value: 'gpt-4.1' };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const usage = { input_tokens: 5, output_tokens: 3, total_tokens: 8 };
const create = (extra: IDataObject = {}) => ({ resource: 'response', operation: 'create', model: MODEL, input: 'Hello', ...extra });
const message = (text: string) => ({ type: 'message', id: 'msg_1', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] });
const reply = (output: IDataObject[], extra: IDataObject = {}) => ({ id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: 'gpt-4.1', output, usage, ...extra });
const MCP_SERVERS = {
	server: [
		{ serverLabel: 'deepwiki', serverUrl: 'https://mcp.deepwiki.com/mcp', headers: '{"X-Api-Key":"mcp-secret"}', allowedTools: 'ask_question, read_wiki_structure', requireApproval: 'perTool', toolsNeedingApproval: 'ask_question' },
		{ serverLabel: 'drive', connectorId: 'connector_googledrive', authorization: 'ya29.token', requireApproval: 'never' },
	],
};
const MCP_TOOLS = [
	{ type: 'mcp', server_label: 'deepwiki', server_url: 'https://mcp.deepwiki.com/mcp', headers: { 'X-Api-Key': 'mcp-secret' }, allowed_tools: ['ask_question', 'read_wiki_structure'], require_approval: { always: { tool_names: ['ask_question'] } } },
	{ type: 'mcp', server_label: 'drive', connector_id: 'connector_googledrive', authorization: 'ya29.token', require_approval: 'never' },
];

testExchanges([
	{
		name: 'countInputTokens: the create body, less what does not count',
		parameters: {
			resource: 'response',
			operation: 'countInputTokens',
			model: MODEL,
			input: 'How many tokens?',
			outputFormat: 'json_object',
			options: { instructions: 'Be terse.', truncation: 'auto' },
		},
		method: 'POST',
		path: '/v1/responses/input_tokens',
		body: { model: 'gpt-4.1', input: 'How many tokens?', instructions: 'Be terse.', truncation: 'auto', text: { format: { type: 'json_object' } } },
		reply: { object: 'response.input_tokens', input_tokens: 11 },
		output: [{ object: 'response.input_tokens', input_tokens: 11 }],
	},
	{
		name: 'compact: a stored response and items, instructions and prompt cache',
		parameters: {
			resource: 'response',
			operation: 'compact',
			model: MODEL,
			previousResponseId: 'resp_0',
			compactItems: '[{"role":"user","content":"And then?"}]',
			options: { instructions: 'Keep the facts.', promptCacheKey: 'bot', promptCacheRetention: '24h' },
		},
		method: 'POST',
		path: '/v1/responses/compact',
		body: { model: 'gpt-4.1', previous_response_id: 'resp_0', input: [{ type: 'message', role: 'user', content: 'And then?' }], instructions: 'Keep the facts.', prompt_cache_key: 'bot', prompt_cache_retention: '24h' },
		reply: { id: 'cmp_1', object: 'response.compaction', created_at: 1, output: [{ type: 'compaction', id: 'cmp_item_1', encrypted_content: 'x' }], usage },
		output: [{ id: 'cmp_1', object: 'response.compaction', created_at: 1, output: [{ type: 'compaction', id: 'cmp_item_1', encrypted_content: 'x' }], usage }],
	},
	{
		name: 'create: MCP approvals as input',
		parameters: create({
			inputType: 'mcpApprovals',
			mcpApprovals: { approval: [{ approvalRequestId: 'mcpr_1', approve: true }, { approvalRequestId: 'mcpr_2', approve: false, reason: 'No' }] },
			options: { previousResponseId: 'resp_0' },
		}),
		method: 'POST',
		path: '/v1/responses',
		body: {
			model: 'gpt-4.1',
			input: [
				{ type: 'mcp_approval_response', approval_request_id: 'mcpr_1', approve: true },
				{ type: 'mcp_approval_response', approval_request_id: 'mcpr_2', approve: false, reason: 'No' },
			],
			previous_response_id: 'resp_0',
		},
		reply: reply([message('Done')]),
		output: [{ id: 'resp_1', model: 'gpt-4.1', status: 'completed', output_text: 'Done', usage }],
	},
	{
		name: 'create: a stored prompt alone, with version and variables',
		parameters: create({ input: '', options: { promptId: 'pmpt_1', promptVersion: '2', promptVariables: '{"name":"Jane"}' } }),
		method: 'POST',
		path: '/v1/responses',
		body: { model: 'gpt-4.1', prompt: { id: 'pmpt_1', version: '2', variables: { name: 'Jane' } } },
		reply: reply([message('Hi Jane')]),
		output: [{ id: 'resp_1', model: 'gpt-4.1', status: 'completed', output_text: 'Hi Jane', usage }],
	},
]);

describe('response.create with MCP servers and the image generation tool', () => {
	const params = create({
		builtInTools: { imageGeneration: { model: 'gpt-image-1', size: '1024x1024', quality: 'low', outputFormat: 'png', background: 'auto' } },
		mcpServers: MCP_SERVERS,
		options: { promptCacheKey: 'logo-bot', promptCacheRetention: 'in_memory', topLogprobs: 3, include: ['message.output_text.logprobs'] },
	});
	const output = [
		{ type: 'mcp_approval_request', id: 'mcpr_1', server_label: 'deepwiki', name: 'ask_question', arguments: '{"question":"What is it?"}' },
		{ type: 'image_generation_call', id: 'ig_1', status: 'completed', revised_prompt: 'A logo', result: PNG.toString('base64') },
		message('Here it is'),
	];

	it('sends the tools, prompt cache and top logprobs; outputs the image as binary and the approval requests', async () => {
		const seen = captured();
		const scope = nock(API).post('/v1/responses').reply(recordAndReply(seen, reply(output, { tools: MCP_TOOLS })));
		const result = await runNode(params);
		expect(result.error?.message).toBeUndefined();
		scope.done();
		expect(seen.bodies[0]).toEqual({
			model: 'gpt-4.1',
			input: 'Hello',
			include: ['message.output_text.logprobs'],
			prompt_cache_key: 'logo-bot',
			prompt_cache_retention: 'in_memory',
			top_logprobs: 3,
			tools: [{ type: 'image_generation', model: 'gpt-image-1', size: '1024x1024', quality: 'low', output_format: 'png', background: 'auto' }, ...MCP_TOOLS],
		});
		const [item] = outputOf(result);
		expect(item.json).toEqual({
			id: 'resp_1',
			model: 'gpt-4.1',
			status: 'completed',
			output_text: 'Here it is',
			mcpApprovalRequests: [{ id: 'mcpr_1', serverLabel: 'deepwiki', name: 'ask_question', arguments: { question: 'What is it?' } }],
			images: [{ id: 'ig_1', binaryProperty: 'image', revisedPrompt: 'A logo' }],
			usage,
		});
		expect(item.binary?.image).toMatchObject({ fileName: 'ig_1.png', mimeType: 'image/png' });
		expect(await binaryBytes(item.binary?.image)).toEqual(PNG);
	});

	it('raw output: the image leaves the JSON and the echoed MCP headers and authorization are hidden', async () => {
		nock(API).post('/v1/responses').reply(200, reply(output, { tools: MCP_TOOLS }));
		const result = await runNode({ ...params, simplify: false });
		expect(result.error?.message).toBeUndefined();
		const [item] = outputOf(result);
		const text = JSON.stringify(item.json);
		expect(text).not.toContain('mcp-secret');
		expect(text).not.toContain('ya29.token');
		expect(text).not.toContain(PNG.toString('base64'));
		expect((item.json.output as IDataObject[])[1]).toEqual({ type: 'image_generation_call', id: 'ig_1', status: 'completed', revised_prompt: 'A logo', binaryProperty: 'image' });
		expect((item.json.tools as IDataObject[]).map((tool) => [tool.headers, tool.authorization])).toEqual([
			['[hidden]', undefined],
			[undefined, '[hidden]'],
		]);
		expect(item.binary?.image).toMatchObject({ mimeType: 'image/png' });
	});

	it.each([
		['a server with both URL and connector', { server: [{ serverLabel: 'x', serverUrl: 'https://a.example', connectorId: 'connector_gmail' }] }, 'MCP Servers: give "x" either a Server URL or a Connector, not both'],
		['a server with neither', { server: [{ serverLabel: 'x' }] }, 'MCP Servers: give "x" either a Server URL or a Connector, not neither'],
		['a bad label', { server: [{ serverLabel: '1 bad', serverUrl: 'https://a.example' }] }, 'MCP Servers: "1 bad" (server 1) is not a valid server label'],
		['headers that are not JSON', { server: [{ serverLabel: 'x', serverUrl: 'https://a.example', headers: '{oops' }] }, 'MCP Servers: headers of "x": not valid JSON'],
		['per-tool approval without tools', { server: [{ serverLabel: 'x', serverUrl: 'https://a.example', requireApproval: 'perTool' }] }, 'MCP Servers: "x" asks approval per tool but lists no Tools Needing Approval'],
		['a label used twice', { server: [{ serverLabel: 'x', serverUrl: 'https://a.example' }, { serverLabel: 'x', serverUrl: 'https://b.example' }] }, 'MCP Servers: the label "x" is used twice'],
	])('refuses %s before sending', async (_, mcpServers, message) => {
		const scope = nock(API).post('/v1/responses').reply(200, reply([]));
		const result = await runNode(create({ mcpServers }));
		expect(result.error?.message).toBe(message);
		expect(scope.isDone()).toBe(false);
	});

	it.each([
		['top logprobs over 20', { options: { topLogprobs: 21 } }, 'Top Log Probabilities'],
		['a prompt version without a prompt ID', { options: { promptVersion: '2' } }, 'Prompt ID: is empty'],
		['a prompt cache key over 64 characters', { options: { promptCacheKey: 'k'.repeat(65) } }, 'Prompt Cache Key: at most 64 characters are allowed, got 65'],
		['approvals without any', { inputType: 'mcpApprovals' }, 'MCP Approvals: add at least one approval'],
		['an image model that is not GPT Image', { builtInTools: { imageGeneration: { model: 'dall-e-3' } } }, 'Built-in Tools: "dall-e-3" is not a GPT Image model'],
	])('refuses %s before sending', async (_, extra, message) => {
		const scope = nock(API).post('/v1/responses').reply(200, reply([]));
		const result = await runNode(create(extra));
		expect(result.error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
	});
});
