import type { Finding } from '../core/finding.js';

/**
 * Keeps a set of non-overlapping findings: a higher score wins, then a longer span, then the
 * earlier start. Returns them sorted by start.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  if (findings.length < 2) return [...findings];
  const ranked = [...findings].sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const candidate of ranked) {
    if (!overlapsAny(kept, candidate)) insertByStart(kept, candidate);
  }
  return kept;
}

/** `kept` is sorted by start and non-overlapping, so only the neighbours need checking. */
function overlapsAny(kept: readonly Finding[], f: Finding): boolean {
  const i = lowerBound(kept, f.start);
  const next = kept[i];
  const prev = kept[i - 1];
  return (next !== undefined && next.start < f.end) || (prev !== undefined && prev.end > f.start);
}

function insertByStart(kept: Finding[], f: Finding): void {
  kept.splice(lowerBound(kept, f.start), 0, f);
}

function lowerBound(kept: readonly Finding[], start: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (kept[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
