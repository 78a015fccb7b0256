import { describe, expect, it } from 'vitest';
import { ibanDetector } from './iban.js';

const values = (text: string) => ibanDetector.detect(text, { regions: ['US'] }).map((f) => text.slice(f.start, f.end));

describe('ibanDetector', () => {
  it.each([
    ['My IBAN is GB82WEST12345698765432', ['GB82WEST12345698765432']],
    ['DE89370400440532013000.', ['DE89370400440532013000']],
    ['FR1420041010050500013M02606', ['FR1420041010050500013M02606']],
    ['NL91ABNA0417164300', ['NL91ABNA0417164300']],
    ['my iban is gb42nawi04454264788619', ['gb42nawi04454264788619']],
    ['GB82 WEST 1234 5698 7654 32 to other bank', ['GB82 WEST 1234 5698 7654 32']],
    ['DE89 3704 0044 0532 0130 00', ['DE89 3704 0044 0532 0130 00']],
    ['ab12 GB82WEST12345698765432', ['GB82WEST12345698765432']],
  ])('finds %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ['GB82WEST12345698765433', 'a failed checksum'],
    ['GB82WEST1234569876543', 'one character short for GB'],
    ['GB82WEST123456987654321', 'one character long for GB'],
    ['XX82WEST12345698765432', 'an unknown country'],
    ['GB82 WEST 12 345698765432', 'spaces off the groups of four'],
    ['Gb82West12345698765432', 'mixed case'],
    ['', 'empty text'],
  ])('ignores %j (%s)', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after an emoji, with a high score', () => {
    const text = '🏦 GB82WEST12345698765432';
    const [f] = ibanDetector.detect(text, { regions: ['US'] });
    expect(f).toMatchObject({ start: 3, end: 25, type: 'IBAN_CODE' });
    expect(f!.score).toBeGreaterThanOrEqual(0.85);
  });
});
