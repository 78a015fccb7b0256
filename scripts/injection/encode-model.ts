// Quantizes the trained weights to int8 and writes the binary layout that
// src/scan/injection/injection-model.ts decodes.
import { pushVarint, quantize as quantizeInt8 } from '../quantize-int8.js';
import { DEFAULT_WINDOW, type WindowShape } from '../../src/scan/injection/injection-features.js';
import { DENSE_FEATURES, denseLayoutHash, WINDOW_CHARS_UNIT, WINDOW_PRIOR_UNIT } from '../../src/scan/injection/injection-model.js';
import type { FloatModel } from './max-window-logistic.js';

/** Int8 weights and the float value of one unit (clipped at the 0.999 quantile of the magnitudes). */
export function quantize(w: Float64Array, prune: number): { q: Int8Array; unit: number } {
  return quantizeInt8(w, prune, 0.999);
}

/** The model bytes: header, dense weights (one per name of `layout`), then the non-zero buckets only. */
export function encodeModel(
  bits: number,
  q: Int8Array,
  unit: number,
  model: Pick<FloatModel, 'dense' | 'bias'>,
  calibration: { threshold: number; slope: number },
  layout: readonly string[] = DENSE_FEATURES,
  window: WindowShape = DEFAULT_WINDOW,
): Uint8Array {
  const body: number[] = [];
  let rowCount = 0;
  let last = -1;
  for (let row = 0; row < q.length; row++) {
    if (q[row] === 0) continue;
    pushVarint(body, row - last);
    body.push((q[row] as number) & 0xff);
    last = row;
    rowCount++;
  }
  const head = 28 + 4 * layout.length + 4;
  const out = new Uint8Array(head + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x31495742, true);
  view.setUint8(4, bits);
  view.setUint8(5, layout.length);
  view.setUint8(6, Math.round(window.prior / WINDOW_PRIOR_UNIT));
  view.setUint8(7, Math.round(window.maxChars / WINDOW_CHARS_UNIT));
  view.setUint32(8, denseLayoutHash(layout), true);
  view.setFloat32(12, unit, true);
  view.setFloat32(16, model.bias, true);
  view.setFloat32(20, calibration.threshold, true);
  view.setFloat32(24, calibration.slope, true);
  let p = 28;
  for (let k = 0; k < layout.length; k++, p += 4) view.setFloat32(p, model.dense[k] ?? 0, true);
  view.setUint32(p, rowCount, true);
  out.set(body, head);
  return out;
}
