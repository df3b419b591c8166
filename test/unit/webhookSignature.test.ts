/**
 * Standard Webhooks verification of the OpenAI Platform Trigger. Every signature here is computed in
 * the test with node's crypto (not with the module under test), and the good ones are also checked
 * against the verifier of OpenAI's own SDK, so the test and the module cannot share a mistake.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { verifyWebhookSignature } from 'openai/lib/webhook-signature';

import {
	MAX_REMEMBERED_IDS,
	ReplayGuard,
	TOLERANCE_SECONDS,
	signingKeyOf,
	verifyDelivery,
} from '../../nodes/OpenAiPlatformTrigger/signature';

const KEY = randomBytes(32);
const SECRET = `whsec_${KEY.toString('base64')}`;
const NOW = 1_780_000_000;
const ID = 'wh_685342e6c53c8190a1be43f081506c52';
// Bytes JSON re-serialisation would change: a tab, spaces, an escaped and an unescaped non-ASCII character.
const BODY = Buffer.from('{"id":"evt_1",\t"type" : "batch.completed","created_at":1780000000,"data":{"id":"batch_1","note":"caf\\u00e9 ☕"}}\n');

/** v1 signature of `${id}.${timestamp}.${body}` under `key`, as a sender computes it. */
function sign(key: Buffer, id: string, timestamp: string, body: Buffer): string {
	const hmac = createHmac('sha256', key);
	hmac.update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), body]));
	return `v1,${hmac.digest('base64')}`;
}

const key = (): Buffer => {
	const result = signingKeyOf(SECRET);
	if (!('key' in result)) throw new Error(result.problem);
	return result.key;
};

function delivery(overrides: Partial<{ id: string; timestamp: string; signature: string; rawBody: Buffer }> = {}) {
	const timestamp = overrides.timestamp ?? String(NOW);
	const rawBody = overrides.rawBody ?? BODY;
	return { id: ID, timestamp, signature: sign(KEY, overrides.id ?? ID, timestamp, rawBody), rawBody, ...overrides };
}

describe('signing secret', () => {
	it('is the base64 after whsec_', () => {
		expect(key().equals(KEY)).toBe(true);
		expect(signingKeyOf(KEY.toString('base64'))).toEqual({ key: KEY });
	});

	it.each([
		['empty', ''],
		['not base64', 'whsec_not base64!'],
		['an API key', 'sk-proj-abc'],
		['too short', `whsec_${Buffer.alloc(4).toString('base64')}`],
		['not text', 42],
	])('refuses a secret that is %s', (label, secret) => {
		const result = signingKeyOf(secret);
		expect('problem' in result && result.problem).toMatch(label === 'too short' ? /^decodes to 4 bytes, too short/ : /^(empty|not "whsec_" followed by base64)/);
	});
});

