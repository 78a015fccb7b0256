// Logistic regression whose input is the best window of a text (multiple-instance learning with
// max pooling): each step scores every window, then updates only the winner, so attacks teach the
// window that holds the instruction and benign texts push down their most suspicious window.
// Weights are averaged over all steps (the averaged-SGD trick), which smooths the last epochs'
// noise without a schedule search.
import { bestWindow, DEFAULT_WINDOW, windowScale, type BestWindow, type WindowShape } from '../../src/scan/injection/injection-features.js';
import type { Example } from './featurize.js';

/** Float weights of a trained model, before quantization. */
export interface FloatModel {
  readonly weights: Float64Array;
  readonly dense: Float64Array;
  readonly bias: number;
}

export class MaxWindowLogistic {
  private readonly w: Float64Array;
  private readonly u: Float64Array;
  private readonly d: Float64Array;
  private readonly du: Float64Array;
  private b = 0;
  private bu = 0;
  private c = 1;
  private sums = new Float64Array(256);

  constructor(
    bits: number,
    denseCount: number,
    private readonly shape: WindowShape = DEFAULT_WINDOW,
  ) {
    this.w = new Float64Array(1 << bits);
    this.u = new Float64Array(1 << bits);
    this.d = new Float64Array(denseCount);
    this.du = new Float64Array(denseCount);
  }

  /** The best window of `ex` under the current weights, and the text's logit. */
  best(ex: Example, weights: Float64Array = this.w, dense: Float64Array = this.d, bias = this.b): { window: BestWindow; z: number } {
    const n = ex.counts.length;
    if (this.sums.length < n) this.sums = new Float64Array(n * 2);
    const sums = this.sums;
    let p = 0;
    for (let k = 0; k < n; k++) {
      let s = 0;
      const end = p + (ex.counts[k] as number);
      for (; p < end; p++) s += weights[ex.feats[p] as number] as number;
      sums[k] = s;
    }
    // The best window of any view (the text or a decoded payload); no window spans two views.
    let window: BestWindow = { score: -Infinity, first: 0, last: 0 };
    for (let v = 0; v + 1 < ex.views.length; v++) {
      const a = ex.views[v] as number;
      const b = ex.views[v + 1] as number;
      if (b === a) continue;
      const w = bestWindow(sums.subarray(a, b), ex.counts.subarray(a, b), ex.bounds.subarray(2 * a, 2 * b), this.shape);
      if (w.score > window.score) window = { score: w.score, first: w.first + a, last: w.last + a };
    }
    if (window.score === -Infinity) window = { score: 0, first: 0, last: 0 };
    let z = bias + window.score;
    for (let k = 0; k < dense.length; k++) z += (dense[k] as number) * (ex.dense[k] as number);
    return { window, z };
  }

  /** One SGD step on `ex`; `window` overrides the best window (used to warm up). */
  step(ex: Example, lr: number, l2: number, window?: BestWindow): void {
    const scored = this.best(ex);
    const win = window ?? scored.window;
    const z = window ? scored.z - scored.window.score + this.windowScore(ex, win) : scored.z;
    const p = 1 / (1 + Math.exp(-z));
    const g = ex.weight * (p - ex.label);
    let start = 0;
    for (let k = 0; k < win.first; k++) start += ex.counts[k] as number;
    let count = 0;
    for (let k = win.first; k <= win.last; k++) count += ex.counts[k] as number;
    if (count > 0) {
      const delta = -lr * g * windowScale(count, this.shape.prior);
      const { w, u, c } = this;
      for (let i = start; i < start + count; i++) {
        const f = ex.feats[i] as number;
        const step = delta - lr * l2 * (w[f] as number);
        w[f] = (w[f] as number) + step;
        u[f] = (u[f] as number) + c * step;
      }
    }
    for (let k = 0; k < this.d.length; k++) {
      const step = -lr * g * (ex.dense[k] as number);
      this.d[k] = (this.d[k] as number) + step;
      this.du[k] = (this.du[k] as number) + this.c * step;
    }
    const stepB = -lr * g;
    this.b += stepB;
    this.bu += this.c * stepB;
    this.c++;
  }

  private windowScore(ex: Example, win: BestWindow): number {
    let start = 0;
    for (let k = 0; k < win.first; k++) start += ex.counts[k] as number;
    let s = 0;
    let count = 0;
    for (let k = win.first; k <= win.last; k++) count += ex.counts[k] as number;
    for (let i = start; i < start + count; i++) s += this.w[ex.feats[i] as number] as number;
    return count > 0 ? s * windowScale(count, this.shape.prior) : 0;
  }

  /** The averaged weights. */
  averaged(): FloatModel {
    const weights = new Float64Array(this.w.length);
    for (let i = 0; i < weights.length; i++) weights[i] = (this.w[i] as number) - (this.u[i] as number) / this.c;
    const dense = new Float64Array(this.d.length);
    for (let k = 0; k < dense.length; k++) dense[k] = (this.d[k] as number) - (this.du[k] as number) / this.c;
    return { weights, dense, bias: this.b - this.bu / this.c };
  }
}
