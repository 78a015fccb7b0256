import { decodeBase64 } from '../../base64.js';
import { shannonEntropy } from '../entropy.js';
import { keyedRule } from '../keyed-rule.js';
import { MASKED_SCORE, patternRule } from '../pattern-rule.js';
import type { SecretRule } from '../secret-rule.js';
import { checksumVerdict } from './vcs.js';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * A PyPI token is `pypi-` + a base64url macaroon (v2): its last field is the 32-byte signature
 * (field type 6, length 32), which a truncated or made-up token lacks.
 */
function pypiMacaroonValid(secret: string): boolean {
  const bytes = decodeBase64(secret.slice(5));
  if (!bytes || bytes.length < 40) return false;
  return bytes[bytes.length - 34] === 0x06 && bytes[bytes.length - 33] === 0x20;
}

/** Package registries, CI/CD, artifact stores and code-quality services. */
export const devopsRules: readonly SecretRule[] = [
  patternRule({
    id: 'npm_access_token',
    description: 'npm access token',
    keywords: ['npm_'],
    pattern: /npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
    before: 'word',
    entropy: 3,
    validate: (s) => checksumVerdict(s, 4),
  }),
  patternRule({
    id: 'pypi_upload_token',
    description: 'PyPI upload token',
    keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
    pattern: /pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}/,
    validate: (s) => (pypiMacaroonValid(s) ? { check: 'macaroon ends in a 32-byte signature', score: 1 } : false),
  }),
  patternRule({
    id: 'rubygems_api_key',
    description: 'RubyGems API key',
    keywords: ['rubygems_'],
    pattern: /rubygems_[a-f0-9]{48}(?![a-f0-9])/,
    entropy: 3,
  }),
  patternRule({
    id: 'nuget_api_key',
    description: 'NuGet API key',
    keywords: ['oy2'],
    pattern: /oy2[a-z0-9]{43}(?![a-z0-9])/,
    entropy: 3.5,
  }),
  patternRule({
    id: 'clojars_deploy_token',
    description: 'Clojars deploy token',
    keywords: ['clojars_'],
    pattern: /CLOJARS_[a-z0-9]{60}(?![a-z0-9])/,
    entropy: 3.5,
  }),
  patternRule({
    id: 'crates_io_api_token',
    description: 'crates.io API token',
    keywords: ['cio'],
    pattern: /cio[A-Za-z0-9]{32}(?![A-Za-z0-9])/,
    entropy: 4,
  }),
  patternRule({
    id: 'docker_hub_pat',
    description: 'Docker Hub personal access token',
    keywords: ['dckr_pat_'],
    pattern: /dckr_pat_[A-Za-z0-9_-]{27}(?![\w-])/,
    entropy: 3,
  }),
  patternRule({
    id: 'docker_hub_org_token',
    description: 'Docker Hub organization access token',
    keywords: ['dckr_oat_'],
    pattern: /dckr_oat_[A-Za-z0-9_-]{32}(?![\w-])/,
    entropy: 3,
  }),
  // Artifactory follows detect-secrets, the tool that defined these two formats: a masked value
  // (`AKCxxxxxxxxxx`) is reported at 0.6 (see MASKED_SCORE); a real one must have the real shape.
  patternRule({
    id: 'artifactory_api_key',
    description: 'JFrog Artifactory API key',
    keywords: ['akc'],
    pattern: /AKC[A-Za-z0-9]{10,}(?![A-Za-z0-9])/,
    before: 'separator',
    maskedScore: MASKED_SCORE,
    // Real keys are `AKCp` + 69 characters; a mask may have any length.
    validate: (s) => s.length === 73 && s.startsWith('AKCp') && shannonEntropy(s) >= 4,
  }),
  patternRule({
    id: 'artifactory_encrypted_password',
    description: 'JFrog Artifactory encrypted password',
    keywords: [...'0123456789abcdef'].map((c) => `ap${c}`),
    pattern: /AP[0-9A-F][A-Za-z0-9]{8,}(?![A-Za-z0-9])/,
    before: 'separator',
    maskedScore: MASKED_SCORE,
    // `APACHE2LICENSE`, `AP1234567890`: a real one is long, mixes letters and digits, and looks random.
    validate: (s) => s.length >= 20 && /\d/.test(s) && /[a-z]/.test(s) && shannonEntropy(s) >= 3.5,
    score: 0.75,
  }),
  patternRule({
    id: 'artifactory_reference_token',
    description: 'JFrog Artifactory reference (identity) token',
    keywords: ['cmvmd'],
    pattern: /cmVmd[A-Za-z0-9]{59}(?![A-Za-z0-9])/,
    entropy: 4,
  }),
  patternRule({
    id: 'circleci_personal_token',
    description: 'CircleCI personal API token',
    keywords: ['ccipat_'],
    pattern: /CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}(?![a-f0-9])/,
  }),
  patternRule({
    id: 'circleci_project_token',
    description: 'CircleCI project API token',
    keywords: ['cciprj_'],
    pattern: /CCIPRJ_[A-Za-z0-9]{22}_[a-f0-9]{40}(?![a-f0-9])/,
  }),
  patternRule({
    id: 'buildkite_api_token',
    description: 'Buildkite API access token',
    keywords: ['bkua_'],
    pattern: /bkua_[a-f0-9]{40}(?![a-f0-9])/,
    entropy: 3,
  }),
  patternRule({
    id: 'sonarqube_token',
    description: 'SonarQube / SonarCloud token',
    keywords: ['sqp_', 'squ_', 'sqa_'],
    pattern: /sq[pua]_[a-f0-9]{40}(?![A-Za-z0-9])/,
    entropy: 3,
  }),
  keyedRule({
    id: 'snyk_api_token',
    description: 'Snyk API token',
    keywords: ['snyk'],
    value: UUID,
  }),
  keyedRule({
    id: 'codecov_token',
    description: 'Codecov upload token',
    keywords: ['codecov'],
    value: /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[a-f0-9]{32})$/,
  }),
  patternRule({
    id: 'octopus_deploy_api_key',
    description: 'Octopus Deploy API key',
    keywords: ['api-'],
    pattern: /API-[A-Z0-9]{26}(?![\w-])/,
    before: 'name',
    entropy: 3,
  }),
  patternRule({
    id: 'harness_pat',
    description: 'Harness personal access token',
    keywords: ['pat.'],
    pattern: /pat\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20}(?![A-Za-z0-9])/,
  }),
  patternRule({
    id: 'infracost_api_token',
    description: 'Infracost API token',
    keywords: ['ico-'],
    pattern: /ico-[A-Za-z0-9]{32}(?![\w.-])/,
    before: 'name',
    entropy: 3.5,
  }),
  patternRule({
    id: 'prefect_api_token',
    description: 'Prefect API key',
    keywords: ['pnu_'],
    pattern: /pnu_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
    entropy: 3.5,
  }),
  patternRule({
    id: 'scalingo_api_token',
    description: 'Scalingo API token',
    keywords: ['tk-us-'],
    pattern: /tk-us-[\w-]{48}(?![\w-])/,
    entropy: 3.5,
  }),
  patternRule({
    id: 'openshift_user_token',
    description: 'OpenShift user token',
    keywords: ['sha256~'],
    pattern: /sha256~[\w-]{43}(?![\w-])/,
    entropy: 3.5,
  }),
  patternRule({
    id: 'tailscale_api_key',
    description: 'Tailscale API access token',
    keywords: ['tskey-api-'],
    pattern: /tskey-api-[A-Za-z0-9]{8,}-[A-Za-z0-9]{16,}(?![A-Za-z0-9])/,
    before: 'letter',
  }),
  patternRule({
    id: 'tailscale_auth_key',
    description: 'Tailscale auth key',
    keywords: ['tskey-auth-'],
    pattern: /tskey-auth-[A-Za-z0-9]{8,}-[A-Za-z0-9]{16,}(?![A-Za-z0-9])/,
    before: 'letter',
  }),
  patternRule({
    id: 'tailscale_oauth_client_secret',
    description: 'Tailscale OAuth client secret',
    keywords: ['tskey-client-'],
    pattern: /tskey-client-[A-Za-z0-9]{8,}-[A-Za-z0-9]{16,}(?![A-Za-z0-9])/,
    before: 'letter',
  }),
  patternRule({
    id: 'tailscale_scim_key',
    description: 'Tailscale SCIM key',
    keywords: ['tskey-scim-'],
    pattern: /tskey-scim-[A-Za-z0-9]{8,}-[A-Za-z0-9]{16,}(?![A-Za-z0-9])/,
    before: 'letter',
  }),
  patternRule({
    id: 'tailscale_webhook_key',
    description: 'Tailscale webhook secret',
    keywords: ['tskey-webhook-'],
    pattern: /tskey-webhook-[A-Za-z0-9]{8,}-[A-Za-z0-9]{16,}(?![A-Za-z0-9])/,
    before: 'letter',
  }),
  patternRule({
    id: 'tailscale_key',
    description: 'Tailscale key of another type',
    keywords: ['tskey-'],
    pattern: /tskey-(?!api-|auth-|client-|scim-|webhook-)[a-z]+-[A-Za-z0-9]{8,}-[A-Za-z0-9]{16,}(?![A-Za-z0-9])/,
    before: 'letter',
  }),
  patternRule({
    id: 'ngrok_api_key',
    description: 'ngrok API key or authtoken',
    keywords: ['ngrok'],
    pattern: /ngrok[\w.-]{0,30}[\s"':=]{1,5}(2[A-Za-z0-9]{26}_[A-Za-z0-9]{21})(?![A-Za-z0-9])/i,
    group: 1,
    before: 'none',
    entropy: 4,
  }),
];
