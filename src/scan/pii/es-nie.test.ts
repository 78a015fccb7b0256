import { describe, expect, it } from 'vitest';
import { esNieDetector } from './es-nie.js';

const ctx = { regions: ['ES'] };
const values = (text: string) => esNieDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.es_nie', () => {
  it.each([
    ['X prefix', 'NIE X1234567L', 'X1234567L'],
    ['Y prefix (counts as 1)', 'NIE: Y7654321G.', 'Y7654321G'],
    ['Z prefix (counts as 2)', 'Z1111111D', 'Z1111111D'],
    ['hyphens', 'NIE X-1234567-L', 'X-1234567-L'],
    ['spaces', 'NIE X 1234567 L', 'X 1234567 L'],
    ['lower case', 'nie x1234567l', 'x1234567l'],
  ])('finds a number with the right check letter: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['a wrong check letter', 'NIE X1234567A'],
    ['the letter of another prefix (Y with X’s letter)', 'NIE Y1234567L'],
    ['a W prefix', 'NIE W1234567L'],
    ['mixed separators', 'NIE X-1234567L'],
    ['six digits', 'NIE X123456L'],
    ['eight digits', 'NIE X12345678L'],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '🏠 X1234567L';
    expect(esNieDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'ES_NIE', detector: 'pii.es_nie', start: 3, end: 12 }),
    ]);
  });
});
