// A greedy, averaged structured perceptron over hashed features. Training decodes with its own
// predicted history (as the detector does at run time), so it learns to recover from mistakes.
import { LABEL_COUNT, allowedAfter } from '../../src/scan/ner/ner-labels.js';
import { mix } from '../../src/scan/ner/token-features.js';
import { Shape } from '../../src/scan/ner/tokenize.js';
import type { Sequence } from './featurize.js';

/** Label-dependent keys; must match `labelFeatures` in src/scan/ner/token-features.ts. */
function labelKeys(seq: Sequence, i: number, prev: number, prev2: number, out: Int32Array): void {
  const s0 = seq.shape[i] as number;
  out[0] = mix(30, prev);
  out[1] = mix(31, (prev << 4) | s0);
  out[2] = mix(32, (prev2 << 4) | prev);
  out[3] = mix(33, mix(seq.hash[i] as number, prev));
}

/** Weights of a perceptron with 2^bits hashed rows. */
export class Perceptron {
  readonly shift: number;
  readonly w: Float64Array;
  private readonly u: Float64Array;
  private c = 1;
  private readonly extra = new Int32Array(4);
  private readonly scores = new Float64Array(LABEL_COUNT);

  constructor(readonly bits: number) {
    this.shift = 32 - bits;
    this.w = new Float64Array((1 << bits) * LABEL_COUNT);
    this.u = new Float64Array((1 << bits) * LABEL_COUNT);
  }

  /** Scores of token i of `seq` into this.scores, using weights `w`. */
  private score(w: Float64Array, seq: Sequence, i: number, prev: number, prev2: number): Float64Array {
    const s = this.scores.fill(0);
    const add = (key: number): void => {
      const base = (key >>> this.shift) * LABEL_COUNT;
      for (let k = 0; k < LABEL_COUNT; k++) s[k] = (s[k] as number) + (w[base + k] as number);
    };
    for (let j = seq.offsets[i] as number; j < (seq.offsets[i + 1] as number); j++) add(seq.keys[j] as number);
    labelKeys(seq, i, prev, prev2, this.extra);
    for (let j = 0; j < 4; j++) add(this.extra[j] as number);
    return s;
  }

  private update(seq: Sequence, i: number, prev: number, prev2: number, label: number, v: number): void {
    const touch = (key: number): void => {
      const idx = (key >>> this.shift) * LABEL_COUNT + label;
      this.w[idx] = (this.w[idx] as number) + v;
      this.u[idx] = (this.u[idx] as number) + this.c * v;
    };
    for (let j = seq.offsets[i] as number; j < (seq.offsets[i + 1] as number); j++) touch(seq.keys[j] as number);
    labelKeys(seq, i, prev, prev2, this.extra);
    for (let j = 0; j < 4; j++) touch(this.extra[j] as number);
  }

  /**
   * Decodes `seq` greedily with weights `w`; when `learn`, updates towards the gold labels.
   * Calls `visit` for every scored token (for calibration). Returns the predicted labels.
   */
  decode(
    seq: Sequence,
    w: Float64Array,
    learn: boolean,
    visit?: (scores: Float64Array, prev: number, gold: number, i: number) => void,
  ): Uint8Array {
    const out = new Uint8Array(seq.n);
    let prev = 0;
    let prev2 = 0;
    for (let i = 0; i < seq.n; i++) {
      let pred = 0;
      if (prev !== 0 || seq.candidate[i] === 1) {
        const s = this.score(w, seq, i, prev, prev2);
        let max = -Infinity;
        const title = seq.title[i] === 1;
        const punct = (seq.shape[i] as number) >= Shape.PUNCT;
        for (let k = 0; k < LABEL_COUNT; k++) {
          if (title && (k === 1 || k === 2)) continue;
          if (punct && (k & 1) === 1) continue; // punctuation never starts an entity
          if (allowedAfter(prev, k) && (s[k] as number) > max) {
            max = s[k] as number;
            pred = k;
          }
        }
        let gold = seq.gold[i] as number;
        if (!allowedAfter(prev, gold)) gold -= 1; // continue the gold entity as a new one
        if (title && (gold === 1 || gold === 2)) gold = 0;
        if (punct && (gold & 1) === 1) gold = 0;
        if (visit) visit(s, prev, gold, i);
        if (learn && pred !== gold) {
          this.update(seq, i, prev, prev2, gold, seq.weight);
          this.update(seq, i, prev, prev2, pred, -seq.weight);
        }
      }
      out[i] = pred;
      prev2 = prev;
      prev = pred;
    }
    if (learn) this.c++;
    return out;
  }

  /** The averaged weights. */
  averaged(): Float64Array {
    const avg = new Float64Array(this.w.length);
    for (let i = 0; i < avg.length; i++) avg[i] = (this.w[i] as number) - (this.u[i] as number) / this.c;
    return avg;
  }
}
