/**
 * One name and one description per concept, wherever a field for it appears (chat, responses, images, audio,
 * assistants, ...). test/unit/concepts.test.ts holds the description to it: one option name, one display name.
 */
export const TEMPERATURE_LABEL = 'Sampling Temperature';
export const TEMPERATURE_DESCRIPTION = 'Higher values (e.g. 0.8) make the output more random, lower values (e.g. 0.2) more focused';

export const MAX_TOKENS_LABEL = 'Maximum Number of Tokens';
export const MAX_TOKENS_DESCRIPTION = 'The most tokens the reply may use (for reasoning models this includes their reasoning tokens)';

export const END_USER_LABEL = 'User ID';
export const END_USER_DESCRIPTION = 'A stable ID of your end user (e.g. a hash of their email), up to 64 characters, which helps OpenAI detect abuse';

export const NUMBER_OF_RESULTS_DESCRIPTION = 'How many results to generate (alternative replies, or images). Each one is billed; all are kept in the output.';

export const OTHER_PARAMETERS_LABEL = 'Additional Body Parameters';

export const BUILT_IN_TOOLS_LABEL = 'Built-in Tools';

export const TIMEOUT_LABEL = 'Timeout';
