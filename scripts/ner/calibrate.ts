// Held-out checks during training: span F1 from label sequences, and the softmax temperature
// that makes the detector's scores probabilities (minimum log-loss on held-out tokens).
import { LABEL_COUNT, allowedAfter } from '../../src/scan/ner/ner-labels.js';
import type { Sequence } from './featurize.js';
import type { Perceptron } from './perceptron.js';

function spans(labels: Uint8Array): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let type = 0;
  for (let i = 0; i <= labels.length; i++) {
    const l = i < labels.length ? (labels[i] as number) : 0;
    if (start >= 0 && (l === 0 || l & 1)) {
      out.add(`${type}:${start}:${i}`);
      start = -1;
    }
    if (l & 1) {
      start = i;
      type = l;
    }
  }
  return out;
}

/** "P/R/F1" of exact spans over `seqs`. */
export function heldOutReport(model: Perceptron, w: Float64Array, seqs: readonly Sequence[]): string {
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const seq of seqs) {
    const pred = spans(model.decode(seq, w, false));
    const gold = spans(seq.gold);
    np += pred.size;
    ng += gold.size;
    for (const s of pred) if (gold.has(s)) tp++;
  }
  const p = tp / Math.max(1, np);
  const r = tp / Math.max(1, ng);
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)}`;
}

/** The temperature T (logits / T) with the lowest log-loss of the gold labels on `seqs`. */
export function calibrate(model: Perceptron, w: Float64Array, seqs: readonly Sequence[]): number {
  const rows: { s: Float64Array; prev: number; gold: number }[] = [];
  for (const seq of seqs) {
    model.decode(seq, w, false, (s, prev, gold) => rows.push({ s: s.slice(), prev, gold }));
  }
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.25; t <= 64; t *= 1.1) {
    let loss = 0;
    for (const { s, prev, gold } of rows) {
      let max = -Infinity;
      for (let k = 0; k < LABEL_COUNT; k++) if (allowedAfter(prev, k)) max = Math.max(max, s[k] as number);
      let z = 0;
      for (let k = 0; k < LABEL_COUNT; k++) {
        if (allowedAfter(prev, k)) z += Math.exp(((s[k] as number) - max) / t);
      }
      loss -= ((s[gold] as number) - max) / t - Math.log(z);
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return best;
}
