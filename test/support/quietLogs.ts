/**
 * Loaded before every test file. Many tests make the node fail on purpose, and n8n's logger prints each of those
 * errors to the console, which would bury the figures the suites print. The entries go to a file instead
 * (test-results/n8n-jest.log); the secrets suite still reads every one from the logger's own stream.
 */
import path from 'node:path';

process.env.N8N_LOG_OUTPUT ??= 'file';
process.env.N8N_LOG_FILE_LOCATION ??= path.resolve(__dirname, '../../test-results/n8n-jest.log');
