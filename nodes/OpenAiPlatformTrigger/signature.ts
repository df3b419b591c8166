import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Standard Webhooks verification (https://www.standardwebhooks.com), the scheme OpenAI signs its
 * webhook events with: `webhook-signature` holds space-separated `v1,<base64 HMAC-SHA256>` entries
 * over `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed with the base64-decoded signing secret.
 */

/** How far (seconds) a delivery's timestamp may be from now, either way. OpenAI's SDKs use the same 5 minutes. */
export const TOLERANCE_SECONDS = 300;

/** More candidates than this in one header is not a key rotation but an attempt to make us hash in a loop. */
const MAX_SIGNATURES = 16;

const SHA256_BYTES = 32;

export type SigningKeyResult = { key: Buffer } | { problem: string };

/** The HMAC key of a signing secret (`whsec_<base64>`), or what is wrong with the secret. */
export function signingKeyOf(secret: unknown): SigningKeyResult {
	const text = typeof secret === 'string' ? secret.trim() : '';
	if (!text) return { problem: 'empty' };
	const encoded = text.startsWith('whsec_') ? text.slice('whsec_'.length) : text;
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 === 1) {
		return { problem: 'not "whsec_" followed by base64 text; copy it again from the webhook endpoint in OpenAI\'s dashboard' };
	}
	const key = Buffer.from(encoded, 'base64');
	if (key.length < 16) return { problem: `decodes to ${key.length} bytes, too short for a signing key` };
	return { key };
}

export interface Delivery {
	id?: string;
	timestamp?: string;
	signature?: string;
	rawBody: Buffer;
}

export type Verdict =
	| { ok: true; id: string; timestamp: number }
	| { ok: false; status: 400 | 401 | 409; reason: string };

const refuse = (status: 400 | 401 | 409, reason: string): Verdict => ({ ok: false, status, reason });

/** Whether one of the header's `v1` signatures is the expected one; every candidate is compared, in constant time. */
function anySignatureMatches(header: string, expected: Buffer): boolean {
	const candidates = header.split(' ').filter(Boolean);
	if (candidates.length > MAX_SIGNATURES) return false;
	let matched = false;
	for (const candidate of candidates) {
		const comma = candidate.indexOf(',');
		if (comma < 0 || candidate.slice(0, comma) !== 'v1') continue;
		const given = Buffer.from(candidate.slice(comma + 1), 'base64');
		if (given.length !== SHA256_BYTES) continue;
		if (timingSafeEqual(given, expected)) matched = true;
	}
	return matched;
}

/**
 * Checks one delivery: the three headers, the timestamp within `TOLERANCE_SECONDS` of `nowSeconds`,
 * and a matching signature over the exact bytes received. 400: malformed; 401: not signed by the
 * secret's holder or out of the time window. Replays are the caller's (ReplayGuard) to refuse.
 */
export function verifyDelivery(delivery: Delivery, key: Buffer, nowSeconds: number): Verdict {
	const { id, timestamp, signature, rawBody } = delivery;
	const missing = [
		['webhook-id', id],
		['webhook-timestamp', timestamp],
		['webhook-signature', signature],
	]
		.filter(([, value]) => !value)
		.map(([name]) => name);
	if (missing.length) return refuse(400, `missing header ${missing.join(', ')}`);
	if (!/^\d{1,15}$/.test(timestamp as string)) return refuse(400, 'webhook-timestamp is not a Unix time in seconds');
	const seconds = Number(timestamp);
	if (nowSeconds - seconds > TOLERANCE_SECONDS) return refuse(401, 'webhook-timestamp is more than 5 minutes old');
	if (seconds - nowSeconds > TOLERANCE_SECONDS) return refuse(401, 'webhook-timestamp is more than 5 minutes in the future');
	const expected = createHmac('sha256', key).update(`${id as string}.${timestamp as string}.`).update(rawBody).digest();
	if (!anySignatureMatches(signature as string, expected)) return refuse(401, 'no webhook-signature matches the signing secret');
	return { ok: true, id: id as string, timestamp: seconds };
}

/** IDs remembered per trigger node at most; past it the oldest is forgotten first (then only the time window guards it). */
export const MAX_REMEMBERED_IDS = 10_000;

/**
 * The webhook-ids a trigger node accepted within the time window. A delivery older than the window is
 * refused by its timestamp, so an ID is kept only until its own timestamp leaves the window.
 */
export class ReplayGuard {
	private readonly expiries = new Map<string, number>();

	constructor(private readonly capacity = MAX_REMEMBERED_IDS) {}

	get size(): number {
		return this.expiries.size;
	}

	/** Records the ID and returns true, or returns false when it was seen within the window. */
	accept(id: string, timestampSeconds: number, nowSeconds: number): boolean {
		this.prune(nowSeconds);
		if (this.expiries.has(id)) return false;
		if (this.expiries.size >= this.capacity) {
			const oldest = this.expiries.keys().next().value;
			if (oldest !== undefined) this.expiries.delete(oldest);
		}
		this.expiries.set(id, timestampSeconds + TOLERANCE_SECONDS);
		return true;
	}

	private prune(nowSeconds: number): void {
		for (const [id, expiry] of this.expiries) {
			if (expiry < nowSeconds) this.expiries.delete(id);
		}
	}
}

const guards = new Map<string, ReplayGuard>();

/** The replay guard of one trigger node of one workflow (one per node: the map grows with the trigger nodes, not with traffic). */
export function replayGuardFor(workflowKey: string, nodeId: string): ReplayGuard {
	const key = `${workflowKey}\u0000${nodeId}`;
	let guard = guards.get(key);
	if (!guard) {
		guard = new ReplayGuard();
		guards.set(key, guard);
	}
	return guard;
}
