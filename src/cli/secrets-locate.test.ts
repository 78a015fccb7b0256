import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { fingerprintSecret, locateSecrets, maskSecret } from './secrets-locate.js';

function findingOf(text: string, value: string, from = 0): Finding {
  const start = text.indexOf(value, from);
  if (start < 0) throw new Error(`"${value}" not in text`);
  return { type: 'SECRET', start, end: start + value.length, score: 0.87654, detector: 'secret.test', reason: 'test pattern' };
}

describe('locateSecrets', () => {
  it('gives 1-based lines and UTF-16 columns, a masked preview and a SHA-256 fingerprint', () => {
    const text = 'first line\n😀 key = tok_ABCDEFGHIJKLMNOP\r\nlast';
    const [hit] = locateSecrets(text, [findingOf(text, 'tok_ABCDEFGHIJKLMNOP')]);
    expect(hit).toMatchObject({ line: 2, column: 10, endLine: 2, endColumn: 29, preview: 'tok_…', score: 0.877, detector: 'secret.test' });
    expect(hit?.fingerprint).toBe(createHash('sha256').update('tok_ABCDEFGHIJKLMNOP').digest('hex'));
  });

  it('spans lines for a multi-line secret', () => {
    const pem = '-----BEGIN KEY-----\nAAAA\n-----END KEY-----';
    const text = `x\n${pem}\n`;
    const [hit] = locateSecrets(text, [findingOf(text, pem)]);
    expect(hit).toMatchObject({ line: 2, column: 1, endLine: 4, endColumn: 17, preview: '----…' });
  });

  it('handles a secret at offset 0 and one ending the text', () => {
    const text = 'SECRETSECRET';
    expect(locateSecrets(text, [findingOf(text, text)])[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 12 });
  });

  it.each([
    ['bulwark:allow', 'password = hunter2hunter2 # bulwark:allow'],
    ['gitleaks:allow', 'token: hunter2hunter2 // gitleaks:allow'],
  ])('drops findings on a line marked %s, and only on that line', (_marker, line) => {
    const text = `${line}\nsame = hunter2hunter2\n`;
    const hits = locateSecrets(text, [findingOf(text, 'hunter2hunter2'), findingOf(text, 'hunter2hunter2', line.length)]);
    expect(hits.map((h) => h.line)).toEqual([2]);
  });

  it('returns nothing for no findings', () => {
    expect(locateSecrets('text', [])).toEqual([]);
  });
});

describe('maskSecret', () => {
  it.each([
    ['AKIAZ7Q2P4EXAMPLEKEY', 'AKIA…'], // bulwark:allow (a made-up key)
    ['short123', 'sh…'],
    ['abc', '…'],
    ['', '…'],
    ['😀😀😀😀😀😀😀😀', '😀😀…'],
    ['\u001b[31m\u202eevil-secret-value', '?[31…'],
    ['\u202eabcdefghijklmnop', '?abc…'],
  ])('%j -> %j', (secret, preview) => {
    expect(maskSecret(secret)).toBe(preview);
  });

  it('never shows more than a quarter of the value or more than 4 characters', () => {
    for (let n = 0; n < 64; n++) {
      const secret = 'x'.repeat(n);
      const shown = maskSecret(secret).length - 1;
      expect(shown).toBeLessThanOrEqual(Math.min(4, n / 4));
    }
  });
});

describe('fingerprintSecret', () => {
  it('hashes UTF-8 bytes', () => {
    expect(fingerprintSecret('é')).toBe(createHash('sha256').update(Buffer.from([0xc3, 0xa9])).digest('hex'));
  });
});
