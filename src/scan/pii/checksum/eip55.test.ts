import { describe, expect, it } from 'vitest';
import { eip55Valid } from './eip55.js';

describe('eip55Valid', () => {
  it.each([
    // EIP-55 reference vectors
    ['5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', true],
    ['fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', true],
    ['dbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', true],
    ['D1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb', true],
    // one letter's case flipped
    ['5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', false],
    ['fb6916095ca1df60bB79Ce92cE3Ea74c37c5d359', false],
    // single-case addresses carry no checksum
    ['5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', false],
    ['5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED', false],
  ])('%s -> %s', (input, expected) => {
    expect(eip55Valid(input)).toBe(expected);
  });
});
