/**
 * The fields shared/replyShapes.ts asks of each reply are ones OpenAI's spec (the vendored
 * openapi.yaml) marks required in that reply, in every shape the reply may take, and the table
 * covers every operation whose reply RoutingNode's own request brings (see checkResponse).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { OpenAiPlatform } from '../../nodes/OpenAiPlatform/OpenAiPlatform.node';
import { REPLY_SHAPES } from '../../nodes/OpenAiPlatform/shared/replyShapes';

const lines = readFileSync(path.resolve(__dirname, '..', '..', 'spec', 'openai-openapi', 'openapi.yaml'), 'utf8').split('\n');

/** The required fields of a schema in components/schemas: its own list, and those of the parts of its allOf. */
function requiredOf(schema: string): Set<string> {
	const start = lines.indexOf(`    ${schema}:`);
	if (start < 0) throw new Error(`no schema ${schema} in the spec`);
	let end = start + 1;
	while (end < lines.length && !/^ {0,4}\S/.test(lines[end])) end++;
	const block = lines.slice(start + 1, end);
	const composed = block.includes('      allOf:');
	const required = new Set<string>();
	block.forEach((line, index) => {
		const match = /^( {6}| {10})required:\s*(\[.*\])?\s*$/.exec(line);
		if (!match || (match[1].length === 10 && !composed)) return;
		if (match[2]) {
			for (const name of match[2].slice(1, -1).split(',')) required.add(name.trim().replace(/^["']|["']$/g, ''));
			return;
		}
		const item = new RegExp(`^ {${match[1].length + 2}}- (\\S+)$`);
		for (let next = index + 1; item.test(block[next] ?? ''); next++) required.add(item.exec(block[next])![1].replace(/^["']|["']$/g, ''));
	});
	if (composed) {
		for (const line of block) {
			const ref = /^ {8}- \$ref: ["']#\/components\/schemas\/(\w+)["']$/.exec(line);
			if (ref) for (const name of requiredOf(ref[1])) required.add(name);
		}
	}
	return required;
}

/**
 * The reply the spec gives an endpoint on success (200, or 201 for the creates that answer so): its
 * schemas, and the required fields of a schema written in place (no schemas then).
 */
function successReplyOf(endpoint: string): { schemas: string[]; inlineRequired: Set<string> } {
	const [method, route] = endpoint.split(' ');
	const pathLine = lines.indexOf(`  ${route}:`);
	if (pathLine < 0) throw new Error(`no path ${route} in the spec`);
	const methodLine = lines.findIndex((line, index) => index > pathLine && line === `    ${method.toLowerCase()}:`);
	let end = methodLine + 1;
	while (end < lines.length && !/^ {0,4}\S/.test(lines[end])) end++;
	const block = lines.slice(methodLine, end);
	const ok = block.findIndex((line) => /^ {8}["']?20[01]["']?:$/.test(line));
	const json = block.findIndex((line, index) => index > ok && line === '            application/json:');
	if (ok < 0 || json < 0) throw new Error(`no JSON success reply for ${endpoint} in the spec`);
	const schemas: string[] = [];
	const inlineRequired = new Set<string>();
	let inRequired = false;
	for (let index = json + 1; index < block.length && !/^ {0,12}\S/.test(block[index]); index++) {
		const ref = /\$ref: ["']#\/components\/schemas\/(\w+)["']$/.exec(block[index]);
		if (ref) schemas.push(ref[1]);
		if (/^ {16}required:$/.test(block[index])) inRequired = true;
		else if (inRequired && /^ {18}- (\S+)$/.test(block[index])) inlineRequired.add(block[index].trim().slice(2));
		else inRequired = false;
	}
	return { schemas, inlineRequired };
}

const BYTES = 'the reply is a file (bytes), checked where it is read';
const NO_BODY = 'the spec answers 200 with no body (shared/emptyReply.ts)';
const OWN_REQUESTS = 'multi-step: the operation sends and reads its own requests';
const NOTHING_REQUIRED = 'the spec requires no field of the reply';

/** The operations the table leaves out, and why. */
const NOT_CHECKED: Record<string, string> = {
	'apiCall.request': 'free-form by design: returns what the server sent',
	'assistant.message': OWN_REQUESTS,
	'audio.generateSpeech': BYTES,
	'batch.create': OWN_REQUESTS,
	'batch.getResults': OWN_REQUESTS,
	'container.delete': NO_BODY,
	'container.deleteFile': NO_BODY,
	'container.getFileContent': BYTES,
	'conversation.getItem': 'one of some thirty item types, with no required field common to all (ConversationItem)',
	'eval.deleteRun': NOTHING_REQUIRED,
	'file.getContent': BYTES,
	'fineTuning.validateGrader': NOTHING_REQUIRED,
	'realtime.acceptCall': NO_BODY,
	'realtime.hangUpCall': NO_BODY,
	'realtime.referCall': NO_BODY,
	'realtime.rejectCall': NO_BODY,
	'response.delete': 'the spec answers 200 with no body (the operation says what was deleted itself)',
	'skill.getContent': BYTES,
	'skill.getVersionContent': BYTES,
	'video.getContent': BYTES,
};

describe('reply shapes', () => {
	it.each(Object.entries(REPLY_SHAPES))('%s: the fields it asks for are required by the spec', (_operation, shape) => {
		const reply = successReplyOf(shape.endpoint);
		expect(reply.schemas.sort()).toEqual([...shape.schemas].sort());
		if (!shape.schemas.length) {
			for (const field of shape.fields) expect({ field, required: reply.inlineRequired.has(field) }).toEqual({ field, required: true });
		}
		for (const schema of shape.schemas) {
			const required = requiredOf(schema);
			for (const field of shape.fields) expect({ schema, field, required: required.has(field) }).toEqual({ schema, field, required: true });
		}
	});

	it('reads the spec: optional fields are not taken for required ones', () => {
		// An image reply may come without "data" (so image operations ask for "created" only), a Response without "usage".
		expect(requiredOf('ImagesResponse')).toEqual(new Set(['created']));
		expect(requiredOf('Response').has('usage')).toBe(false);
		expect(requiredOf('Response').has('output')).toBe(true);
		// A schema written in place: the eval run's delete reply requires nothing, the eval's requires its id.
		expect(successReplyOf('DELETE /evals/{eval_id}/runs/{run_id}').inlineRequired.size).toBe(0);
		expect(successReplyOf('DELETE /evals/{eval_id}').inlineRequired).toEqual(new Set(['object', 'deleted', 'eval_id']));
	});

	it('organization.getUsage: every usage type answers the same page as the one the table names', () => {
		const usagePaths = lines.filter((line) => /^ {2}\/organization\/usage\/\w+:$/.test(line)).map((line) => line.trim().slice(0, -1));
		expect(usagePaths.length).toBeGreaterThanOrEqual(10);
		for (const route of usagePaths) expect({ route, schemas: successReplyOf(`GET ${route}`).schemas }).toEqual({ route, schemas: REPLY_SHAPES['organization.getUsage'].schemas });
	});

	it('covers every operation but those whose reply is a file, free-form (API Call) or read by the operation itself', () => {
		const properties = new OpenAiPlatform().description.properties;
		const operations = properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) => ((property.options ?? []) as Array<{ value: string }>).map((option) => `${(property.displayOptions?.show?.resource as string[])[0]}.${option.value}`));
		const uncovered = operations.filter((operation) => !REPLY_SHAPES[operation]).sort();
		expect(uncovered).toEqual(Object.keys(NOT_CHECKED).sort());
	});
});
