import { describe, expect, it } from 'vitest';
import { bech32Variant, segwitAddressValid } from './bech32.js';

describe('bech32Variant', () => {
  it.each([
    ['a12uel5l', 'bech32'],
    ['abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', 'bech32'],
    ['a1lqfn3a', 'bech32m'],
    ['abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx', 'bech32m'],
    ['a12uel5m', undefined],
    ['A12UEL5L', 'bech32'],
    ['A12uEL5L', undefined],
    ['1pzry9x0s0muk', undefined],
  ])('%j -> %s', (input, expected) => {
    expect(bech32Variant(input)).toBe(expected);
  });
});

describe('segwitAddressValid', () => {
  it.each([
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', true],
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', true],
    ['bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297', true],
    // v0 program with a bech32m checksum, and v1 with a bech32 checksum (BIP 350 test vectors)
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', false],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', false],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', false],
  ])('%j -> %s', (input, expected) => {
    expect(segwitAddressValid(input)).toBe(expected);
  });
});
