// Trains the document model (untrusted content: tool results, retrieved documents) and sets its
// operating point. Called by scripts/train-injection.ts.
//
// The document data is small (BIPIA has 13 attack families on the training side), so the model
// learns from the training and calibration rows together, and the threshold comes from
// out-of-fold scores: 5 models, each trained without one fold (grouped like the split, so a BIPIA
// family is one group), score the fold they did not see; the threshold flags 1% of the benign
// texts among them (BIPIA's clean documents, the hand-written benign documents, tweets, customer
// messages, Wikipedia fragments). The final model, trained on every row, is encoded so that its
// score crosses UNTRUSTED_INJECTION_THRESHOLD at that logit.
import { fnv1a } from '../../eval/injection-split.js';
import { thresholdForFpr } from '../../eval/injection-metrics.js';
import { UNTRUSTED_INJECTION_THRESHOLD } from '../../src/scan/injection/detect-injection.js';
import { DOCUMENT_DENSE_FEATURES } from '../../src/scan/injection/injection-model.js';
import { seededRandom } from '../seeded-random.js';
import { fitSlope, ratesByDataset, type Scored } from './calibrate.js';
import { buildDocumentSet } from './document-set.js';
import { encodeModel, quantize } from './encode-model.js';
import { MaxWindowLogistic } from './max-window-logistic.js';
import { trainModel, type TrainOptions } from './train-model.js';
import { balance, type TrainingText } from './training-set.js';

const FOLDS = 5;
/** Benign texts above the threshold, out of fold: the document model's operating point. */
const TARGET_FPR = 0.01;

/** The trained document model and what the trainer prints about it. */
export interface DocumentModelResult {
  readonly bytes: Uint8Array;
  readonly nonZero: number;
  readonly report: readonly string[];
}

/** Trains the document model on `dataRoot` (deterministic for a seed). */
export function trainDocumentModel(dataRoot: string, options: TrainOptions, seed: number, prune: number): DocumentModelResult {
  const set = buildDocumentSet(dataRoot, options.bits, seed);
  const all: TrainingText[] = [...set.train, ...set.calibration];
  const dense = DOCUMENT_DENSE_FEATURES.length;
  const fold = (t: TrainingText): number => fnv1a(`cv:${t.row.group}`) % FOLDS;
  const scored: Scored[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const examples = all.filter((t) => fold(t) !== k).map((t) => ({ ...t.example }));
    balance(examples);
    const model = trainModel(examples, options, seededRandom(seed + 1), dense);
    const scorer = new MaxWindowLogistic(options.bits, dense, options.window);
    for (const t of all) {
      if (fold(t) === k) scored.push({ z: scorer.best(t.example, model.weights, model.dense, model.bias).z, label: t.row.label, dataset: t.row.dataset });
    }
  }
  const threshold = thresholdForFpr(scored.filter((s) => s.label === 0).map((s) => s.z), TARGET_FPR);
  const slope = fitSlope(scored, threshold);
  // Cross UNTRUSTED_INJECTION_THRESHOLD (not 0.5) at the operating point: sigmoid(slope (z - t')) = p at z = threshold.
  const p = UNTRUSTED_INJECTION_THRESHOLD;
  const shifted = threshold - Math.log(p / (1 - p)) / slope;

  const examples = all.map((t) => ({ ...t.example }));
  balance(examples);
  const float = trainModel(examples, options, seededRandom(seed + 1), dense);
  const { q, unit } = quantize(float.weights, prune);
  const bytes = encodeModel(options.bits, q, unit, float, { threshold: shifted, slope }, DOCUMENT_DENSE_FEATURES, options.window);

  const report = [
    `document model: ${all.length} texts (${all.filter((t) => t.row.label === 1).length} attacks); out-of-fold threshold logit ${threshold.toFixed(3)}, slope ${slope.toFixed(3)}`,
    `  bias ${float.bias.toFixed(3)}, dense ${[...float.dense].map((d, k) => `${DOCUMENT_DENSE_FEATURES[k]}=${d.toFixed(2)}`).join(' ')}`,
  ];
  report.push(...ratesByDataset(scored, threshold, ', out of fold'));
  return { bytes, nonZero: q.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0), report };
}
