/** Recognisable credential values: no output, error or log line may ever contain them. */
export const TEST_API_KEY = 'sk-test-HARNESS-KEY-0123456789abcdef';
export const TEST_ORGANIZATION = 'org-HARNESS-ORG-4242';
export const TEST_PROJECT = 'proj_HARNESS_PROJECT_4242';
export const TEST_ADMIN_KEY = 'sk-admin-HARNESS-ADMIN-KEY-0123456789';
export const SECRET_CANARIES = [TEST_API_KEY, TEST_ORGANIZATION, TEST_PROJECT, TEST_ADMIN_KEY];

/** Workflow runs whose data contained a canary (filled by the harness, checked by secretGuard). */
export const secretLeaks: string[] = [];

export function recordLeaks(label: string, data: unknown): void {
	const text = JSON.stringify(data) ?? '';
	for (const secret of SECRET_CANARIES) if (text.includes(secret)) secretLeaks.push(`${label}: ${secret}`);
}
