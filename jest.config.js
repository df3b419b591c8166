/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFiles: ['<rootDir>/test/support/quietLogs.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/support/secretGuard.ts', '<rootDir>/test/support/nockReset.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testTimeout: 60_000,
};
