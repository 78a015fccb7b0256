import { describe, expect, it } from 'vitest';
import { findContextWord } from '../context-words.js';
import { ukNhsDetector } from './uk-nhs.js';

const ctx = { regions: ['GB'] };
const values = (text: string) => ukNhsDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.uk_nhs', () => {
  it.each([
    ['the published example, 3-3-4 spaced', 'NHS number 943 476 5919.', '943 476 5919'],
    ['the published example, compact', 'nhs:9434765919', '9434765919'],
    ['dashes', 'Ref 943-476-5919 on file', '943-476-5919'],
    ['the NHS test number', 'patient 401 023 2137', '401 023 2137'],
    ['a check digit of 0 (11 maps to 0)', 'no 450 557 7104', '450 557 7104'],
  ])('finds a checksum-valid number: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['a wrong check digit', 'NHS 943 476 5918'],
    ['a number whose check digit would be 10', 'NHS 123 456 7890'],
    ['all zeros (passes mod 11, never issued)', 'NHS 000 000 0000'],
    ['mixed separators', 'NHS 943 476-5919'],
    ['the start of a longer spaced number', 'NHS 943 476 5919 12'],
    ['the end of a longer spaced number', '4111 943 476 5919'],
    ['11 digits', 'NHS 94347659190'],
    ['digits glued to letters', 'NHS A9434765919'],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji (surrogate pairs)', () => {
    const text = '😀👍🏽 943 476 5919';
    expect(ukNhsDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'UK_NHS', detector: 'pii.uk_nhs', start: 7, end: 19 }),
    ]);
  });

  it('stays below the default threshold alone, and its context words are found next to it', () => {
    const text = 'My NHS number is 943 476 5919';
    const [f] = ukNhsDetector.detect(text, ctx);
    expect(f?.score).toBeLessThan(0.5);
    expect(f && findContextWord(text, f.start, f.end, ukNhsDetector.context ?? [])).toBe('nhs number');
  });
});
