import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { Run, RunSubmitToolOutputsParams } from 'openai/resources/beta/threads/runs/runs';

import { checkedChoice, fail, isPlainObject, optionalJson } from '../../shared/validation';

/** What a message turn sends: a user message (a new run), or the tool outputs a waiting run asked for. */
export type SendMode = 'message' | 'toolOutputs';

/** The SDK's tool output with both keys required: the node always sends both. */
export type ToolOutput = Required<RunSubmitToolOutputsParams.ToolOutput>;

const TOOL_OUTPUTS = 'Tool Outputs';

export function sendModeOf(context: IExecuteSingleFunctions): SendMode {
	return checkedChoice(context, 'Send', context.getNodeParameter('send', 'message'), ['message', 'toolOutputs'] as const);
}

/**
 * The "Tool Outputs" field, checked before anything is sent: a JSON array (typed, or mapped by an
 * expression) of {tool_call_id, output}, both strings, each call answered once. Only those two
 * keys are sent, so an item that also carries e.g. the function name does no harm.
 */
export function toolOutputsOf(context: IExecuteSingleFunctions): ToolOutput[] {
	const value = optionalJson(context, TOOL_OUTPUTS, context.getNodeParameter('toolOutputs', ''));
	if (value === undefined || value === null) {
		fail(
			context,
			`${TOOL_OUTPUTS}: enter the outputs, a JSON array of {"tool_call_id", "output"}`,
			'By default the field reads "toolOutputs" from the input item; a Code node after the message that returned the tool calls can add it.',
		);
	}
	if (!Array.isArray(value)) fail(context, `${TOOL_OUTPUTS}: must be a JSON array of {"tool_call_id", "output"} objects, got ${isPlainObject(value) ? 'an object' : typeof value}`);
	if (value.length === 0) fail(context, `${TOOL_OUTPUTS}: the array is empty`, 'The run waits for one output per tool call.');
	const seen = new Set<string>();
	return value.map((entry: unknown, index): ToolOutput => {
		const at = `${TOOL_OUTPUTS}: entry ${index + 1}`;
		if (!isPlainObject(entry)) fail(context, `${at} must be an object with "tool_call_id" and "output"`);
		const id = entry.tool_call_id;
		if (typeof id !== 'string' || !id.trim()) fail(context, `${at} needs "tool_call_id", the ID of the tool call it answers (a string)`);
		if (typeof entry.output !== 'string') {
			fail(
				context,
				`${at} ("${id}"): "output" must be a string, got ${entry.output === undefined ? 'nothing' : entry.output === null ? 'null' : typeof entry.output}`,
				'Turn other values into text first, e.g. JSON.stringify(result) in the Code node.',
			);
		}
		if (seen.has(id.trim())) fail(context, `${TOOL_OUTPUTS}: tool call "${id.trim()}" is answered more than once`);
		seen.add(id.trim());
		return { tool_call_id: id.trim(), output: entry.output };
	});
}

/**
 * When the run was read first (no "Run ID" given), the outputs must answer exactly its tool
 * calls: the server would refuse otherwise, with a less helpful message and after the request.
 */
export function checkOutputsAnswerCalls(context: IExecuteSingleFunctions, run: Partial<Run>, outputs: ToolOutput[]): void {
	const calls = (run.required_action?.submit_tool_outputs?.tool_calls ?? []).map((call) => call?.id).filter((id): id is string => typeof id === 'string');
	if (calls.length === 0) return;
	const given = new Set(outputs.map((output) => output.tool_call_id));
	const unknown = outputs.map((output) => output.tool_call_id).filter((id) => !calls.includes(id));
	const missing = calls.filter((id) => !given.has(id));
	const described = `Run ${String(run.id)} waits for: ${calls.join(', ')}`;
	if (unknown.length) fail(context, `${TOOL_OUTPUTS}: ${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length === 1 ? 'is not a tool call' : 'are not tool calls'} of the run`, described);
	if (missing.length) fail(context, `${TOOL_OUTPUTS}: no output for ${missing.map((id) => `"${id}"`).join(', ')}`, `${described}. Submit all of them at once.`);
}

/** The fields of the "Tool Outputs" mode; `show` limits them to it. */
export function toolOutputFields(show: { send: SendMode[] }): INodeProperties[] {
	return [
		{
			displayName: 'Tool Outputs',
			name: 'toolOutputs',
			type: 'json',
			default: '={{ $json.toolOutputs }}',
			displayOptions: { show },
			description:
				'A JSON array with one {"tool_call_id": "call_…", "output": "…"} per tool call the run asked for (the "toolCalls" of the earlier output). Outputs are text: JSON.stringify other values.',
		},
		{
			displayName: 'Run ID',
			name: 'runId',
			type: 'string',
			default: '',
			placeholder: 'e.g. run_abc123',
			displayOptions: { show },
			description:
				'The run that waits for the outputs (the "runId" of the earlier output). Leave empty to use the thread\'s newest run, which must require action.',
		},
	];
}
