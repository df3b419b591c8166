export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

const OPENAI_HOSTS = new Set(['api.openai.com']);

/**
 * The Base URL as users type it: with or without a trailing slash, and for OpenAI's own host with
 * or without `/v1`. Compatible servers keep their path as given, since many serve at the root.
 */
export function normalizeBaseUrl(raw: unknown): string {
	// Every request of an execution passes the same Base URL: parse it once.
	if (raw === lastRaw) return lastNormalized;
	lastNormalized = normalize(raw);
	lastRaw = raw;
	return lastNormalized;
}

let lastRaw: unknown;
let lastNormalized = DEFAULT_BASE_URL;

function normalize(raw: unknown): string {
	const trimmed = typeof raw === 'string' ? raw.trim() : '';
	if (!trimmed) return DEFAULT_BASE_URL;
	const withoutSlash = trimmed.replace(/\/+$/, '');
	try {
		const url = new URL(withoutSlash);
		if (OPENAI_HOSTS.has(url.hostname) && (url.pathname === '' || url.pathname === '/')) {
			return `${withoutSlash}/v1`;
		}
	} catch {
		// Not a URL: the request fails later with the server's own words.
	}
	return withoutSlash;
}

export function isOpenAiHost(baseUrl: string): boolean {
	try {
		return OPENAI_HOSTS.has(new URL(normalizeBaseUrl(baseUrl)).hostname);
	} catch {
		return false;
	}
}
