import { normalizeBaseUrl } from '../../shared/baseUrl';

export type ResolvedPath = { path: string } | { refused: string };

/** Percent-decoding rounds tried: a proxy or server may decode more than once (`%252e` -> `%2e` -> `.`). */
const MAX_DECODING_ROUNDS = 5;

/**
 * Why the path could climb out of the endpoint it names, or undefined. The path is decoded as often
 * as a proxy or server might (double encoding included) and read with `/` and `\` as separators,
 * after Unicode compatibility folding (a full-width dot is a dot to some servers), so `..%2f`,
 * `%2E%2E%2F`, `%252e%252e/`, `%5c` and `.%2e` are all caught, not just the literal spellings.
 */
function traversalIn(pathname: string): string | undefined {
	let decoded = pathname;
	for (let round = 0; round < MAX_DECODING_ROUNDS && decoded.includes('%'); round++) {
		let next: string;
		try {
			next = decodeURIComponent(decoded);
		} catch {
			return 'The path has a "%" that is not valid percent-encoding';
		}
		if (next === decoded) break;
		decoded = next;
	}
	if (/%[0-9a-f]{2}/i.test(decoded)) return 'The path is percent-encoded too many times over';
	const folded = decoded.normalize('NFKC');
	if (folded.includes('\\')) return 'The path may not contain a backslash, also not percent-encoded';
	if (folded.split('/').some((segment) => segment === '..' || segment === '.')) {
		return 'The path may not contain "." or ".." segments, also not percent-encoded';
	}
	return undefined;
}

/**
 * Turns what a user types as the API call's path into a path under the credential's Base URL.
 * "models", "/models" and "/v1/models" all mean the same. A URL to any other origin, a
 * protocol-relative `//host`, a backslash or a `..` segment is refused, so the API key is only
 * ever sent to the Base URL's host.
 */
export function resolveApiPath(rawPath: string, rawBaseUrl: unknown): ResolvedPath {
	const baseUrl = new URL(normalizeBaseUrl(rawBaseUrl));
	const basePath = baseUrl.pathname.replace(/\/+$/, '');
	let path = rawPath.trim();
	if (!path) return { refused: 'The path is empty' };
	if (path.includes('\\')) return { refused: 'The path may not contain a backslash' };

	if (/^[a-z][a-z\d+.-]*:/i.test(path) || path.startsWith('//')) {
		let target: URL;
		try {
			target = new URL(path, baseUrl);
		} catch {
			return { refused: `"${rawPath}" is not a valid URL` };
		}
		if (target.origin !== baseUrl.origin) {
			return {
				refused: `"${rawPath}" points at ${target.origin}, but the credential's Base URL is ${baseUrl.origin}. Absolute URLs to another host are refused so the API key is never sent there.`,
			};
		}
		path = `${target.pathname}${target.search}`;
		if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length);
	}

	const [pathname, ...query] = path.split('?');
	const traversal = traversalIn(pathname);
	if (traversal) return { refused: traversal };
	let segments = pathname.split('/').filter((segment) => segment !== '');
	// "/v1/models" against a Base URL that already ends in /v1.
	const baseLast = basePath.split('/').pop();
	if (baseLast && segments[0] === baseLast && /^v\d+$/.test(baseLast)) segments = segments.slice(1);
	const search = query.length ? `?${query.join('?')}` : '';
	return { path: `/${segments.join('/')}${search}` };
}
