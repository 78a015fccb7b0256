// Shared by the model encoders (scripts/ner, scripts/injection): int8 quantisation and varints.

/**
 * Int8 weights and the float value of one unit. The scale clips at the `percentile` of the
 * non-zero magnitudes rather than the maximum, so a few outliers do not flatten the rest; weights
 * of at most `prune` units barely move a score and become 0, which keeps the encoded file small.
 */
export function quantize(w: Float64Array, prune: number, percentile: number): { q: Int8Array; unit: number } {
  const mags: number[] = [];
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) mags.push(Math.abs(w[i] as number));
  mags.sort((a, b) => a - b);
  const clip = mags[Math.floor(mags.length * percentile)] ?? 1;
  const unit = clip / 127;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const v = Math.max(-127, Math.min(127, Math.round((w[i] as number) / unit)));
    q[i] = Math.abs(v) <= prune ? 0 : v;
  }
  return { q, unit };
}

/** Appends `v` (a non-negative integer) as an unsigned LEB128 varint. */
export function pushVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}
