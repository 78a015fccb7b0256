import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeBase64Json, decodeBase64Text } from '../base64.js';
import { shannonEntropy } from './entropy.js';
import { base62, crc32, githubChecksumValid } from './github-checksum.js';
import { createScanState } from './scan-state.js';
import { urlCredentials } from './url-credentials.js';

describe('shannonEntropy', () => {
  it('is 0 for one character, log2(n) for n distinct ones', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    expect(shannonEntropy('0123456789abcdef')).toBeCloseTo(4);
  });
});

describe('base64', () => {
  it('decodes standard and URL-safe alphabets, padded or not', () => {
    expect(decodeBase64Text('aGVsbG8gd29ybGQ=')).toBe('hello world');
    expect(decodeBase64Text('aGVsbG8gd29ybGQ')).toBe('hello world');
    expect([...decodeBase64('-_8')!]).toEqual([0xfb, 0xff]);
    expect(decodeBase64Json('eyJhbGciOiJIUzI1NiJ9')).toEqual({ alg: 'HS256' });
  });

  it.each(['a', 'ab$c', 'aGVsbG8===', '////'])('rejects %s or its decoding', (s) => {
    expect(s === '////' ? decodeBase64Text(s) : decodeBase64(s)).toBeUndefined();
  });

  it('rejects JSON that is not an object', () => {
    expect(decodeBase64Json('WzEsMl0')).toBeUndefined(); // [1,2]
  });
});

describe('GitHub checksum', () => {
  it('matches zlib CRC-32 and GitHub base62 encoding', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(base62(0, 6)).toBe('000000');
    expect(base62(61, 2)).toBe('0z');
  });

  it('accepts a body whose last 6 characters encode the CRC-32 of the first 30', () => {
    const body = 'wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO';
    expect(githubChecksumValid(body + base62(crc32(body), 6))).toBe(true);
    expect(githubChecksumValid(body + 'AAAAAA')).toBe(false);
    expect(githubChecksumValid(body)).toBe(false);
  });
});

describe('urlCredentials', () => {
  it('finds the password of every URL with user info, once per scan', () => {
    const text = 'a postgres://app:Xk29!pq@db/x and https://u:Zu7!x2Lp@h.example.com/';
    const state = createScanState(text);
    const found = urlCredentials(state).map((c) => [c.scheme, text.slice(c.start, c.end)]);
    expect(found).toEqual([
      ['postgres', 'Xk29!pq'],
      ['https', 'Zu7!x2Lp'],
    ]);
    expect(urlCredentials(state)).toBe(urlCredentials(state));
  });

  it('takes the last @ of the authority as the end of the password', () => {
    const text = 'mongodb+srv://app:myR3al@P@ss@cluster0.mongodb.net/db';
    const [c] = urlCredentials(createScanState(text));
    expect(text.slice(c!.start, c!.end)).toBe('myR3al@P@ss');
  });

  it('keeps weak literal passwords, drops slot names', () => {
    const text = 'DATABASE_URL=postgres://user:pass@localhost/db https://username:password@example.com';
    expect(urlCredentials(createScanState(text)).map((c) => text.slice(c.start, c.end))).toEqual(['pass']);
  });

  it.each(['https://example.com', 'http://localhost:5000/<%= @x %>', '"https://url:8000";@x', 'https://u:${PASS}@h', 'redis://:@h', 'amqp://guest:guest@h', 'ftp://anonymous:guest@ftp.example.org/pub'])(
    'reports nothing in %s',
    (text) => expect(urlCredentials(createScanState(text))).toEqual([]),
  );
});
