import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import * as charCodes from './char-codes.js';
import * as hostnameModule from './hostname.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isAsciiLetter, isDigit } = charCodes;
const { hostnameValid } = hostnameModule;

const ID = 'pii.email';

/** Characters of an unquoted local part we accept (the common subset of RFC 5322 atext). */
function isLocalCode(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isHostCode(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === 46 || c === 45;
}

/**
 * Finds the address around the `@` at `at`, or `undefined`. Expands by hand over the allowed
 * characters: cheaper than a regex that could start at every word character.
 */
function addressAround(text: string, at: number): { start: number; end: number } | undefined {
  let start = at;
  // Stop at a doubled dot: a local part cannot contain one, so what precedes it is not ours.
  // Bounded: a local part has at most 64 characters, so a huge token before an `@` costs little.
  while (start > 0 && at - start <= 64 && isLocalCode(text.charCodeAt(start - 1))) {
    if (text.charCodeAt(start - 1) === 46 && text.charCodeAt(start - 2) === 46) break;
    start--;
  }
  // A local part cannot start with a dot; `...john@x.io` still yields `john@x.io`.
  while (start < at && text.charCodeAt(start) === 46) start++;
  if (start === at || at - start > 64 || text.charCodeAt(at - 1) === 46) return undefined;

  let end = at + 1;
  while (end < text.length && end - at <= 254 && isHostCode(text.charCodeAt(end))) end++;
  // Trailing dots and hyphens belong to the sentence, not the domain.
  while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
  if (!hostnameValid(text, at + 1, end, 2)) return undefined;
  return { start, end };
}

/** `pii.email`: email addresses, validated local part and domain (alphabetic TLD). */
export const emailDetector: Detector = {
  id: ID,
  entities: ['EMAIL_ADDRESS'],
  context: ['email', 'e-mail', 'mail', 'contact', 'address', 'reach', 'write'],
  detect(text) {
    const out: Finding[] = [];
    let from = 0;
    for (;;) {
      const at = text.indexOf('@', from);
      if (at < 0) break;
      const hit = addressAround(text, at);
      if (hit) {
        const reason = 'email pattern, valid domain';
        out.push({ type: 'EMAIL_ADDRESS', ...hit, score: 0.95, detector: ID, reason });
        from = hit.end;
      } else {
        from = at + 1;
      }
    }
    return out;
  },
};
