import { describe, expect, it } from 'vitest';
import { ssnDigitsValid, usSsnDetector } from './us-ssn.js';

const found = (text: string) =>
  usSsnDetector.detect(text, { regions: ['US'] }).map((f) => [text.slice(f.start, f.end), f.score] as const);

describe('usSsnDetector', () => {
  it('reports the dashed form above the threshold on its own', () => {
    const [hit] = found("Here's my SSN: 460-89-9847.");
    expect(hit?.[0]).toBe('460-89-9847');
    expect(hit![1]).toBeGreaterThanOrEqual(0.5);
  });

  it.each(['460 89 9847', '460899847'])('scores %j below the threshold (it needs context)', (text) => {
    const [hit] = found(text);
    expect(hit?.[0]).toBe(text);
    expect(hit![1]).toBeLessThan(0.5);
  });

  it('scores the dashed form above the bare one', () => {
    expect(found('460-89-9847')[0]![1]).toBeGreaterThan(found('460899847')[0]![1]);
  });

  it.each([
    ['000-12-3456', 'area 000'],
    ['666-12-3456', 'area 666'],
    ['900-12-3456', 'area 900-999'],
    ['123-00-4567', 'group 00'],
    ['123-45-0000', 'serial 0000'],
    ['078-05-1120', 'the Woolworth specimen'],
    ['123-45-6789', 'the example number'],
    ['111-11-1111', 'one digit repeated'],
    ['460-89 9847', 'mixed separators'],
    ['1-460-89-9847', 'part of a longer number'],
    ['460-89-9847-1', 'part of a longer number'],
    ['ab460-89-9847', 'glued to a word'],
    ['', 'empty text'],
  ])('ignores %j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after an emoji', () => {
    const text = '🪪 460-89-9847';
    expect(usSsnDetector.detect(text, { regions: ['US'] })[0]).toMatchObject({ start: 3, end: 14, type: 'US_SSN' });
  });
});

describe('ssnDigitsValid', () => {
  it.each([
    ['460899847', true],
    ['899999999', true],
    ['001010001', true],
    ['987654320', false],
    ['219099999', false],
  ])('%s -> %s', (digits, expected) => {
    expect(ssnDigitsValid(digits)).toBe(expected);
  });
});
