import type { Finding } from '../core/finding.js';
import type { ListTerm } from './scan-options.js';

/** Detector id of findings produced by a per-call deny-list. */
export const DENY_LIST_DETECTOR = 'custom.deny_list';

/** True when the matched value is on the allow-list. */
export function isAllowed(value: string, allow: readonly ListTerm[]): boolean {
  const lower = value.toLowerCase();
  for (const term of allow) {
    if (typeof term === 'string') {
      if (term.toLowerCase() === lower) return true;
    } else if (wholeMatch(term, value)) {
      return true;
    }
  }
  return false;
}

function wholeMatch(re: RegExp, value: string): boolean {
  const anchored = new RegExp(`^(?:${re.source})$`, re.flags.replace(/[gy]/g, ''));
  return anchored.test(value);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Findings (score 1) for every deny-list term in `text`. */
export function denyListFindings(
  text: string,
  deny: Readonly<Record<string, readonly ListTerm[]>>,
): Finding[] {
  const out: Finding[] = [];
  for (const [type, terms] of Object.entries(deny)) {
    for (const term of terms) {
      const re =
        typeof term === 'string'
          ? new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(term)}(?![\\p{L}\\p{N}_])`, 'giu')
          : new RegExp(term.source, term.flags.includes('g') ? term.flags : `${term.flags}g`);
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
  }
  return out;
}
