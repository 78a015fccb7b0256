import { describe, expect, it } from 'vitest';
import { randomBytes } from './random-bytes.js';

describe('randomBytes', () => {
  it.each([0, 1, 32, 65_536, 65_537, 200_000])('returns %i bytes', (n) => {
    expect(randomBytes(n)).toHaveLength(n);
  });

  it('fills past the 65,536-byte limit of one getRandomValues call', () => {
    const tail = randomBytes(140_000).subarray(131_072);
    expect(tail.some((b) => b !== 0)).toBe(true);
  });

  it('differs between calls', () => {
    expect(randomBytes(32)).not.toEqual(randomBytes(32));
  });

  it.each([-1, 1.5, Number.NaN])('rejects n = %s', (n) => {
    expect(() => randomBytes(n)).toThrow(RangeError);
  });
});