describe('verifyDelivery', () => {
	it('accepts a signature over the exact bytes, as OpenAI\'s SDK does', async () => {
		const good = delivery();
		expect(verifyDelivery(good, key(), NOW)).toEqual({ ok: true, id: ID, timestamp: NOW });
		const realNow = Math.floor(Date.now() / 1000);
		const fresh = delivery({ timestamp: String(realNow) });
		expect(verifyDelivery(fresh, key(), realNow).ok).toBe(true);
		await expect(
			verifyWebhookSignature(BODY.toString('utf8'), fresh.signature, fresh.timestamp, ID, SECRET, TOLERANCE_SECONDS),
		).resolves.toBeUndefined();
	});

	it('accepts a header with several signatures when any one matches (key rotation), wherever it stands', () => {
		const right = sign(KEY, ID, String(NOW), BODY);
		const wrong = sign(randomBytes(32), ID, String(NOW), BODY);
		for (const header of [`${wrong} ${right}`, `${right} ${wrong}`, `v2,abc ${wrong} ${right} v1,notbase64`]) {
			expect(verifyDelivery(delivery({ signature: header }), key(), NOW).ok).toBe(true);
		}
		expect(verifyDelivery(delivery({ signature: `${wrong} ${wrong}` }), key(), NOW)).toMatchObject({ ok: false, status: 401 });
	});

	it('refuses a header with more signatures than any rotation needs', () => {
		const header = [...Array.from({ length: 16 }, () => sign(randomBytes(32), ID, String(NOW), BODY)), sign(KEY, ID, String(NOW), BODY)].join(' ');
		expect(verifyDelivery(delivery({ signature: header }), key(), NOW)).toMatchObject({ ok: false, status: 401 });
	});

	it('refuses a signature made with another secret', async () => {
		const other = randomBytes(32);
		const forged = { ...delivery(), signature: sign(other, ID, String(NOW), BODY) };
		expect(verifyDelivery(forged, key(), NOW)).toEqual({ ok: false, status: 401, reason: 'no webhook-signature matches the signing secret' });
		const realNow = Math.floor(Date.now() / 1000);
		await expect(
			verifyWebhookSignature(BODY.toString('utf8'), sign(other, ID, String(realNow), BODY), String(realNow), ID, SECRET, TOLERANCE_SECONDS),
		).rejects.toThrow(/does not match/);
	});

	it('refuses a body that differs from the signed one by a byte, also when it parses to the same JSON', () => {
		const signed = delivery();
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(BODY.toString('utf8'))));
		expect(JSON.parse(reserialised.toString())).toEqual(JSON.parse(BODY.toString()));
		for (const rawBody of [reserialised, Buffer.concat([BODY, Buffer.from(' ')]), Buffer.from(BODY.toString().replace('batch_1', 'batch_2'))]) {
			expect(verifyDelivery({ ...signed, rawBody }, key(), NOW)).toMatchObject({ ok: false, status: 401 });
		}
	});

	it('refuses a signature moved to another id or timestamp', () => {
		const signed = delivery();
		expect(verifyDelivery({ ...signed, id: 'wh_other' }, key(), NOW)).toMatchObject({ ok: false, status: 401 });
		expect(verifyDelivery({ ...signed, timestamp: String(NOW + 1) }, key(), NOW)).toMatchObject({ ok: false, status: 401 });
	});

	it('accepts timestamps up to 5 minutes off and refuses stale and future ones, even when signed', () => {
		for (const offset of [-TOLERANCE_SECONDS, TOLERANCE_SECONDS, 0]) {
			expect(verifyDelivery(delivery({ timestamp: String(NOW + offset) }), key(), NOW).ok).toBe(true);
		}
		expect(verifyDelivery(delivery({ timestamp: String(NOW - TOLERANCE_SECONDS - 1) }), key(), NOW)).toEqual({
			ok: false,
			status: 401,
			reason: 'webhook-timestamp is more than 5 minutes old',
		});
		expect(verifyDelivery(delivery({ timestamp: String(NOW + TOLERANCE_SECONDS + 1) }), key(), NOW)).toEqual({
			ok: false,
			status: 401,
			reason: 'webhook-timestamp is more than 5 minutes in the future',
		});
	});

	it.each([
		['webhook-id', { id: undefined }],
		['webhook-timestamp', { timestamp: undefined }],
		['webhook-signature', { signature: undefined }],
		['webhook-id', { id: '' }],
	])('refuses a delivery without %s (400)', (header, missing) => {
		const verdict = verifyDelivery({ ...delivery(), ...missing }, key(), NOW);
		expect(verdict).toEqual({ ok: false, status: 400, reason: `missing header ${header}` });
	});

	it('refuses a timestamp that is not Unix seconds (400)', () => {
		for (const timestamp of ['2026-12-04T16:00:00Z', `${NOW}.5`, '-1', ' 1780000000']) {
			expect(verifyDelivery(delivery({ timestamp }), key(), NOW)).toMatchObject({ ok: false, status: 400 });
		}
	});
});

describe('ReplayGuard', () => {
	it('refuses an id seen within the window and forgets it once its timestamp has left the window', () => {
		const guard = new ReplayGuard();
		expect(guard.accept('wh_1', NOW, NOW)).toBe(true);
		expect(guard.accept('wh_1', NOW, NOW + 10)).toBe(false);
		expect(guard.accept('wh_2', NOW, NOW)).toBe(true);
		expect(guard.accept('wh_1', NOW, NOW + TOLERANCE_SECONDS)).toBe(false);
		// Past the window a replay is refused by its timestamp, so the id need not be kept.
		expect(guard.accept('wh_3', NOW + TOLERANCE_SECONDS + 1, NOW + TOLERANCE_SECONDS + 1)).toBe(true);
		expect(guard.size).toBe(1);
	});

	it('keeps a future-dated id until its own timestamp leaves the window', () => {
		const guard = new ReplayGuard();
		expect(guard.accept('wh_f', NOW + 200, NOW)).toBe(true);
		expect(guard.accept('wh_f', NOW + 200, NOW + 400)).toBe(false);
	});

	it('stays within its capacity, forgetting the oldest first', () => {
		const guard = new ReplayGuard(3);
		for (const id of ['a', 'b', 'c', 'd']) expect(guard.accept(id, NOW, NOW)).toBe(true);
		expect(guard.size).toBe(3);
		expect(guard.accept('d', NOW, NOW)).toBe(false);
		expect(guard.accept('a', NOW, NOW)).toBe(true);
		expect(MAX_REMEMBERED_IDS).toBeGreaterThanOrEqual(1000);
	});
});
