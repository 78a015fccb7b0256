import { BulwarkError } from '../../core/bulwark-error.js';
import { DEFAULT_WINDOW, type WindowShape } from './injection-features.js';

/**
 * The names of the dense (whole-text) features, in the order of the model's dense weights. The
 * heuristic signal ids come first: the classifier learns how far to trust each heuristic.
 * `injection.context` is absent on purpose: the training data has no system prompts, so that
 * signal is combined outside the model.
 */
export const DENSE_FEATURES = [
  'injection.override',
  'injection.persona',
  'injection.extraction',
  'injection.delimiter',
  'injection.encoded',
  'obfuscation',
] as const;

/**
 * The dense features of the untrusted-content (document) model: the direct model's, then the four
 * kinds of `injection.document_instruction` evidence (document-instruction.ts).
 */
export const DOCUMENT_DENSE_FEATURES = [
  ...DENSE_FEATURES,
  'document.addressed',
  'document.answer',
  'document.role',
  'document.task',
] as const;

/** The decoded injection classifier: a logistic regression over hashed features. */
export interface InjectionModel {
  /** Feature hashes map to weights via `hash >>> shift`. */
  readonly shift: number;
  /** One quantized weight per hash bucket. */
  readonly weights: Int8Array;
  /** The float value of one weight unit. */
  readonly unit: number;
  readonly bias: number;
  /** Weights of the dense features ({@link DENSE_FEATURES} or {@link DOCUMENT_DENSE_FEATURES}). */
  readonly dense: Float64Array;
  /**
   * Where the calibrated sigmoid crosses 0.5. The direct model puts it at the logit where benign
   * prompts of the calibration slice reach ~1% false positives; the document model puts that
   * point at its own threshold instead (detect-injection.ts, `UNTRUSTED_INJECTION_THRESHOLD`).
   */
  readonly threshold: number;
  /** Slope of the calibrated sigmoid: probability = sigmoid(slope * (logit - threshold)). */
  readonly slope: number;
  /** How the model pools windows (it was trained with this shape). */
  readonly window: WindowShape;
}

/** Window shapes are stored in one byte each: the prior in tens, the span in units of 40 characters. */
export const WINDOW_PRIOR_UNIT = 10;
export const WINDOW_CHARS_UNIT = 40;

const MAGIC = 0x31495742; // "BWI1", little endian
const HEADER = 28;

/** FNV-1a of the dense feature names: a model trained on another list is refused. */
export function denseLayoutHash(layout: readonly string[] = DENSE_FEATURES): number {
  let h = 0x811c9dc5;
  for (const ch of layout.join(',')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function invalid(message: string): BulwarkError {
  return new BulwarkError('ERR_SCAN_MODEL_INVALID', message);
}

/**
 * Decodes a model from its binary form (written by `scripts/injection/encode-model.ts`): magic,
 * bits (u8), dense count (u8), window prior in tens (u8) and window span in units of 40
 * characters (u8; 0: the defaults), dense layout hash (u32), unit, bias, threshold,
 * slope (f32 each), dense weights (f32 each), row count (u32), then the non-zero weights as a
 * varint delta of the bucket index followed by one int8. `layout` names the dense features the
 * model was trained with.
 */
export function decodeInjectionModel(bytes: Uint8Array, layout: readonly string[] = DENSE_FEATURES): InjectionModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER || view.getUint32(0, true) !== MAGIC) {
    throw invalid('injection model data is not a Bulwark injection model');
  }
  const bits = view.getUint8(4);
  const denseCount = view.getUint8(5);
  if (bits < 8 || bits > 24 || denseCount !== layout.length || view.getUint32(8, true) !== denseLayoutHash(layout)) {
    throw invalid('injection model has an unsupported shape');
  }
  // Bytes 6 and 7 (once reserved, zero in older models): the window shape; zero means the default.
  const prior = view.getUint8(6) * WINDOW_PRIOR_UNIT || DEFAULT_WINDOW.prior;
  const maxChars = view.getUint8(7) * WINDOW_CHARS_UNIT || DEFAULT_WINDOW.maxChars;
  const unit = view.getFloat32(12, true);
  const bias = view.getFloat32(16, true);
  const threshold = view.getFloat32(20, true);
  const slope = view.getFloat32(24, true);
  if (!(unit > 0 && slope > 0 && Number.isFinite(bias) && Number.isFinite(threshold))) {
    throw invalid('injection model has invalid calibration');
  }
  let p = HEADER;
  if (p + 4 * denseCount + 4 > bytes.byteLength) throw invalid('injection model data is truncated');
  const dense = new Float64Array(denseCount);
  for (let k = 0; k < denseCount; k++, p += 4) dense[k] = view.getFloat32(p, true);
  const rowCount = view.getUint32(p, true);
  p += 4;
  const size = 1 << bits;
  const weights = new Int8Array(size);
  let row = -1;
  for (let r = 0; r < rowCount; r++) {
    let delta = 0;
    let mul = 1;
    for (;;) {
      if (p >= bytes.byteLength) throw invalid('injection model data is truncated');
      const byte = bytes[p++] as number;
      delta += (byte & 0x7f) * mul;
      if (byte < 0x80) break;
      mul *= 128;
    }
    row += delta;
    if (row >= size || p >= bytes.byteLength) throw invalid('injection model data is corrupt');
    weights[row] = ((bytes[p++] as number) << 24) >> 24;
  }
  return { shift: 32 - bits, weights, unit, bias, dense, threshold, slope, window: { prior, maxChars } };
}
