import { describe, expect, it } from 'vitest';
import { codePointToUtf16 } from './code-point-offsets.js';

describe('codePointToUtf16', () => {
  it('is the identity for BMP-only text', () => {
    expect(codePointToUtf16('héllo wörld')(7)).toBe(7);
  });

  it('shifts offsets after an astral character by one per character', () => {
    const text = 'hi 😀 emma and 😘 ryan';
    const map = codePointToUtf16(text);
    // Python: text.index('emma') == 5, text.index('ryan') == 16
    expect(text.slice(map(5), map(9))).toBe('emma');
    expect(text.slice(map(16), map(20))).toBe('ryan');
    expect(map([...text].length)).toBe(text.length);
  });
});
