import type { Finding } from '../core/finding.js';

/**
 * Keeps a set of non-overlapping findings: a higher score wins, then a longer span, then the
 * earlier start. Returns them sorted by start.
 *
 * Findings are first grouped into clusters of transitively overlapping spans by one sweep over
 * the start order; only inside a cluster (almost always one to three findings) are they ranked.
 * That keeps a 1 MB text with tens of thousands of findings linear after the sort.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  if (findings.length < 2) return [...findings];
  // Detectors often report in text order already: checking is cheaper than a sort call, which
  // allocates its merge state even for three elements.
  const byStart = inOrder(findings) ? findings : [...findings].sort(byStartOrder);
  const kept: Finding[] = [];
  let from = 0; // the current cluster is byStart[from, i)
  let clusterEnd = -1;
  for (let i = 0; i < byStart.length; i++) {
    const f = byStart[i]!;
    if (f.start >= clusterEnd && i > from) {
      pushResolved(byStart, from, i, kept);
      from = i;
    }
    clusterEnd = Math.max(clusterEnd, f.end);
  }
  pushResolved(byStart, from, byStart.length, kept);
  return kept;
}

function byStartOrder(a: Finding, b: Finding): number {
  return a.start - b.start || b.end - a.end;
}

/** True when `findings` is already sorted by {@link byStartOrder} (so a stable sort would keep it). */
function inOrder(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (!(byStartOrder(findings[i - 1]!, findings[i]!) <= 0)) return false;
  return true;
}

function rank(a: Finding, b: Finding): number {
  return b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

/** Greedy by rank inside the cluster `list[from, to)`; appends the winners to `out` in start order. */
function pushResolved(list: readonly Finding[], from: number, to: number, out: Finding[]): void {
  if (to - from === 1) {
    out.push(list[from]!);
    return;
  }
  const winners: Finding[] = [];
  for (const candidate of list.slice(from, to).sort(rank)) {
    if (winners.every((w) => w.end <= candidate.start || w.start >= candidate.end)) winners.push(candidate);
  }
  out.push(...winners.sort((a, b) => a.start - b.start));
}
