/** Batch file contents as OpenAI serves them, for the tests of Get Results and the trigger's Results as Items. */

/** Lines as a JSONL file. */
export const jsonl = (lines: unknown[]): string => lines.map((line) => JSON.stringify(line)).join('\n') + '\n';

/** A line of a batch output file: the chat completion answering the request `customId` with `text`. */
export const okLine = (customId: string, text: string) => ({
	id: `batch_req_${customId}`,
	custom_id: customId,
	response: {
		status_code: 200,
		request_id: `req_${customId}`,
		body: { id: `chatcmpl-${customId}`, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text } }] },
	},
	error: null,
});
