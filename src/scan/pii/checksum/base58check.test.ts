import { describe, expect, it } from 'vitest';
import { base58CheckDecode, base58Decode } from './base58check.js';

describe('base58Decode', () => {
  it.each([
    ['', []],
    ['1', [0]],
    ['11', [0, 0]],
    ['2', [1]],
    ['z', [57]],
    ['21', [58]],
    ['5Q', [0xff]],
  ])('%j -> %j', (input, bytes) => {
    expect([...(base58Decode(input) ?? [])]).toEqual(bytes);
  });

  it.each(['0', 'O', 'I', 'l', 'é'])('rejects %j, which is not in the alphabet', (input) => {
    expect(base58Decode(`1${input}`)).toBeUndefined();
  });
});

describe('base58CheckDecode', () => {
  it('returns the version byte and hash of a valid address', () => {
    const payload = base58CheckDecode('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expect(payload?.length).toBe(21);
    expect(payload?.[0]).toBe(0);
  });

  it('rejects an address with one character changed', () => {
    expect(base58CheckDecode('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toBeUndefined();
  });
});
