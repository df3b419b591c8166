import { normalizeBaseUrl } from '../../shared/baseUrl';

export type ResolvedPath = { path: string } | { refused: string };

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
	let segments = pathname.split('/').filter((segment) => segment !== '');
	const decoded = segments.map((segment) => {
		try {
			return decodeURIComponent(segment);
		} catch {
			return segment;
		}
	});
	if (decoded.some((segment) => segment === '..' || segment === '.')) {
		return { refused: 'The path may not contain "." or ".." segments' };
	}
	// "/v1/models" against a Base URL that already ends in /v1.
	const baseLast = basePath.split('/').pop();
	if (baseLast && segments[0] === baseLast && /^v\d+$/.test(baseLast)) segments = segments.slice(1);
	const search = query.length ? `?${query.join('?')}` : '';
	return { path: `/${segments.join('/')}${search}` };
}
