import { describe, expect, it } from 'vitest';
import { loadNerModel } from './load-ner-model.js';
import { base64ToBytes } from '../base64.js';
import { CUT_COUNT, decodeNerModel } from './ner-model.js';
import { NER_MODEL_BASE64 } from './ner-model-data.js';
import { thrownCode } from '../../../test/thrown-code.js';


describe('NER model', () => {
  it('loads the bundled model once, with weights and a lexicon', () => {
    const model = loadNerModel();
    expect(loadNerModel()).toBe(model);
    expect(model.weights.some((w) => w !== 0)).toBe(true);
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
});
