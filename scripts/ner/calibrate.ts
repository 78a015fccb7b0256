// Held-out checks during training: span F1 from label sequences, and the softmax temperature
// and the span-score cut with the best F2 (recall-leaning) on held-out data.
import { LABEL_COUNT, allowedAfter } from '../../src/scan/ner/ner-labels.js';
import type { Sequence } from './featurize.js';
import type { Perceptron } from './perceptron.js';

/** Entity spans of a label sequence as "label:start:end" keys; `keep` may veto one. */
function spans(labels: Uint8Array, keep: (start: number, end: number) => boolean = () => true): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let type = 0;
  for (let i = 0; i <= labels.length; i++) {
    const l = i < labels.length ? (labels[i] as number) : 0;
    if (start >= 0 && (l === 0 || l & 1)) {
      if (keep(start, i)) out.add(`${type}:${start}:${i}`);
      start = -1;
    }
    if (l & 1) {
      start = i;
      type = l;
    }
  }
  return out;
}

function prf(tp: number, np: number, ng: number): { p: number; r: number } {
  return { p: tp / Math.max(1, np), r: tp / Math.max(1, ng) };
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
  const { p, r } = prf(tp, np, ng);
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)}`;
}

/** Probability of the predicted label's entity type (B or I) under temperature t. */
function typeProb(s: Float64Array, prev: number, label: number, t: number): number {
  let max = -Infinity;
  for (let k = 0; k < LABEL_COUNT; k++) if (allowedAfter(prev, k)) max = Math.max(max, s[k] as number);
  let z = 0;
  let own = 0;
  const b = label & 1 ? label : label - 1;
  for (let k = 0; k < LABEL_COUNT; k++) {
    if (!allowedAfter(prev, k)) continue;
    const e = Math.exp(((s[k] as number) - max) / t);
    z += e;
    if (k === b || k === b + 1) own += e;
  }
  return own / z;
}

/**
 * Calibrates scores on `seqs`: the temperature T (logits / T) with the lowest log-loss of the
 * gold labels (so token probabilities mean what they say), then the span-score cut with the
 * best span F2. The detector maps that cut to 0.5, the scanner's default threshold.
 */
export function calibrate(
  model: Perceptron,
  w: Float64Array,
  seqs: readonly Sequence[],
): { temperature: number; cut: number } {
  const decoded = seqs.map((seq) => {
    const rows: { s: Float64Array; prev: number; gold: number; i: number }[] = [];
    const labels = model.decode(seq, w, false, (s, prev, gold, i) => rows.push({ s: s.slice(), prev, gold, i }));
    return { labels, rows, gold: spans(seq.gold) };
  });
  let temperature = 1;
  let bestLoss = Infinity;
  for (let t = 0.25; t <= 64; t *= 1.1) {
    let loss = 0;
    for (const { rows } of decoded) {
      for (const { s, prev, gold } of rows) loss -= Math.log(Math.max(1e-12, labelProb(s, prev, gold, t)));
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      temperature = t;
    }
  }
  let cut = 0.5;
  let bestF2 = -1;
  for (let c = 0.05; c < 0.951; c += 0.05) {
    let tp = 0;
    let np = 0;
    let ng = 0;
    for (const { labels, rows, gold } of decoded) {
      const prob = new Float64Array(labels.length);
      for (const { s, prev, i } of rows) if (labels[i] !== 0) prob[i] = typeProb(s, prev, labels[i] as number, temperature);
      const pred = spans(labels, (a, b) => {
        let sum = 0;
        for (let i = a; i < b; i++) sum += prob[i] as number;
        return sum / (b - a) >= c;
      });
      np += pred.size;
      ng += gold.size;
      for (const s of pred) if (gold.has(s)) tp++;
    }
    const { p, r } = prf(tp, np, ng);
    const f2 = p + r === 0 ? 0 : (5 * p * r) / (4 * p + r);
    if (f2 > bestF2) {
      bestF2 = f2;
      cut = c;
    }
  }
  console.log(`calibration: temperature ${temperature.toFixed(2)}, held-out F2 ${bestF2.toFixed(3)} at span score ${cut.toFixed(2)}`);
  return { temperature, cut };
}

/** Probability of exactly `label` under temperature t. */
function labelProb(s: Float64Array, prev: number, label: number, t: number): number {
  let max = -Infinity;
  for (let k = 0; k < LABEL_COUNT; k++) if (allowedAfter(prev, k)) max = Math.max(max, s[k] as number);
  let z = 0;
  for (let k = 0; k < LABEL_COUNT; k++) if (allowedAfter(prev, k)) z += Math.exp(((s[k] as number) - max) / t);
  return Math.exp(((s[label] as number) - max) / t) / z;
}
