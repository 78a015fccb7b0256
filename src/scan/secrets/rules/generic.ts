import { classifyCredentialName } from '../credential-name.js';
import type { CredentialKind } from '../credential-value.js';
import { assignmentRule } from '../keyed-rule.js';
import type { SecretRule } from '../secret-rule.js';

/** Only the authorization header names. */
function classifyAuthorization(words: readonly string[]): CredentialKind | undefined {
  return words[words.length - 1] === 'authorization' ? 'key' : undefined;
}

/** Generic `password=` / `secret:` / `api_key =` / `token:` assignments and authorization headers. */
export const genericRules: readonly SecretRule[] = [
  assignmentRule({
    id: 'generic_assignment',
    description: 'Credential assigned to a password, secret, token or API key name',
    keywords: ['pass', 'pwd', 'pword', 'secret', 'token', 'key'],
    classify: classifyCredentialName,
    schemes: true,
    score: { password: 0.7, key: 0.75 },
  }),
  assignmentRule({
    id: 'authorization_header',
    description: 'Credential in an HTTP Authorization header',
    keywords: ['authorization'],
    classify: classifyAuthorization,
    schemes: true,
    score: { password: 0.8, key: 0.8 },
  }),
];
