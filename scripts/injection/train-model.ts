// The training loop: averaged SGD over max-pooled windows (max-window-logistic.ts).
import { MAX_WINDOW_SEGMENTS, type WindowShape } from '../../src/scan/injection/injection-features.js';
import { DENSE_FEATURES } from '../../src/scan/injection/injection-model.js';
import type { Example } from './featurize.js';
import { MaxWindowLogistic, type FloatModel } from './max-window-logistic.js';
import { shuffle } from './training-set.js';

/** Hyperparameters of one training run. */
export interface TrainOptions {
  readonly bits: number;
  readonly epochs: number;
  readonly lr: number;
  readonly l2: number;
  /** How windows are pooled (stored in the model, so inference pools the same way). */
  readonly window: WindowShape;
}

/** Whether the whole of `ex` is one window (the warm-up epoch learns from these only). */
function fitsOneWindow(ex: Example, shape: WindowShape): boolean {
  const n = ex.counts.length;
  return n > 0 && n <= MAX_WINDOW_SEGMENTS && (ex.bounds[2 * n - 1] as number) - (ex.bounds[0] as number) <= shape.maxChars;
}

/** Trains on `examples` (weights already balanced) and returns the averaged float weights. */
export function trainModel(examples: readonly Example[], options: TrainOptions, random: () => number, denseCount: number = DENSE_FEATURES.length): FloatModel {
  const learner = new MaxWindowLogistic(options.bits, denseCount, options.window);
  const order = examples.map((_, i) => i);
  const steps = options.epochs * examples.length;
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const ex = examples[i] as Example;
      // The first epoch learns from texts that fit one window only: max pooling needs weights
      // that already point at attack phrasing before it can pick the right window of a long text.
      if (ex.counts.length === 0 || (epoch === 0 && !fitsOneWindow(ex, options.window) && !ex.forced)) continue;
      learner.step(ex, options.lr / (1 + (4 * t) / steps), options.l2, ex.forced);
      t++;
    }
  }
  return learner.averaged();
}
