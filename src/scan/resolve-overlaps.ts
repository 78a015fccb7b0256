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
  const byStart = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  let cluster: Finding[] = [];
  let clusterEnd = -1;
  for (const f of byStart) {
    if (f.start >= clusterEnd && cluster.length > 0) {
      pushResolved(cluster, kept);
      cluster = [];
    }
    cluster.push(f);
    clusterEnd = Math.max(clusterEnd, f.end);
  }
  pushResolved(cluster, kept);
  return kept;
}

function rank(a: Finding, b: Finding): number {
  return b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

/** Greedy by rank inside one cluster; appends the winners to `out` in start order. */
function pushResolved(cluster: Finding[], out: Finding[]): void {
  if (cluster.length === 1) {
    out.push(cluster[0]!);
    return;
  }
  const winners: Finding[] = [];
  for (const candidate of cluster.sort(rank)) {
    if (winners.every((w) => w.end <= candidate.start || w.start >= candidate.end)) winners.push(candidate);
  }
  out.push(...winners.sort((a, b) => a.start - b.start));
}
