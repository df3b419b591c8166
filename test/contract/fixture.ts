import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

export interface ContractFixture {
	file: string;
	description: string;
	parameters: IDataObject;
	items?: Array<{ json: IDataObject; binary?: Record<string, { data: string; fileName?: string; mimeType?: string }> }>;
	/** "METHOD /spec/path/{template}" in order, as steady matched them. */
	expectRequests?: string[];
}

export const FIXTURE_DIR = path.join(__dirname, 'fixtures');

export function loadFixtures(): ContractFixture[] {
	return readdirSync(FIXTURE_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => ({ file: name, ...(JSON.parse(readFileSync(path.join(FIXTURE_DIR, name), 'utf8')) as Omit<ContractFixture, 'file'>) }));
}

export interface AllowlistEntry {
	code: string;
	path: string;
	message: string;
	reason: string;
}

/** Steady diagnostics that are steady's own mistakes, each with the reason it is one. */
export function loadAllowlist(): AllowlistEntry[] {
	return JSON.parse(readFileSync(path.join(__dirname, 'allowlist.json'), 'utf8')) as AllowlistEntry[];
}

/** One contract fixture by name (without .json), e.g. `chat.complete`: its parameters and input items. */
export function loadFixture(name: string): ContractFixture {
	return { file: `${name}.json`, ...(JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')) as Omit<ContractFixture, 'file'>) };
}
