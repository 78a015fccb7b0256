import { decodeBase64Text } from '../../base64.js';
import { credentialValueIssue } from '../credential-value.js';
import { MASKED_SCORE, patternRule } from '../pattern-rule.js';
import { looksLikePlaceholder } from '../placeholder.js';
import type { SecretMatch, SecretRule, SecretScanState } from '../secret-rule.js';
import { passwordIssue } from '../url-credentials.js';

/** One argument of a command line: quoted parts and bare characters up to white space. */
interface Argument {
  /** The argument without its quotes. */
  readonly value: string;
  /** Offset in the text of each character of `value`. */
  readonly offsets: readonly number[];
}

function readArgument(text: string, from: number): Argument {
  const chars: string[] = [];
  const offsets: number[] = [];
  let quote = '';
  let i = from;
  for (; i < text.length && i - from < 512; i++) {
    const c = text[i]!;
    if (quote !== '') {
      if (c === quote) quote = '';
      else if (c === '\n') break;
      else {
        chars.push(c);
        offsets.push(i);
      }
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (/\s/.test(c)) {
      break;
    } else {
      chars.push(c);
      offsets.push(i);
    }
  }
  return { value: chars.join(''), offsets };
}

const USER_FLAG = /(?:^|[ \t])(?:-u|--user)(?:=|[ \t]+)/g;

/** `curl -u user:password` / `--user`: the password, or the user part when it is an API key with no password. */
function curlCredentials(state: SecretScanState): SecretMatch[] {
  const { text, lower } = state;
  const found: SecretMatch[] = [];
  const reason = 'Credentials in a curl --user argument (secret.curl_basic_auth)';
  for (let at = lower.indexOf('curl'); at >= 0; at = lower.indexOf('curl', at + 4)) {
    if (/[a-z0-9_]/.test(lower[at - 1] ?? ' ') || /[a-z0-9_]/.test(lower[at + 4] ?? ' ')) continue;
    // The command: this line and up to five continuation lines (ending in `\`).
    let end = at;
    for (let lines = 0; lines < 6; lines++) {
      const nl = text.indexOf('\n', end);
      if (nl < 0) {
        end = text.length;
        break;
      }
      end = nl + 1;
      if (!/\\\s*$/.test(text.slice(Math.max(at, nl - 4), nl))) break;
    }
    USER_FLAG.lastIndex = at + 4;
    const command = text.slice(0, end);
    for (let m = USER_FLAG.exec(command); m !== null; m = USER_FLAG.exec(command)) {
      const arg = readArgument(text, m.index + m[0].length);
      if (looksLikePlaceholder(arg.value)) continue;
      const colon = arg.value.indexOf(':');
      if (colon < 0) continue;
      const user = arg.value.slice(0, colon);
      const password = arg.value.slice(colon + 1);
      if (password.length > 0 && passwordIssue(password, user) === undefined) {
        found.push({ start: arg.offsets[colon + 1]!, end: arg.offsets[arg.offsets.length - 1]! + 1, score: 0.85, reason });
      } else if (password.length === 0 && credentialValueIssue(user, 'key', true) === undefined) {
        found.push({ start: arg.offsets[0]!, end: arg.offsets[colon - 1]! + 1, score: 0.8, reason: `${reason}; API key as user name` });
      }
    }
  }
  return found;
}

/** Credentials in command lines and configuration files: curl, .npmrc, Docker, .netrc, kubeconfig, Bundler. */
export const configFileRules: readonly SecretRule[] = [
  {
    id: 'curl_basic_auth',
    description: 'Credentials in a curl --user argument',
    keywords: ['curl'],
    find: curlCredentials,
  },
  patternRule({
    id: 'npmrc_auth_token',
    description: 'npm registry credential in .npmrc',
    keywords: ['_authtoken', ':_auth', ':_password'],
    pattern: /\/\/[^\s/:]+(?::\d+)?(?:\/[^\s:]*)?\/:_(?:authToken|auth|password)[ \t]*=[ \t]*"?([^\s"]{8,})/,
    group: 1,
    before: 'none',
    validate: (secret) => !looksLikePlaceholder(secret),
    // detect-secrets defined this format and reports masked values (`npm_xxxx`): so do we, at 0.6.
    maskedScore: MASKED_SCORE,
    score: 0.9,
  }),
  patternRule({
    id: 'docker_config_auth',
    description: 'Registry credentials in a Docker config.json auths entry',
    keywords: ['"auth"'],
    pattern: /"auth"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})"/,
    group: 1,
    before: 'none',
    validate: (secret) => {
      const decoded = decodeBase64Text(secret);
      const colon = decoded?.indexOf(':') ?? -1;
      if (decoded === undefined || colon < 1) return false;
      return passwordIssue(decoded.slice(colon + 1), decoded.slice(0, colon)) === undefined ? { check: 'decodes to user:password' } : false;
    },
  }),
  patternRule({
    id: 'netrc_password',
    description: 'Password in a .netrc machine entry',
    keywords: ['machine'],
    pattern: /\bmachine[ \t]+\S+\s+login[ \t]+(\S+)\s+password[ \t]+(\S+)/,
    group: 2,
    before: 'none',
    validate: (secret, m) => passwordIssue(secret, m[1] ?? '') === undefined,
  }),
  patternRule({
    id: 'kubeconfig_client_key',
    description: 'Private key embedded in a kubeconfig (client-key-data)',
    keywords: ['client-key-data'],
    pattern: /client-key-data:[ \t]*"?(LS0tLS1CRUdJT[A-Za-z0-9+/]{100,}={0,2})/,
    group: 1,
    before: 'none',
  }),
  patternRule({
    id: 'sidekiq_credentials',
    description: 'Sidekiq Pro/Enterprise gem source credentials',
    keywords: ['contribsys'],
    pattern: /BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM[ \t]*[=:][ \t]*"?([a-f0-9]{8}:[a-f0-9]{8})\b/i,
    group: 1,
    before: 'none',
  }),
];
