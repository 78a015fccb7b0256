import { describe, expect, it } from 'vitest';
import { loadNerModel } from './load-ner-model.js';
import { base64ToBytes } from '../base64.js';
import { CUT_COUNT, LANE, LANE_BIAS, PACKED_PER_ROW, decodeNerModel, unpackSums } from './ner-model.js';
import { LABEL_COUNT } from './ner-labels.js';
import { NER_MODEL_BASE64 } from './ner-model-data.js';
import { thrownCode } from '../../../test/thrown-code.js';


describe('NER model', () => {
  it('loads the bundled model once, with weights and a lexicon', () => {
    const model = loadNerModel();
    expect(loadNerModel()).toBe(model);
    // A row of all-zero weights packs to the bias in every lane; trained rows differ from it.
    const zeroRow = [LANE_BIAS * (1 + LANE + LANE ** 2 + LANE ** 3), LANE_BIAS * (1 + LANE + LANE ** 2 + LANE ** 3), LANE_BIAS];
    expect(model.packed.some((v, i) => v !== zeroRow[i % PACKED_PER_ROW])).toBe(true);
    expect(model.scale).toBeGreaterThan(0);
  });

  it('has one calibrated cut per span kind, each strictly between 0 and 1', () => {
    const { cuts } = loadNerModel();
    expect(cuts.length).toBe(CUT_COUNT);
    for (const c of cuts) {
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThan(1);
    }
  });

  it('rejects a model whose cut is 0 (it would map every span to score 0.5)', () => {
    const bytes = base64ToBytes(NER_MODEL_BASE64).slice();
    bytes[20] = 0;
    bytes[21] = 0;
    expect(thrownCode(() => decodeNerModel(bytes))).toBe('ERR_SCAN_MODEL_INVALID');
  });

  it('is compact (under 1 MB of binary data)', () => {
    expect(base64ToBytes(NER_MODEL_BASE64).byteLength).toBeLessThan(1_000_000);
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['wrong magic', new Uint8Array(64).fill(1)],
    ['truncated', base64ToBytes(NER_MODEL_BASE64).subarray(0, 200)],
  ])('rejects %s data with ERR_SCAN_MODEL_INVALID', (_name, bytes) => {
    expect(thrownCode(() => decodeNerModel(bytes))).toBe('ERR_SCAN_MODEL_INVALID');
  });

  it('decodes base64 without Buffer', () => {
    expect(Array.from(base64ToBytes('AAEC/w=='))).toEqual([0, 1, 2, 255]);
  });

  it('sums packed rows into exactly the int8 label sums, at the extremes too', () => {
    // A model of 16 rows, each with its own int8 weights (row 0 all -128, row 1 all 127).
    const rows = Array.from({ length: 16 }, (_, r) =>
      Array.from({ length: LABEL_COUNT }, (_, k) => (r === 0 ? -128 : r === 1 ? 127 : ((r * 37 + k * 91) % 256) - 128)),
    );
    const header = 20 + 2 * CUT_COUNT;
    const bytes = new Uint8Array(header + rows.length * (1 + LABEL_COUNT));
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x324e5742, true);
    view.setUint8(4, 8); // 2^8 rows; rows 16-255 stay all zero
    view.setUint8(5, LABEL_COUNT);
    view.setFloat32(8, 0.01, true);
    view.setUint32(16, rows.length, true);
    for (let k = 0; k < CUT_COUNT; k++) view.setUint16(20 + 2 * k, 30000, true);
    let p = header;
    for (const row of rows) {
      bytes[p++] = 1; // varint delta: the next row
      for (const w of row) bytes[p++] = w & 0xff;
    }
    const model = decodeNerModel(bytes);
    const weight = (r: number, k: number): number => (r < rows.length ? (rows[r]![k] as number) : 0);
    // Up to 32 features (the most a token has); rows repeat, as hashed features can.
    for (const picks of [[0], [1], Array(32).fill(0), Array(32).fill(1), [3, 200, 7, 7, 15, 0, 1, 250], Array.from({ length: 32 }, (_, i) => (i * 7) % 20)]) {
      const sums = [0, 0, 0];
      for (const r of picks) for (let d = 0; d < PACKED_PER_ROW; d++) sums[d]! += model.packed[r * PACKED_PER_ROW + d]!;
      const out = new Int32Array(LABEL_COUNT);
      unpackSums(sums[0]!, sums[1]!, sums[2]!, picks.length, out);
      const expected = Array.from({ length: LABEL_COUNT }, (_, k) => picks.reduce((sum, r) => sum + weight(r, k), 0));
      expect(Array.from(out)).toEqual(expected);
    }
  });
});
