// Sets the default operating point: the logit above which ~1% of the benign calibration texts
// fall, and the slope of the sigmoid that maps logits to scores around it.

/** A scored calibration text. */
export interface Scored {
  readonly z: number;
  readonly label: 0 | 1;
  readonly dataset: string;
}

/** Threshold: at most `fpr` of `benign` score above it. */
export function thresholdAt(benign: readonly number[], fpr: number): number {
  const desc = [...benign].sort((a, b) => b - a);
  const allowed = Math.floor(fpr * desc.length);
  const z = desc[allowed];
  return z === undefined ? 0 : z + 1e-6;
}

/** The slope k minimising log loss of sigmoid(k (z - threshold)) on `scored` (grid search). */
export function fitSlope(scored: readonly Scored[], threshold: number): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let k = 0.05; k <= 8; k *= 1.05) {
    let loss = 0;
    for (const s of scored) {
      const p = 1 / (1 + Math.exp(-k * (s.z - threshold)));
      loss -= Math.log(Math.max(1e-12, s.label === 1 ? p : 1 - p));
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = k;
    }
  }
  return best;
}

/** One line per dataset and side: the share of its texts at or above `threshold` (TPR for attacks, FPR for benign). */
export function ratesByDataset(scored: readonly Scored[], threshold: number, note = ''): string[] {
  const byDataset = new Map<string, { n: number; over: number; label: number }>();
  for (const s of scored) {
    const key = `${s.dataset} ${s.label === 1 ? 'attacks' : 'benign'}`;
    const e = byDataset.get(key) ?? { n: 0, over: 0, label: s.label };
    e.n++;
    if (s.z >= threshold) e.over++;
    byDataset.set(key, e);
  }
  return [...byDataset].sort().map(([name, e]) => `  ${name.padEnd(40)} ${e.label === 1 ? 'TPR' : 'FPR'} ${(e.over / e.n).toFixed(3)}  (${e.over}/${e.n}${note})`);
}
