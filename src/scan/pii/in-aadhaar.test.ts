import { describe, expect, it } from 'vitest';
import { inAadhaarDetector } from './in-aadhaar.js';

const ctx = { regions: ['IN'] };
const values = (text: string) => inAadhaarDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.in_aadhaar', () => {
  it.each([
    ['4-4-4 spaced', 'Aadhaar 2345 6789 0124', '2345 6789 0124'],
    ['compact', 'aadhaar:234567890124', '234567890124'],
    ['dashes', 'UID 9876-5432-1012.', '9876-5432-1012'],
    ['another valid number', '4918 2736 4507', '4918 2736 4507'],
  ])('finds a Verhoeff-valid number: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['a wrong check digit', 'Aadhaar 2345 6789 0123'],
    ['two adjacent digits swapped', 'Aadhaar 2345 6789 0214'],
    ['a first digit of 1', 'Aadhaar 1234 5678 9012'],
    ['a first digit of 0', 'Aadhaar 0234 5678 9012'],
    ['the first 12 digits of a spaced card number', '2345 6789 0124 1111'],
    ['mixed separators', '2345 6789-0124'],
    ['13 digits', '2345678901245'],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '👨‍👩‍👧 2345 6789 0124';
    expect(inAadhaarDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'IN_AADHAAR', detector: 'pii.in_aadhaar', start: 9, end: 23 }),
    ]);
  });

  it('scores the printed 4-4-4 form at the threshold and a bare 12-digit run below it', () => {
    const [grouped] = inAadhaarDetector.detect('2345 6789 0124', ctx);
    const [compact] = inAadhaarDetector.detect('234567890124', ctx);
    expect(grouped?.score).toBe(0.5);
    expect(compact?.score).toBeLessThan(0.5);
  });
});
