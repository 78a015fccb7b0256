import { describe, expect, it } from 'vitest';
import { usPassportDetector } from './us-passport.js';

const ctx = { regions: ['US'] };
const values = (text: string) => usPassportDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.us_passport', () => {
  it.each([
    ['9 digits after "passport number"', 'My passport number is 123456789.', '123456789'],
    ['letter and 8 digits (Next Generation)', 'Passport: A12345678', 'A12345678'],
    ['context after the number', 'C03005988 is my passport', 'C03005988'],
    ['Spanish context', 'pasaporte 912803456', '912803456'],
  ])('finds a number with passport context: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['9 digits without context', 'Order 123456789 shipped'],
    ['letter and 8 digits without context', 'Code A12345678'],
    ['a passport word too far away', `passport ${'x'.repeat(60)} 123456789`],
    ['a word containing passport', 'passporting 123456789'],
    ['8 digits', 'passport 12345678'],
    ['10 digits', 'passport 1234567890'],
    ['two letters and 8 digits', 'passport AB12345678'],
    ['all one digit', 'passport 000000000'],
    ['part of a longer spaced number', 'passport 123456789 12'],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '✈️🛂 passport 123456789';
    expect(usPassportDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'US_PASSPORT', detector: 'pii.us_passport', start: 14, end: 23 }),
    ]);
  });

  it('recognises every one of its own context words', () => {
    for (const word of usPassportDetector.context ?? []) {
      expect(values(`${word} 123456789`), word).toEqual(['123456789']);
    }
  });
});
