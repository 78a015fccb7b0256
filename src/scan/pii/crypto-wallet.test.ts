import { describe, expect, it } from 'vitest';
import { cryptoWalletDetector } from './crypto-wallet.js';

const found = (text: string) =>
  cryptoWalletDetector.detect(text, { regions: ['US'] }).map((f) => [text.slice(f.start, f.end), f.score] as const);
const values = (text: string) => found(text).map(([v]) => v);

describe('cryptoWalletDetector', () => {
  it.each([
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'P2PKH'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'P2SH'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'segwit v0'],
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'segwit v0, upper case'],
    ['bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297', 'taproot (bech32m)'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'Ethereum, EIP-55'],
  ])('finds %s (%s) with a high score', (address) => {
    const [hit] = found(`send to ${address}.`);
    expect(hit?.[0]).toBe(address);
    expect(hit![1]).toBeGreaterThanOrEqual(0.85);
  });

  it('scores an all-lowercase Ethereum address below the threshold (no checksum)', () => {
    const [hit] = found('0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359');
    expect(hit![1]).toBeLessThan(0.5);
  });

  it.each([
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', 'a failed base58check checksum'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'a failed bech32 checksum'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'v0 with a bech32m checksum'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 'a failed EIP-55 checksum'],
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00', 'too long for an address'],
    ['d41d8cd98f00b204e9800998ecf8427e', 'an MD5 digest'],
    ['xbc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'glued to a word'],
    ['', 'empty text'],
  ])('ignores %j (%s)', (text) => {
    expect(values(text).filter((v) => found(text).find(([x]) => x === v)![1] >= 0.5)).toEqual([]);
  });

  it('reports UTF-16 offsets after an emoji', () => {
    const text = '🪙 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
    expect(cryptoWalletDetector.detect(text, { regions: ['US'] })[0]).toMatchObject({ start: 3, end: 37, type: 'CRYPTO_WALLET' });
  });
});
