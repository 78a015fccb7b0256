import { describe, expect, it } from 'vitest';
import { esNifDetector } from './es-nif.js';

const ctx = { regions: ['ES'] };
const values = (text: string) => esNifDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.es_nif', () => {
  it.each([
    ['compact', 'DNI 12345678Z', '12345678Z'],
    ['with a hyphen', 'mi DNI es 12345678-Z.', '12345678-Z'],
    ['with a space', '87654321 X', '87654321 X'],
    ['dotted', 'NIF 12.345.678-Z', '12.345.678-Z'],
    ['dotted without separator', '45.678.912S', '45.678.912S'],
    ['lower-case letter', 'dni 11111111h', '11111111h'],
  ])('finds a number with the right check letter: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['a wrong check letter', 'DNI 12345678A'],
    ['all zeros (T is its letter, never issued)', 'DNI 00000000T'],
    ['seven digits', 'DNI 1234567L'],
    ['nine digits', 'DNI 123456789Z'],
    ['a following letter', 'DNI 12345678ZA'],
    ['part of a longer number', 'ref 4-12345678Z'],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '🇪🇸🪪 12345678Z';
    expect(esNifDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'ES_NIF', detector: 'pii.es_nif', start: 7, end: 16 }),
    ]);
  });

  it('scores the upper-case form high and the lower-case one above the default threshold', () => {
    expect(esNifDetector.detect('12345678Z', ctx)[0]?.score).toBeGreaterThanOrEqual(0.75);
    expect(esNifDetector.detect('12345678z', ctx)[0]?.score).toBeGreaterThanOrEqual(0.5);
  });
});
