import { describe, expect, it } from 'vitest';
import { iso7064Mod11_10Valid } from './iso7064.js';

describe('iso7064Mod11_10Valid', () => {
  it.each([
    ['86095742719', true], // published Steuer-ID example
    ['65929970489', true],
    ['02476291358', true], // a published test number: the checksum holds, the detector rejects the 0
    ['12345678903', true], // check digit 10 -> 0
    ['86 095 742 719', true],
    ['86095742718', false],
    ['86095742791', false], // transposed check digit
    ['8', false],
    ['', false],
  ])('%s -> %s', (value, valid) => {
    expect(iso7064Mod11_10Valid(value)).toBe(valid);
  });
});
