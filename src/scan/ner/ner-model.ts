import { BulwarkError } from '../../core/bulwark-error.js';
import { LABEL_COUNT } from './ner-labels.js';
import { WordMap } from './word-map.js';

/** The decoded NER model: hashed feature weights and the word lexicon. */
export interface NerModel {
  /** Feature keys map to rows via `key >>> shift`. */
  readonly shift: number;
  /**
   * The int8 weights, `LABEL_COUNT` per row, packed for summing: `PACKED_PER_ROW` doubles per
   * row, each holding four labels' weights (plus `LANE_BIAS`) in lanes of `LANE` (2^13), the
   * ninth label alone in the third. Summing rows sums every lane at once, three additions per
   * feature instead of nine, and exactly: up to 32 features of at most 255 stay below 2^13 per
   * lane, and four lanes within a double's 53 bits. See `unpackSums`.
   */
  readonly packed: Float64Array;
  /** Multiplies summed int8 weights into logits (the calibration temperature included). */
  readonly scale: number;
  /**
   * Per span kind, the mean span probability with the best held-out F2 (reported scores map it
   * to 0.5): index `2 * type + (multi-token ? 1 : 0)`, type as in `NER_TYPES`. Single-word
   * locations and organisations need more evidence than a two-word person name.
   */
  readonly cuts: Float64Array;
  readonly words: WordMap;
}

/** Doubles per row of {@link NerModel.packed}. */
export const PACKED_PER_ROW = 3;
/** Width of one label's lane in a packed double. */
export const LANE = 8192;
/** Added to each int8 weight so that lanes never go negative (no borrow between lanes). */
export const LANE_BIAS = 128;

const MAGIC = 0x324e5742; // "BWN2", little endian
/** Span kinds with their own cut: four types, single- or multi-token. */
export const CUT_COUNT = 8;
const HEADER = 20 + 2 * CUT_COUNT;

/**
 * Decodes a model from its binary form (the layout is written by `scripts/ner/encode-model.ts`):
 * magic, bits, label count, (reserved u16), scale, lexicon size, row count, span-score cuts (u16
 * each), lexicon (hashes, flags), then sparse rows as varint deltas of the row index, each
 * followed by one int8 per label.
 */
export function decodeNerModel(bytes: Uint8Array): NerModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER || view.getUint32(0, true) !== MAGIC) {
    throw new BulwarkError('ERR_SCAN_MODEL_INVALID', 'NER model data is not a Bulwark NER model');
  }
  const bits = view.getUint8(4);
  if (view.getUint8(5) !== LABEL_COUNT || bits < 8 || bits > 24) {
    throw new BulwarkError('ERR_SCAN_MODEL_INVALID', 'NER model has an unsupported shape');
  }
  const cuts = new Float64Array(CUT_COUNT);
  for (let k = 0; k < CUT_COUNT; k++) cuts[k] = view.getUint16(20 + 2 * k, true) / 65535;
  const scale = view.getFloat32(8, true);
  if (!(cuts.every((c) => c > 0 && c < 1) && scale > 0)) {
    throw new BulwarkError('ERR_SCAN_MODEL_INVALID', 'NER model has invalid calibration');
  }
  const lexiconCount = view.getUint32(12, true);
  const rowCount = view.getUint32(16, true);
  let p = HEADER;
  if (p + lexiconCount * 5 > bytes.byteLength) {
    throw new BulwarkError('ERR_SCAN_MODEL_INVALID', 'NER model data is truncated');
  }
  const hashes = new Int32Array(lexiconCount);
  for (let i = 0; i < lexiconCount; i++, p += 4) hashes[i] = view.getInt32(p, true);
  const flags = bytes.subarray(p, p + lexiconCount);
  p += lexiconCount;
  const rows = 1 << bits;
  const weights = new Int8Array(rows * LABEL_COUNT);
  let row = -1;
  for (let r = 0; r < rowCount; r++) {
    let delta = 0;
    let mul = 1;
    for (;;) {
      if (p >= bytes.byteLength) {
        throw new BulwarkError('ERR_SCAN_MODEL_INVALID', 'NER model data is truncated');
      }
      const byte = bytes[p++] as number;
      delta += (byte & 0x7f) * mul;
      if (byte < 0x80) break;
      mul *= 128;
    }
    row += delta;
    if (row >= rows || p + LABEL_COUNT > bytes.byteLength) {
      throw new BulwarkError('ERR_SCAN_MODEL_INVALID', 'NER model data is corrupt');
    }
    for (let k = 0; k < LABEL_COUNT; k++) weights[row * LABEL_COUNT + k] = (bytes[p++] as number) << 24 >> 24;
  }
  return { shift: 32 - bits, packed: pack(weights, rows), scale, cuts, words: new WordMap(hashes, flags) };
}

/** Packs `LABEL_COUNT` (9) int8 weights per row into `PACKED_PER_ROW` doubles (see `NerModel.packed`). */
function pack(weights: Int8Array, rows: number): Float64Array {
  const packed = new Float64Array(rows * PACKED_PER_ROW);
  for (let r = 0; r < rows; r++) {
    for (let d = 0; d < PACKED_PER_ROW; d++) {
      let v = 0;
      for (let lane = 3; lane >= 0; lane--) {
        const k = 4 * d + lane;
        v = v * LANE + (k < LABEL_COUNT ? (weights[r * LABEL_COUNT + k] as number) + LANE_BIAS : 0);
      }
      packed[r * PACKED_PER_ROW + d] = v;
    }
  }
  return packed;
}

/**
 * Writes the nine label sums of `n` packed rows into `out`, given the sums of their three
 * doubles (`s0`: labels 0-3, `s1`: 4-7, `s2`: 8). Exact: every value involved is an integer below
 * 2^53, and dividing by a power of two and flooring loses nothing.
 */
export function unpackSums(s0: number, s1: number, s2: number, n: number, out: Int32Array): void {
  const bias = LANE_BIAS * n;
  let q = s0;
  for (let k = 0; k < 4; k++) {
    const above = Math.floor(q / LANE);
    out[k] = q - above * LANE - bias;
    q = above;
  }
  q = s1;
  for (let k = 4; k < 8; k++) {
    const above = Math.floor(q / LANE);
    out[k] = q - above * LANE - bias;
    q = above;
  }
  out[8] = s2 - bias;
}
