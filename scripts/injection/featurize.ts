// Turns a labelled text into the trainer's form: per segment, the hashed feature buckets the
// classifier reads at run time (same code: src/scan/injection/injection-features.ts).
import { documentDenseFeatures } from '../../src/scan/injection/document-classifier.js';
import { documentInstruction } from '../../src/scan/injection/document-instruction.js';
import { denseFeatures } from '../../src/scan/injection/injection-classifier.js';
import { FeatureBuffer, segmentFeatures, segmentText } from '../../src/scan/injection/injection-features.js';
import { heuristicSignals } from '../../src/scan/injection/heuristic-signals.js';
import { normalizeForInjection } from '../../src/scan/injection/normalize-for-injection.js';

/** One training text. Decoded payloads are appended as further views (segments no window crosses). */
export interface Example {
  /** Bucket index of every feature, segment after segment. */
  readonly feats: Int32Array;
  /** Features per segment. */
  readonly counts: Int32Array;
  /** Segment offsets as `bestWindow` wants them, per view. */
  readonly bounds: Int32Array;
  /** The first segment of each view (the text, then each decoded payload), and the segment count. */
  readonly views: Int32Array;
  readonly dense: Float64Array;
  readonly label: 0 | 1;
  weight: number;
  readonly dataset: string;
  /** The segments that hold the attack, when known (BIPIA documents): trained instead of the best window. */
  readonly forced?: { readonly score: number; readonly first: number; readonly last: number } | undefined;
}

const buffer = new FeatureBuffer();

/** Which model an example is for: the direct (user prompt) model or the document model. */
export type FeatureMode = 'direct' | 'document';

/**
 * The example of one text, its features mapped to `2^bits` buckets. `payload`: the attack string
 * inserted into the text, if known; the segments it covers become the example's forced window.
 * `mode` picks the dense features (the document model adds the document-instruction evidence).
 */
export function featurize(text: string, label: 0 | 1, dataset: string, bits: number, payload?: string, mode: FeatureMode = 'direct'): Example {
  const normalized = normalizeForInjection(text);
  const signals = heuristicSignals(normalized);
  const dense = mode === 'direct' ? denseFeatures(normalized, signals) : documentDenseFeatures(normalized, signals, documentInstruction(normalized));
  const feats: number[] = [];
  const counts: number[] = [];
  const bounds: number[] = [];
  const views: number[] = [];
  const shift = 32 - bits;
  for (const t of [normalized.text, ...normalized.decoded.map((d) => d.text)]) {
    views.push(counts.length);
    const b = segmentText(t);
    for (let k = 0; k < b.length; k += 2) {
      buffer.length = 0;
      segmentFeatures(t, b[k] as number, b[k + 1] as number, buffer);
      for (let i = 0; i < buffer.length; i++) feats.push((buffer.ids[i] as number) >>> shift);
      counts.push(buffer.length);
      bounds.push(b[k] as number, b[k + 1] as number);
    }
  }
  views.push(counts.length);
  let forced: Example['forced'];
  const at = payload === undefined ? -1 : normalized.text.indexOf(normalizeForInjection(payload).text);
  if (payload !== undefined && at >= 0) {
    const end = at + normalizeForInjection(payload).text.length;
    let first = -1;
    let last = -1;
    for (let k = 0; k < (views[1] as number); k++) {
      if ((bounds[2 * k + 1] as number) > at && (bounds[2 * k] as number) < end) {
        if (first < 0) first = k;
        last = k;
      }
    }
    if (first >= 0) forced = { score: 0, first, last };
  }
  return {
    forced,
    feats: Int32Array.from(feats),
    counts: Int32Array.from(counts),
    bounds: Int32Array.from(bounds),
    views: Int32Array.from(views),
    dense,
    label,
    weight: 1,
    dataset,
  };
}
