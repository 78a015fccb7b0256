import { isAsciiLetter, isDigit } from '../pii/char-codes.js';
import { shannonEntropy } from './entropy.js';
import { looksMasked, looksTemplated } from './placeholder.js';
import type { SecretMatch, SecretRule, SecretScanState } from './secret-rule.js';

/**
 * What may not precede a match: a letter; a letter or digit; a word character; a base64
 * character; a name character (word, `.`, `-`); anything but white space, a quote or a separator
 * of assignments and lists (`separator`: the match must start a value).
 */
export type LeftBoundary = 'letter' | 'alnum' | 'word' | 'base64' | 'name' | 'separator' | 'none';

/** What may precede a match with the `separator` boundary. */
const SEPARATORS = new Set([' ', '\t', '\n', '\r', '"', "'", '`', '=', ':', ',', ';', '(', '[', '{', '<', '>', '|']);

/**
 * Score of a masked value (`AKCxxxxxxxxxx`) in the formats that report one
 * ({@link PatternRuleSpec.maskedScore}): above the default threshold (0.5) and below every real
 * match, so a scanner threshold of 0.65 drops them.
 */
export const MASKED_SCORE = 0.6;

/** The verdict of a rule's own validator: `false` drops the match; an object adjusts it. */
export type Verdict = boolean | { readonly score?: number; readonly check?: string };

/** A rule defined by a regular expression, usually anchored on the format's prefix. */
export interface PatternRuleSpec {
  readonly id: string;
  readonly description: string;
  readonly keywords: readonly string[];
  /** Matched case-sensitively unless it has the `i` flag; `g` and `d` are added. */
  readonly pattern: RegExp;
  /** Capture group holding the secret (number or name); default: the whole match. */
  readonly group?: number | string;
  /** Default `alnum`: `xghp_…` is not a GitHub token. */
  readonly before?: LeftBoundary;
  /** Minimum Shannon entropy of the secret (bits per character). */
  readonly entropy?: number;
  /** Reject masked or templated secrets (`xxxxx`, `***`, `${…}`); default true. */
  readonly placeholder?: boolean;
  /**
   * Report a masked secret (`AKCxxxxxxxxxx`) at this score instead of dropping it; templates are
   * still dropped, and the entropy and `validate` checks are skipped (a mask has neither). For
   * formats whose defining tool (detect-secrets) reports masked examples: the prefix and the
   * position still say which credential was pasted there. Unset (the default): masks are dropped.
   */
  readonly maskedScore?: number;
  /** Format-specific check on the secret (checksum, decoded structure). */
  readonly validate?: (secret: string, match: RegExpExecArray, state: SecretScanState) => Verdict;
  /** Score of a match; default 0.9. */
  readonly score?: number;
}

function leftOk(text: string, start: number, before: LeftBoundary): boolean {
  if (start === 0 || before === 'none') return true;
  const c = text.charCodeAt(start - 1);
  switch (before) {
    case 'letter':
      return !isAsciiLetter(c);
    case 'alnum':
      return !isAsciiLetter(c) && !isDigit(c);
    case 'word':
      return !isAsciiLetter(c) && !isDigit(c) && c !== 95;
    case 'name':
      return !isAsciiLetter(c) && !isDigit(c) && c !== 95 && c !== 46 && c !== 45;
    case 'base64':
      return !isAsciiLetter(c) && !isDigit(c) && c !== 43 && c !== 47 && c !== 45 && c !== 61;
    case 'separator':
      return SEPARATORS.has(text[start - 1]!);
  }
}

/** Builds a {@link SecretRule} from a {@link PatternRuleSpec}. */
export function patternRule(spec: PatternRuleSpec): SecretRule {
  const flags = [...new Set(`${spec.pattern.flags}gd`)].join('');
  const pattern = new RegExp(spec.pattern.source, flags);
  const before = spec.before ?? 'alnum';
  const score = spec.score ?? 0.9;
  const base = `${spec.description} (secret.${spec.id})`;
  return {
    id: spec.id,
    description: spec.description,
    keywords: spec.keywords,
    find(state) {
      const { text } = state;
      const found: SecretMatch[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const span = spanOf(m, spec.group);
        if (!span || !leftOk(text, m.index, before)) continue;
        const secret = text.slice(span[0], span[1]);
        const checks: string[] = [];
        if (spec.placeholder !== false && looksTemplated(secret)) continue;
        if (spec.placeholder !== false && looksMasked(secret)) {
          if (spec.maskedScore !== undefined) found.push({ start: span[0], end: span[1], score: spec.maskedScore, reason: `${base}; masked value` });
          continue;
        }
        if (spec.entropy !== undefined) {
          const bits = shannonEntropy(secret);
          if (bits < spec.entropy) continue;
          checks.push(`entropy ${bits.toFixed(1)}`);
        }
        let s = score;
        if (spec.validate) {
          const verdict = spec.validate(secret, m, state);
          if (verdict === false) continue;
          if (typeof verdict === 'object') {
            if (verdict.score !== undefined) s = verdict.score;
            if (verdict.check !== undefined) checks.unshift(verdict.check);
          }
        }
        found.push({ start: span[0], end: span[1], score: s, reason: checks.length > 0 ? `${base}; ${checks.join('; ')}` : base });
      }
      return found;
    },
  };
}

function spanOf(m: RegExpExecArray, group: number | string | undefined): readonly [number, number] | undefined {
  if (group === undefined) return [m.index, m.index + m[0].length];
  const indices = m.indices;
  const span = typeof group === 'number' ? indices?.[group] : indices?.groups?.[group];
  return span && span[1] > span[0] ? span : undefined;
}
