/**
 * RoutingNode resolves an item's value once for every top-level property of that name, shown or not, and walks the
 * properties twice per item. An expression in a parameter whose name several operations share is therefore evaluated
 * again for each of them, on every item (in real n8n ~0.35 ms each). Each message list has a name of its own, so
 * chat.complete's message is evaluated only as often as n8n itself needs: once per walk, once more per walk for the
 * shown fixed collection, and once by our preSend.
 */
import { WorkflowExpression } from 'n8n-workflow';

import { OpenAiPlatform } from '../../nodes/OpenAiPlatform/OpenAiPlatform.node';
import { byId, chatReply, expectPosts, runNode, setupNock } from '../support/chat';

setupNock();

const MARKER = '$json.question';

function countEvaluations() {
	const spy = jest.spyOn(WorkflowExpression.prototype, 'resolveSimpleParameterValue');
	return {
		count: () => spy.mock.calls.filter(([value]) => typeof value === 'string' && value.includes(MARKER)).length,
		restore: () => spy.mockRestore(),
	};
}

describe('expression evaluations per item', () => {
	it('chat.complete evaluates its message expression 5 times per item, not once per property named like it', async () => {
		const items = [{ json: { question: 'first?' } }, { json: { question: 'second?' } }];
		const { bodies } = expectPosts('/chat/completions', chatReply([{ content: 'a' }]), chatReply([{ content: 'b' }]));
		const evaluations = countEvaluations();
		try {
			const result = await runNode(
				{
					resource: 'chat',
					operation: 'complete',
					model: byId('gpt-4.1-mini'),
					messages: { message: [{ role: 'user', content: `={{ ${MARKER} }}` }] },
				},
				items,
			);
			expect(result.error).toBeUndefined();
			expect(bodies.map((body) => body.messages)).toEqual([[{ role: 'user', content: 'first?' }], [{ role: 'user', content: 'second?' }]]);
			expect(evaluations.count()).toBe(5 * items.length);
		} finally {
			evaluations.restore();
		}
	});

	it('gives every message list its own parameter name', () => {
		const names = new OpenAiPlatform().description.properties
			.filter((property) => property.type === 'fixedCollection' && /messages$/i.test(property.name))
			.map((property) => property.name);
		expect(names.length).toBeGreaterThan(3);
		expect(new Set(names).size).toBe(names.length);
	});
});
