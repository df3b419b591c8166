import { DEFAULT_RETRY_POLICY, backoffDelayMs, isRetryable, parseRetryAfter } from '../../nodes/OpenAiPlatform/shared/retry';

describe('parseRetryAfter', () => {
	it('prefers retry-after-ms', () => expect(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '3' })).toBe(250));
	it('reads retry-after seconds', () => expect(parseRetryAfter({ 'retry-after': '2' })).toBe(2000));
	it('reads retry-after as an HTTP date', () => {
		const now = Date.parse('2026-11-22T00:00:00Z');
		expect(parseRetryAfter({ 'retry-after': 'Sun, 22 Nov 2026 00:00:05 GMT' }, now)).toBe(5000);
	});
	it('ignores garbage and absence', () => {
		expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
		expect(parseRetryAfter({})).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});
});

describe('backoffDelayMs', () => {
	it("uses the server's wait when it is under a minute", () => {
		expect(backoffDelayMs(0, DEFAULT_RETRY_POLICY, 1200)).toBe(1200);
		expect(backoffDelayMs(0, DEFAULT_RETRY_POLICY, 0)).toBe(0);
	});
	it('falls back to exponential backoff with at most 25 % jitter', () => {
		expect(backoffDelayMs(0, DEFAULT_RETRY_POLICY, undefined, () => 0)).toBe(500);
		expect(backoffDelayMs(2, DEFAULT_RETRY_POLICY, undefined, () => 0)).toBe(2000);
		expect(backoffDelayMs(2, DEFAULT_RETRY_POLICY, undefined, () => 1)).toBe(1500);
		expect(backoffDelayMs(10, DEFAULT_RETRY_POLICY, 120_000, () => 0)).toBe(8000);
	});
	it('keeps a constant delay without exponential backoff', () => {
		expect(backoffDelayMs(5, { ...DEFAULT_RETRY_POLICY, exponential: false, baseDelayMs: 100 }, undefined, () => 0)).toBe(100);
	});
});

describe('isRetryable', () => {
	const policy = DEFAULT_RETRY_POLICY;
	it.each([408, 409, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => expect(isRetryable({ status }, policy)).toBe(true));
	it.each([400, 401, 403, 404, 422])('does not retry HTTP %i', (status) => expect(isRetryable({ status }, policy)).toBe(false));
	it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED'])('retries %s', (networkCode) => expect(isRetryable({ networkCode }, policy)).toBe(true));
	it('never retries an exhausted quota', () => expect(isRetryable({ status: 429, quotaExhausted: true }, { ...policy, retryAllErrors: true })).toBe(false));
	it('lets x-should-retry decide', () => {
		expect(isRetryable({ status: 500, shouldRetryHeader: false }, policy)).toBe(false);
		expect(isRetryable({ status: 400, shouldRetryHeader: true }, policy)).toBe(true);
	});
	it('retries anything with retryAllErrors', () => expect(isRetryable({ status: 400 }, { ...policy, retryAllErrors: true })).toBe(true));
	it('does not retry a cancelled request', () => expect(isRetryable({ networkCode: 'ERR_CANCELED' }, policy)).toBe(false));
});
