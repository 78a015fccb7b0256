import { BulwarkError } from '../../core/bulwark-error.js';
import { LABEL_COUNT } from './ner-labels.js';
import { WordMap } from './word-map.js';

/** The decoded NER model: hashed feature weights and the word lexicon. */
export interface NerModel {
  /** Feature keys map to rows via `key >>> shift`. */
  readonly shift: number;
  /** `LABEL_COUNT` quantized weights per row. */
  readonly weights: Int8Array;
  /** Multiplies summed int8 weights into logits (the calibration temperature included). */
  readonly scale: number;
  /** Mean span probability with the best held-out F2; reported scores map it to 0.5. */
  readonly cut: number;
  readonly words: WordMap;
}

const MAGIC = 0x314e5742; // "BWN1", little endian

/**
 * Decodes a model from its binary form (the layout is written by `scripts/ner/encode-model.ts`):
 * magic, bits, label count, span-score cut (u16), scale, lexicon (hashes, flags), then sparse rows as varint deltas
 * of the row index, each followed by one int8 per label.
 */
export function decodeNerModel(bytes: Uint8Array): NerModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20 || view.getUint32(0, true) !== MAGIC) {
    throw new BulwarkError('ERR_SCAN_MODEL_INVALID', 'NER model data is not a Bulwark NER model');
  }
  const bits = view.getUint8(4);
  if (view.getUint8(5) !== LABEL_COUNT || bits < 8 || bits > 24) {
    throw new BulwarkError('ERR_SCAN_MODEL_INVALID', 'NER model has an unsupported shape');
  }
  const cut = view.getUint16(6, true) / 65535;
  const scale = view.getFloat32(8, true);
  if (!(cut > 0 && cut < 1 && scale > 0)) {
    throw new BulwarkError('ERR_SCAN_MODEL_INVALID', 'NER model has invalid calibration');
  }
  const lexiconCount = view.getUint32(12, true);
  const rowCount = view.getUint32(16, true);
  let p = 20;
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
  return { shift: 32 - bits, weights, scale, cut, words: new WordMap(hashes, flags) };
}

/** Decodes base64 without Node's Buffer, so the model loads in a browser too. */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
