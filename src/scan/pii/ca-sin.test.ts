import { describe, expect, it } from 'vitest';
import { caSinDetector } from './ca-sin.js';

const ctx = { regions: ['CA'] };
const values = (text: string) => caSinDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.ca_sin', () => {
  it.each([
    ['the published example, spaced', 'SIN 130 692 544', '130 692 544'],
    ['compact', 'sin:130692544', '130692544'],
    ['dashes', 'SIN 130-692-544.', '130-692-544'],
    ['a temporary-resident number (first digit 9)', 'SIN 900 000 001', '900 000 001'],
    ['another valid number', 'social insurance number 273 829 101', '273 829 101'],
  ])('finds a Luhn-valid number: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['a Luhn-invalid number', 'SIN 130 692 545'],
    ['the documentation example starting with 0', 'SIN 046 454 286'],
    ['a Luhn-valid number starting with 8 (business numbers)', 'SIN 800 000 002'],
    ['mixed separators', 'SIN 130 692-544'],
    ['part of a longer number', 'SIN 130 692 544 7'],
    ['10 digits', 'SIN 1306925440'],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '🇨🇦 130 692 544';
    expect(caSinDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'CA_SIN', detector: 'pii.ca_sin', start: 5, end: 16 }),
    ]);
  });

  it('stays below the default threshold without context', () => {
    expect(caSinDetector.detect('ref 130 692 544', ctx)[0]?.score).toBeLessThan(0.5);
  });
});
