import { describe, expect, it } from 'vitest';
import { frInseeDetector } from './fr-insee.js';

const ctx = { regions: ['FR'] };
const values = (text: string) => frInseeDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.fr_insee', () => {
  it.each([
    ['a published example, grouped', 'NIR 2 06 12 75 111 005 64', '2 06 12 75 111 005 64'],
    ['the same, compact', 'sécu: 206127511100564', '206127511100564'],
    ['compact with a space before the key', '1850578006084 91', '1850578006084 91'],
    ['Corsica 2A (computed as 19)', 'n° 2 90 12 2A 012 345 90', '2 90 12 2A 012 345 90'],
    ['Corsica 2B (computed as 18)', '175052B123456 65', '175052B123456 65'],
    ['an incomplete-record month code 20', 'NIR 1 85 20 78 006 084 40', '1 85 20 78 006 084 40'],
  ])('finds a valid number: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['a wrong key', 'NIR 2 06 12 75 111 005 65'],
    ['sex digit 3 (with its matching key)', 'NIR 3 06 12 75 111 005 14'],
    ['month 13 (with its matching key)', 'NIR 1 85 13 78 006 084 25'],
    ['Corsica 2A keyed as if it were 20', 'NIR 2 90 12 2A 012 345 63'],
    ['a letter in a département other than 2x', 'NIR 2 90 12 3A 012 345 90'],
    ['département 00 (with its matching key)', 'NIR 1 85 05 00 006 084 63'],
    ['commune 000 (with its matching key)', 'NIR 1 85 05 78 000 084 77'],
    ['inconsistent grouping', 'NIR 2 06 1275 111 005 64'],
    ['a longer spaced number', 'NIR 2 06 12 75 111 005 64 1'],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '🇫🇷 206127511100564';
    expect(frInseeDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'FR_INSEE', detector: 'pii.fr_insee', start: 5, end: 20 }),
    ]);
  });

  it('scores the grouped form above the compact one, both reported without context', () => {
    const [grouped] = frInseeDetector.detect('2 06 12 75 111 005 64', ctx);
    const [compact] = frInseeDetector.detect('206127511100564', ctx);
    expect(grouped?.score).toBeGreaterThan(compact?.score ?? 1);
    expect(compact?.score).toBeGreaterThanOrEqual(0.5);
  });
});
