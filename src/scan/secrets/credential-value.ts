import { shannonEntropy } from './entropy.js';
import { looksLikeNumberedStandIn, looksLikePlaceholder } from './placeholder.js';

/** How a value is judged: a password may be short and wordy; a key or token must look random. */
export type CredentialKind = 'password' | 'key';

const DOTTED_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
const BARE_NAME = /^[A-Za-z_$][A-Za-z_$]*$/;
const FILE_NAME = /\.(?:pem|key|crt|cer|csr|p12|pfx|jks|json|ya?ml|txt|env|keytab|keystore|der|pub|conf|cfg|ini|properties|xml|enc|gpg|asc|sh|py|js|ts)$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/;
const NUMERIC = /^[\d.,:+\-/]+$/;
/** A segment of a name-like value: a word (`Nexus`, `qat`, `GPT4`) or a number. */
const WORDY_SEGMENT = /^(?:[a-z]+\d*|[A-Z]+\d*|[A-Z][a-z]+\d*|\d+)$/;
/** A segment of a phrase typed in place of a password: letters of one case only. */
const PLAIN_WORD = /^(?:[a-z]+|[A-Z]+)$/;
/** A chunk repeated three times in a row (`1234-1234-1234`, `abcabcabc`): typed by hand. */
const REPEATED_CHUNK = /([A-Za-z0-9]{3,}[-_.]?)\1\1/;

/** A UUID, with its version digit captured. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * UUID versions made from a clock and a node id (1, 2, 6) or a hash of a name (3, 5): identifiers
 * with a handful of unpredictable bits at most. Tokens that look like UUIDs are version 4
 * (random) or 7 (a timestamp, then 74 random bits).
 */
const DERIVED_UUID_VERSIONS = new Set(['1', '2', '3', '5', '6']);

/** An ascending run of six (`123456`, `abcdef`): typed by hand, not generated. */
function hasAscendingRun(value: string): boolean {
  const s = value.toLowerCase();
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = c === s.charCodeAt(i - 1) + 1 && ((c >= 48 && c <= 57) || (c >= 97 && c <= 122));
    run = ok ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/** Character classes present: lower, upper, digit, and other symbols (not `_ - .`). */
function classes(value: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let symbol = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else if (c !== 95 && c !== 45 && c !== 46) symbol = 1;
  }
  return lower + upper + digit + symbol;
}

function alnumClasses(value: string): number {
  return (/[a-z]/.test(value) ? 1 : 0) + (/[A-Z]/.test(value) ? 1 : 0) + (/\d/.test(value) ? 1 : 0);
}

/**
 * Why an assigned value is not a credential, or `undefined` when it looks like one. Rejects
 * placeholders and templates (and, for keys, numbered stand-ins like `apikey123`), references to
 * other things (variables, dotted names, function calls, paths, file names, URLs, e-mail
 * addresses), numbers and versions, UUIDs derived from a clock or a name (not random), slugs made
 * of words, and values too short or too uniform for their kind. `quoted` tells a literal from code.
 */
export function credentialValueIssue(value: string, kind: CredentialKind, quoted: boolean): string | undefined {
  const min = kind === 'password' ? 6 : 10;
  if (value.length < min) return 'short';
  if (value.length > 1000) return 'long';
  if (/\s/.test(value)) return 'white space';
  if (looksLikePlaceholder(value) || (kind === 'key' && looksLikeNumberedStandIn(value))) return 'placeholder';
  if (value.includes('(') || value.includes('://')) return 'expression';
  if (DOTTED_NAME.test(value) && (!quoted || !/\d/.test(value))) return 'reference';
  if (!quoted && BARE_NAME.test(value)) return 'reference';
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value) || FILE_NAME.test(value) || EMAIL.test(value)) return 'path';
  if (NUMERIC.test(value)) return 'number';
  const uuid = UUID.exec(value);
  if (uuid && DERIVED_UUID_VERSIONS.has(uuid[1]!)) return 'identifier';
  if (REPEATED_CHUNK.test(value) || hasAscendingRun(value)) return 'typed';
  const segments = value.split(/[-_.]/).filter((s) => s.length > 0);
  // Slugs and resource names (`cmp2-qat-1208358310`) are not keys; a password may be words and digits.
  if (segments.length >= 2 && segments.every((s) => (kind === 'key' ? WORDY_SEGMENT : PLAIN_WORD).test(s))) return 'words';
  const bits = shannonEntropy(value);
  if (kind === 'password') {
    if (classes(value) < 2 || bits < 2.0) return 'uniform';
  } else if (alnumClasses(value) < 2 || bits < (value.length < 20 ? 2.5 : 3.0)) {
    // Short random strings cannot reach the entropy of long ones (16 hex digits average about 3.4).
    return 'uniform';
  }
  return undefined;
}
