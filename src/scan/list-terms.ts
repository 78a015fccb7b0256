import type { Finding } from '../core/finding.js';
import type { ListTerm } from './scan-options.js';

/** Detector id of findings produced by a per-call deny-list. */
export const DENY_LIST_DETECTOR = 'custom.deny_list';

/** An allow-list compiled once: true when a matched value is on it. */
export type AllowMatcher = (value: string) => boolean;

/** A deny-list compiled once: its findings (score 1) in a text. */
export type DenyMatcher = (text: string) => Finding[];

/**
 * Compiles an allow-list: literals compare case-insensitively with the whole value, RegExps must
 * match the whole value. Done when options are checked, not per finding.
 */
export function compileAllowList(allow: readonly ListTerm[]): AllowMatcher {
  const literals = new Set(allow.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase()));
  const patterns = allow
    .filter((t): t is RegExp => typeof t !== 'string')
    .map((re) => new RegExp(`^(?:${re.source})$`, re.flags.replace(/[gy]/g, '')));
  return (value) => literals.has(value.toLowerCase()) || patterns.some((re) => re.test(value));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a deny-list (`{ TYPE: terms }`): literals match case-insensitively at word boundaries,
 * RegExps as given (made global).
 */
export function compileDenyList(deny: Readonly<Record<string, readonly ListTerm[]>>): DenyMatcher {
  const rules = Object.entries(deny).flatMap(([type, terms]) =>
    terms.map((term) => ({
      type,
      re:
        typeof term === 'string'
          ? new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(term)}(?![\\p{L}\\p{N}_])`, 'giu')
          : new RegExp(term.source, term.flags.includes('g') ? term.flags : `${term.flags}g`),
    })),
  );
  return (text) => {
    const out: Finding[] = [];
    for (const { type, re } of rules) {
      for (const m of text.matchAll(re)) {
        if (m[0].length === 0) continue;
        out.push({
          type,
          start: m.index,
          end: m.index + m[0].length,
          score: 1,
          detector: DENY_LIST_DETECTOR,
          reason: 'deny-list term',
        });
      }
    }
    return out;
  };
}
