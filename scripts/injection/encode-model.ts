// Quantizes the trained weights to int8 and writes the binary layout that
// src/scan/injection/injection-model.ts decodes.
import { DEFAULT_WINDOW, type WindowShape } from '../../src/scan/injection/injection-features.js';
import { DENSE_FEATURES, denseLayoutHash, WINDOW_CHARS_UNIT, WINDOW_PRIOR_UNIT } from '../../src/scan/injection/injection-model.js';
import type { FloatModel } from './max-window-logistic.js';

/** Int8 weights and the float value of one unit. */
export function quantize(w: Float64Array, prune: number): { q: Int8Array; unit: number } {
  // Clip at a high percentile rather than the maximum, so a few outliers do not flatten the rest.
  const mags: number[] = [];
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) mags.push(Math.abs(w[i] as number));
  mags.sort((a, b) => a - b);
  const clip = mags[Math.floor(mags.length * 0.999)] ?? 1;
  const unit = clip / 127;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const v = Math.max(-127, Math.min(127, Math.round((w[i] as number) / unit)));
    // Tiny weights barely move a score; dropping them keeps the file small.
    q[i] = Math.abs(v) <= prune ? 0 : v;
  }
  return { q, unit };
}

function pushVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
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
