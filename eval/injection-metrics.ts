/**
 * Threshold-free and thresholded metrics of a binary detector: ROC-AUC, TPR at a fixed FPR,
 * and the confusion counts at one threshold. Pure functions over `(score, label)` pairs.
 */

/** One scored text. `label` 1 = attack. */
export interface ScoredText {
  readonly score: number;
  readonly label: 0 | 1;
}

/**
 * ROC-AUC: the probability that a random attack outscores a random benign text (ties count half),
 * computed from ranks in O(n log n). `null` when either class is empty.
 */
export function rocAuc(items: readonly ScoredText[]): number | null {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && (sorted[j] as ScoredText).score === (sorted[i] as ScoredText).score) j++;
    const midRank = (i + 1 + j) / 2; // average 1-based rank of the tie group
    for (let k = i; k < j; k++) {
      if ((sorted[k] as ScoredText).label === 1) {
        pos++;
        rankSum += midRank;
      } else {
        neg++;
      }
    }
    i = j;
  }
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * The lowest threshold at which at most `fpr` of `benign` scores reach it (score >= threshold
 * counts as flagged). With 300 benign texts and fpr 0.01, three may be flagged.
 */
export function thresholdForFpr(benign: readonly number[], fpr: number): number {
  const desc = [...benign].sort((a, b) => b - a);
  const allowed = Math.floor(fpr * desc.length);
  const z = desc[allowed];
  if (z === undefined) return -Infinity;
  // Just above the first benign score that must not be flagged.
  return z + Math.max(1e-12, Math.abs(z) * 1e-12);
}

/** Counts at a threshold (score >= threshold is flagged). */
export interface Confusion {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

/** Confusion counts of `items` at `threshold`. */
export function confusionAt(items: readonly ScoredText[], threshold: number): Confusion {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const { score, label } of items) {
    const flagged = score >= threshold;
    if (label === 1) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}

/** a / b, or `null` when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
