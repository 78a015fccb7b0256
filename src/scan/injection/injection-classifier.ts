import type { InjectionSignal } from './injection-verdict.js';
import type { NormalizedText } from './normalize-for-injection.js';
import { bestWindow, segmentScoreUnits, segmentUnits } from './injection-features.js';
import { DENSE_FEATURES, type InjectionModel } from './injection-model.js';
import { loadInjectionModel } from './load-injection-model.js';
import { textUnits } from './text-units.js';

/** The classifier's view of one text. */
export interface ClassifierResult {
  /** Calibrated probability in [0, 1]; 0.5 is the default operating point (~1% benign FPR). */
  readonly probability: number;
  /** The raw logit of the best window. */
  readonly logit: number;
  /** Which text scored highest: `text` or the encoding of a decoded payload. */
  readonly source: string;
}

const DENSE_INDEX: ReadonlyMap<string, number> = new Map(DENSE_FEATURES.map((name, i) => [name, i]));

/**
 * The dense features of a text: the strongest score of each heuristic signal the model knows and
 * how many obfuscation techniques were undone (capped at 1).
 */
export function denseFeatures(normalized: NormalizedText, signals: readonly InjectionSignal[]): Float64Array {
  const x = new Float64Array(DENSE_FEATURES.length);
  for (const s of signals) {
    const k = DENSE_INDEX.get(s.detector);
    if (k !== undefined && s.score > (x[k] as number)) x[k] = s.score;
  }
  x[DENSE_INDEX.get('obfuscation') as number] = Math.min(1, normalized.obfuscation.length / 2);
  return x;
}

/** The best window score of one text under `model`, in logit units (before bias and dense terms). */
export function windowScore(text: string, model: InjectionModel): number {
  const units = textUnits(text);
  const bounds = segmentUnits(units, text.length);
  const n = bounds.length / 2;
  if (n === 0) return 0;
  const sums = new Float64Array(n);
  const counts = new Int32Array(n);
  const { weights, shift } = model;
  for (let k = 0; k < n; k++) {
    counts[k] = segmentScoreUnits(units, bounds[2 * k] as number, bounds[2 * k + 1] as number, weights, shift, sums, k);
  }
  return bestWindow(sums, counts, bounds, model.window).score * model.unit;
}

/**
 * Scores a normalised text for prompt injection: the best window of the text and of each decoded
 * payload (the maximum wins), plus the dense features, through the calibrated sigmoid.
 */
export function classifyInjection(
  normalized: NormalizedText,
  signals: readonly InjectionSignal[],
  model: InjectionModel = loadInjectionModel(),
): ClassifierResult {
  return scoreNormalized(normalized, denseFeatures(normalized, signals), model);
}

/**
 * The calibrated score of `normalized` under `model`, given its dense feature values (in the
 * order of the model's dense weights): shared by the direct and the document classifier.
 */
export function scoreNormalized(normalized: NormalizedText, x: Float64Array, model: InjectionModel): ClassifierResult {
  let base = model.bias;
  for (let k = 0; k < x.length; k++) base += (x[k] as number) * (model.dense[k] as number);
  let best = windowScore(normalized.text, model);
  let source = 'text';
  for (const payload of normalized.decoded) {
    const s = windowScore(payload.text, model);
    if (s > best) {
      best = s;
      source = payload.encoding;
    }
  }
  const logit = base + best;
  const probability = 1 / (1 + Math.exp(-model.slope * (logit - model.threshold)));
  return { probability, logit, source };
}
