import { describe, expect, it } from 'vitest';
import { ukNinoDetector } from './uk-nino.js';

const ctx = { regions: ['GB'] };
const values = (text: string) => ukNinoDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.uk_nino', () => {
  it.each([
    ['compact', 'NI number AB123456C.', 'AB123456C'],
    ['grouped in pairs', 'my NINO is AB 12 34 56 C', 'AB 12 34 56 C'],
    ['a space before the suffix only', 'JG103759 A', 'JG103759 A'],
    ['suffix D', 'ZY 99 88 77 D', 'ZY 99 88 77 D'],
    ['lower case', 'nino ce123456b', 'ce123456b'],
  ])('finds a valid number: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['a first letter D', 'DA123456C'],
    ['a first letter Q (the documentation example QQ)', 'QQ123456C'],
    ['a second letter O', 'AO123456C'],
    ['a second letter V', 'AV123456C'],
    ['the withheld prefix BG', 'BG123456C'],
    ['the withheld prefix GB', 'GB123456A'],
    ['the withheld prefix NK', 'NK123456A'],
    ['the withheld prefix TN', 'TN123456A'],
    ['the withheld prefix ZZ', 'ZZ123456A'],
    ['a suffix E', 'AB123456E'],
    ['five digits', 'AB12345C'],
    ['a longer token', 'XAB123456C'],
    ['two spaces in a row', 'AB  123456C'],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '💂 AB 12 34 56 C';
    expect(ukNinoDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'UK_NINO', detector: 'pii.uk_nino', start: 3, end: 16 }),
    ]);
  });

  it('scores upper case above lower case, both above the default threshold', () => {
    const [upper] = ukNinoDetector.detect('AB123456C', ctx);
    const [lower] = ukNinoDetector.detect('ab123456c', ctx);
    expect(upper?.score).toBeGreaterThan(lower?.score ?? 1);
    expect(lower?.score).toBeGreaterThanOrEqual(0.5);
  });
});
