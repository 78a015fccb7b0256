// Quantizes averaged weights to int8 and writes the binary model (layout: see decodeNerModel).
import { pushVarint, quantize as quantizeInt8 } from '../quantize-int8.js';
import { LABEL_COUNT } from '../../src/scan/ner/ner-labels.js';

/** Int8 weights and the float value of one unit (clipped at the 0.9995 quantile of the magnitudes). */
export function quantize(w: Float64Array, prune: number): { q: Int8Array; unit: number } {
  return quantizeInt8(w, prune, 0.9995);
}

/** The model bytes: header (with the calibrated span-score cuts), lexicon, then non-zero rows only. */
export function encodeModel(
  bits: number,
  q: Int8Array,
  scale: number,
  cuts: Float64Array,
  lexicon: { hashes: Int32Array; flags: Uint8Array },
): Uint8Array {
  const body: number[] = [];
  let rowCount = 0;
  let last = -1;
  for (let row = 0; row < 1 << bits; row++) {
    const base = row * LABEL_COUNT;
    let any = false;
    for (let k = 0; k < LABEL_COUNT; k++) if (q[base + k] !== 0) any = true;
    if (!any) continue;
    pushVarint(body, row - last);
    last = row;
    for (let k = 0; k < LABEL_COUNT; k++) body.push((q[base + k] as number) & 0xff);
    rowCount++;
  }
  const n = lexicon.hashes.length;
  const header = 20 + 2 * cuts.length;
  const out = new Uint8Array(header + n * 5 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x324e5742, true);
  view.setUint8(4, bits);
  view.setUint8(5, LABEL_COUNT);
  view.setFloat32(8, scale, true);
  view.setUint32(12, n, true);
  view.setUint32(16, rowCount, true);
  for (let k = 0; k < cuts.length; k++) view.setUint16(20 + 2 * k, Math.round((cuts[k] as number) * 65535), true);
  let p = header;
  for (let i = 0; i < n; i++, p += 4) view.setInt32(p, lexicon.hashes[i] as number, true);
  out.set(lexicon.flags, p);
  out.set(body, p + n);
  return out;
}
