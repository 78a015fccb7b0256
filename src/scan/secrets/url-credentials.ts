import { shannonEntropy } from './entropy.js';
import { looksLikePairPlaceholder } from './placeholder.js';
import type { SecretScanState } from './secret-rule.js';

/** A password in the user-info part of a URL (`scheme://user:password@host`). */
export interface UrlCredential {
  /** Lower-case scheme (`postgresql`, `mongodb+srv`, `https`). */
  readonly scheme: string;
  readonly start: number;
  readonly end: number;
}

function isSchemeCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
}

/** Where an authority ends: path, query, fragment, white space, quotes, markup. */
const AUTHORITY_END = new Set(['/', '?', '#', ' ', '\t', '\n', '\r', '"', "'", '`', '<', '>', '\\']);

/**
 * Why a URL or command-line password is not a credential, or `undefined` when it is one: empty,
 * shorter than 4, a placeholder or template (`password`, `${DB_PASS}`, `<pass>`; see
 * {@link looksLikePairPlaceholder}: `pass` is a weak but literal password), the user name again
 * (`postgres:postgres`), one repeated character, or the password of an anonymous login
 * (`ftp://anonymous:guest@…`, which by convention holds no secret).
 */
export function passwordIssue(password: string, user: string): string | undefined {
  if (password.length < 4) return 'short';
  if (user.toLowerCase() === 'anonymous') return 'anonymous';
  if (looksLikePairPlaceholder(password)) return 'placeholder';
  if (password.toLowerCase() === user.toLowerCase()) return 'same as user';
  if (shannonEntropy(password) < 1.5) return 'uniform';
  return undefined;
}

/**
 * Every URL password in the text whose URL has a scheme, checked with {@link passwordIssue};
 * computed once per scan and shared by the URL rules. The password is what follows the first `:`
 * of the user info, which ends at the authority's last `@` (passwords may contain `@`).
 */
export function urlCredentials(state: SecretScanState): readonly UrlCredential[] {
  const cached = state.memo.get('secret.url_credentials');
  if (cached) return cached as UrlCredential[];
  const { text } = state;
  const out: UrlCredential[] = [];
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    let s = at;
    while (s > 0 && isSchemeCode(text.charCodeAt(s - 1))) s--;
    if (s === at) continue;
    const authStart = at + 3;
    let authEnd = authStart;
    while (authEnd < text.length && authEnd - authStart < 512 && !AUTHORITY_END.has(text[authEnd]!)) authEnd++;
    const lastAt = text.lastIndexOf('@', authEnd - 1);
    if (lastAt < authStart || lastAt === authEnd - 1) continue;
    const colon = text.indexOf(':', authStart);
    if (colon < 0 || colon >= lastAt) continue;
    const user = text.slice(authStart, colon);
    const password = text.slice(colon + 1, lastAt);
    if (passwordIssue(password, user) !== undefined) continue;
    out.push({ scheme: text.slice(s, at).toLowerCase(), start: colon + 1, end: lastAt });
  }
  state.memo.set('secret.url_credentials', out);
  return out;
}
