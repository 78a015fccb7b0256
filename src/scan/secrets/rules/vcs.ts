import { githubChecksumValid } from '../github-checksum.js';
import { keyedRule } from '../keyed-rule.js';
import { patternRule, type Verdict } from '../pattern-rule.js';
import type { SecretRule } from '../secret-rule.js';

/** GitHub-style tokens carry a CRC-32 of their random part: valid → certain, invalid → still token-shaped. */
export function checksumVerdict(secret: string, prefixLength: number): Verdict {
  return githubChecksumValid(secret.slice(prefixLength))
    ? { score: 1, check: 'CRC-32 checksum valid' }
    : { score: 0.7, check: 'CRC-32 checksum not valid (a test or altered token)' };
}

function githubToken(id: string, description: string, prefix: string): SecretRule {
  return patternRule({
    id,
    description,
    keywords: [prefix],
    pattern: new RegExp(`${prefix}[A-Za-z0-9]{36}(?![A-Za-z0-9])`),
    entropy: 3,
    validate: (s) => checksumVerdict(s, prefix.length),
  });
}

function gitlabToken(id: string, description: string, prefix: string, body: string, entropy = 3): SecretRule {
  return patternRule({
    id,
    description,
    keywords: [prefix.toLowerCase()],
    pattern: new RegExp(`${prefix}${body}(?![\\w-])`),
    entropy,
  });
}

/** Source hosting: GitHub, GitLab, Bitbucket, Atlassian, Sourcegraph. */
export const vcsRules: readonly SecretRule[] = [
  githubToken('github_pat', 'GitHub personal access token (classic)', 'ghp_'),
  githubToken('github_oauth_token', 'GitHub OAuth access token', 'gho_'),
  githubToken('github_user_to_server_token', 'GitHub App user-to-server token', 'ghu_'),
  githubToken('github_refresh_token', 'GitHub App refresh token', 'ghr_'),
  patternRule({
    id: 'github_server_to_server_token',
    description: 'GitHub App installation (server-to-server) token',
    keywords: ['ghs_'],
    pattern: /ghs_(?:[A-Za-z0-9]{36}(?![A-Za-z0-9])|\d+_eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,})/,
    entropy: 3,
    validate: (s) => (s.length === 40 ? checksumVerdict(s, 4) : { check: 'installation id and signed token' }),
  }),
  patternRule({
    id: 'github_fine_grained_pat',
    description: 'GitHub fine-grained personal access token',
    keywords: ['github_pat_'],
    pattern: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9])/,
    entropy: 3.5,
  }),
  keyedRule({
    id: 'github_client_secret',
    description: 'GitHub OAuth app client secret',
    keywords: ['github'],
    value: /^[a-f0-9]{40}$/,
    entropy: 3,
  }),
  patternRule({
    id: 'gitlab_pat',
    description: 'GitLab personal, project or group access token',
    keywords: ['glpat-'],
    pattern: /glpat-(?:[\w-]{27,300}\.[0-9a-z]{9}(?![\w.-])|[\w-]{20,50}(?![\w-]))/,
    entropy: 3,
  }),
  gitlabToken('gitlab_deploy_token', 'GitLab deploy token', 'gldt-', '[\\w-]{20,50}'),
  gitlabToken('gitlab_feed_token', 'GitLab feed token', 'glft-', '[\\w-]{20,50}'),
  gitlabToken('gitlab_scim_token', 'GitLab SCIM OAuth token', 'glsoat-', '[\\w-]{20,50}'),
  gitlabToken('gitlab_runner_token', 'GitLab runner authentication token', 'glrt-', '(?:[\\w-]{20,50}|t\\d_[\\w-]{27,300}\\.[0-9a-z]{9})'),
  gitlabToken('gitlab_runner_registration_token', 'GitLab runner registration token', 'GR1348941', '[\\w-]{20,50}'),
  gitlabToken('gitlab_ci_build_token', 'GitLab CI/CD job token', 'glcbt-', '[\\w-]{20,50}'),
  gitlabToken('gitlab_incoming_mail_token', 'GitLab incoming e-mail token', 'glimt-', '[\\w-]{25}'),
  gitlabToken('gitlab_pipeline_trigger_token', 'GitLab pipeline trigger token', 'glptt-', '[\\w-]{40}'),
  gitlabToken('gitlab_agent_token', 'GitLab agent for Kubernetes token', 'glagent-', '[\\w-]{50,1024}'),
  gitlabToken('gitlab_oauth_app_secret', 'GitLab OAuth application secret', 'gloas-', '[\\w-]{64}'),
  gitlabToken('gitlab_feature_flag_token', 'GitLab feature flags client token', 'glffct-', '[\\w-]{20,50}'),
  patternRule({
    id: 'gitlab_session_cookie',
    description: 'GitLab session cookie',
    keywords: ['_gitlab_session='],
    pattern: /_gitlab_session=([0-9a-z]{32})(?![0-9a-z])/,
    group: 1,
    before: 'none',
    entropy: 3,
  }),
  patternRule({
    id: 'bitbucket_app_password',
    description: 'Bitbucket app password / API token',
    keywords: ['atbb'],
    pattern: /ATBB[A-Za-z0-9]{32}(?![A-Za-z0-9])/,
    entropy: 3.5,
  }),
  keyedRule({
    id: 'bitbucket_client_secret',
    description: 'Bitbucket OAuth consumer secret',
    keywords: ['bitbucket'],
    value: /^[A-Za-z0-9_=-]{32,64}$/,
    entropy: 3.5,
  }),
  patternRule({
    id: 'atlassian_api_token',
    description: 'Atlassian API token',
    keywords: ['atatt3'],
    pattern: /ATATT3[A-Za-z0-9_=-]{150,220}(?![A-Za-z0-9_=-])/,
    entropy: 4,
  }),
  keyedRule({
    id: 'atlassian_api_token_legacy',
    description: 'Atlassian / Jira / Confluence API token (24-character form)',
    keywords: ['atlassian', 'jira', 'confluence'],
    value: /^[A-Za-z0-9]{24}$/,
    entropy: 3.5,
  }),
  patternRule({
    id: 'sourcegraph_access_token',
    description: 'Sourcegraph access token',
    keywords: ['sgp_'],
    pattern: /sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40}(?![A-Za-z0-9_])/,
    entropy: 3,
  }),
  keyedRule({
    id: 'sourcegraph_access_token_legacy',
    description: 'Sourcegraph access token (40 hex digits)',
    keywords: ['sourcegraph'],
    value: /^[a-fA-F0-9]{40}$/,
    entropy: 3,
  }),
];
