import type { Finding } from '../core/finding.js';

/** A span to replace and the finding that decides its type and operator. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly finding: Finding;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function byStartOrder(a: Replacement, b: Replacement): number {
  return a.start - b.start || b.end - a.end;
}

/** True when `spans` is already sorted by {@link byStartOrder} (so a stable sort would keep it). */
function inOrder(spans: readonly Replacement[]): boolean {
  for (let i = 1; i < spans.length; i++) if (!(byStartOrder(spans[i - 1]!, spans[i]!) <= 0)) return false;
  return true;
}

function better(a: Finding, b: Finding): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return a.end - a.start > b.end - b.start;
}

/**
 * Makes findings safe to apply: drops those outside the text or empty, widens spans that cut a
 * surrogate pair, sorts them, and merges overlapping ones into one span covering their union
 * (the highest-scoring finding, then the longest, names it). Merging rather than dropping means
 * no part of an overlapping value is ever left in clear.
 */
export function normalizeFindings(text: string, findings: readonly Finding[]): Replacement[] {
  const spans: Replacement[] = [];
  for (const f of findings) {
    let { start, end } = f;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) continue;
    if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
    if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    spans.push({ start, end, finding: f });
  }
  // Scanner findings come sorted: checking is cheaper than a sort call, which allocates its merge
  // state even for three elements.
  if (!inOrder(spans)) spans.sort(byStartOrder);
  const out: Replacement[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start < last.end) {
      out[out.length - 1] = {
        start: last.start,
        end: Math.max(last.end, s.end),
        finding: better(s.finding, last.finding) ? s.finding : last.finding,
      };
    } else {
      out.push(s);
    }
  }
  return out;
}
