/**
 * Loaded before every test file. nock patches Node's http module, which jest shares between the
 * test files of one worker; a file that used nock and left it active would intercept the real
 * sockets of the next file in that worker (steady, the fault server). Requiring nock here returns
 * the file's own instance if it used one; otherwise it is loaded and restored at once.
 */
afterAll(() => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const nock = require('nock') as typeof import('nock');
	nock.cleanAll();
	nock.restore();
});
