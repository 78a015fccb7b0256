import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryVault } from './in-memory-vault.js';
import { MAX_HELD_BACK } from './placeholder-matcher.js';
import { restore } from './restore.js';
import { createStreamingRestorer } from './streaming-restorer.js';
import type { Vault } from './vault.js';

function vaultWith(): InMemoryVault {
  const v = new InMemoryVault();
  v.placeholderFor('EMAIL_ADDRESS', 'ann@example.com');
  v.placeholderFor('EMAIL_ADDRESS', 'bob@example.org');
  v.placeholderFor('PERSON', 'Zoë 😀 Ng');
  v.placeholderFor('US_SSN', '078-05-1120');
  for (let i = 0; i < 12; i++) v.placeholderFor('PHONE_NUMBER', `+1 555 01${i}`);
  return v;
}

function streamAll(vault: Vault, chunks: readonly string[]): { out: string; pushes: string[]; maxPending: number } {
  const r = createStreamingRestorer(vault);
  const pushes: string[] = [];
  let maxPending = 0;
  for (const c of chunks) {
    pushes.push(r.push(c));
    maxPending = Math.max(maxPending, r.pending);
  }
  const tail = r.flush();
  expect(r.pending).toBe(0);
  return { out: pushes.join('') + tail, pushes, maxPending };
}

/** Splits `text` at the given cut points (taken modulo its length), any UTF-16 index allowed. */
function split(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => (text.length === 0 ? 0 : c % (text.length + 1))))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let prev = 0;
  for (const p of points) {
    chunks.push(text.slice(prev, p));
    prev = p;
  }
  chunks.push(text.slice(prev));
  return chunks;
}

const cores = ['EMAIL_1', 'EMAIL_2', 'PERSON_1', 'US_SSN_1', 'PHONE_1', 'PHONE_12', 'EMAIL_3', 'IBAN_1', 'PHONE_123'];
const randomCase = (s: string, flips: number): string =>
  [...s].map((ch, i) => ((flips >> i % 30) & 1 ? ch.toLowerCase() : ch)).join('');

const placeholderArb = fc
  .record({
    core: fc.constantFrom(...cores),
    flips: fc.integer({ min: 0, max: 2 ** 30 }),
    open: fc.constantFrom('⟦', '〚', '[[', '[', '', '⟦'),
    close: fc.constantFrom('⟧', '〛', ']]', ']', '', '⟧'),
    padL: fc.constantFrom('', ' ', '  ', '   '),
    padR: fc.constantFrom('', ' ', '  ', '   '),
  })
  .map(({ core, flips, open, close, padL, padR }) => open + padL + randomCase(core, flips) + padR + close);

const noiseArb = fc.oneof(
  fc.constantFrom(' ', '  ', '.', ',', '\n', '_', '1', '42', 'x', 'EMAIL', 'EMAIL_', 'email_1x', 'US_', 'a_1', '😀', '👍🏽', 'é'),
  fc.constantFrom('[', ']', '⟦', '⟧', '〚', '〛', '[[', ']]', '⟦ ', 'EMAIL_1234567', 'PHONE_0'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);

const textArb = fc.array(fc.oneof(placeholderArb, noiseArb), { maxLength: 25 }).map((parts) => parts.join(''));
const cutsArb = fc.array(fc.nat({ max: 400 }), { maxLength: 30 });

describe('createStreamingRestorer', () => {
  const vault = vaultWith();

  it('gives restore(whole text) for any text and any split into chunks', () => {
    fc.assert(
      fc.property(textArb, cutsArb, (text, cuts) => {
        const { out, maxPending } = streamAll(vault, split(text, cuts));
        expect(out).toBe(restore(text, vault));
        expect(maxPending).toBeLessThanOrEqual(MAX_HELD_BACK + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives restore(whole text) when fed one UTF-16 unit at a time', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(streamAll(vault, text.split('')).out).toBe(restore(text, vault));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a canonical placeholder', '⟦EMAIL_1⟧', 'ann@example.com'],
    ['a spaced, lower-case one', '[[ person_1 ]] says hi', 'Zoë 😀 Ng says hi'],
    ['a bare one at the very end', 'mail EMAIL_2', 'mail bob@example.org'],
    ['a longer number that is issued', 'PHONE_12!', '+1 555 0111!'],
    ['a longer number that is not issued', 'PHONE_123', 'PHONE_123'],
  ])('restores %s split one character per chunk', (_name, text, want) => {
    expect(streamAll(vault, [...text]).out).toBe(want);
  });

  it('releases a placeholder as soon as its closing bracket arrives', () => {
    const r = createStreamingRestorer(vault);
    expect(r.push('Hi ⟦EMA')).toBe('Hi ');
    expect(r.push('IL_1')).toBe('');
    expect(r.push('⟧')).toBe('ann@example.com');
    expect(r.push(', bye')).toBe(', bye');
    expect(r.flush()).toBe('');
  });

  it('releases a word as soon as it can no longer be an issued placeholder', () => {
    const r = createStreamingRestorer(vault);
    expect(r.push('Em')).toBe('');
    expect(r.push('ma')).toBe('Emma');
    expect(r.push(' EMAIL_1')).toBe(' ');
    expect(r.push('2 ')).toBe('EMAIL_12 ');
  });

  it('holds a cut-off word exactly when it could still grow into an issued placeholder', () => {
    // The test the matcher makes, written the plain way: the word upper-cased is a prefix of
    // `LABEL_`, or `LABEL_` followed by up to six digits.
    const couldGrow = (word: string): boolean =>
      [...vault.labels()].some((label) => {
        const upper = word.toUpperCase();
        const stem = `${label}_`;
        return stem.startsWith(upper) || (upper.startsWith(stem) && /^\d{0,6}$/.test(upper.slice(stem.length)));
      });
    const noise = fc
      .tuple(fc.constantFrom('E', 'e', 'P', 'p', 'U', 'u', 'I', 'x'), fc.string({ unit: fc.constantFrom(...'EMAILmailPHONEphoneUS_SSNus_ssn0123456789'.split('')), maxLength: 14 }))
      .map(([first, more]) => first + more);
    // A label's stem in any case, digits after it, cut anywhere.
    const stemmed = fc
      .tuple(fc.constantFrom('EMAIL_', 'phone_', 'Person_', 'US_SSN_', 'US_'), fc.stringMatching(/^\d{0,8}$/), fc.nat({ max: 20 }))
      .map(([stem, digits, cut]) => (stem + digits).slice(0, 1 + cut));
    fc.assert(
      fc.property(fc.oneof(noise, stemmed), (word) => {
        const r = createStreamingRestorer(vault);
        expect(r.push(`ok ${word}`)).toBe(couldGrow(word) ? 'ok ' : `ok ${word}`);
        expect(r.pending).toBe(couldGrow(word) ? word.length : 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('releases text without placeholder-like content immediately and unchanged', () => {
    // The vault's labels start with E, P and U: words starting otherwise can never match.
    const safeChars = fc.constantFrom(
      ...'abcdfghijklmnoqrstvwxyzABCDFGHIJKLMNOQRSTVWXYZ0123456789_ .,;:!?()\n'.split(''),
      '😀', '👍🏽', 'é', 'ß', '⟧', ']', '〛', '»',
    );
    const safeText = fc.array(safeChars, { maxLength: 80 });
    fc.assert(
      fc.property(safeText, cutsArb, (chars, cuts) => {
        // Cut only between code points, so no chunk ends in half a surrogate pair.
        const pieces = split(chars.join('') === '' ? '' : ' '.repeat(chars.length), cuts).map((c) => c.length);
        const chunks: string[] = [];
        let at = 0;
        for (const n of pieces) {
          chunks.push(chars.slice(at, at + n).join(''));
          at += n;
        }
        const r = createStreamingRestorer(vault);
        for (const c of chunks) expect(r.push(c)).toBe(c);
        expect(r.flush()).toBe('');
      }),
      { numRuns: 1000 },
    );
  });

  it('holds back half a surrogate pair until the other half arrives', () => {
    const r = createStreamingRestorer(vault);
    expect(r.push('ok \ud83d')).toBe('ok ');
    expect(r.push('\ude00!')).toBe('😀!');
    expect(r.push('\ud83d')).toBe('');
    expect(r.flush()).toBe('\ud83d');
  });

  it.each([
    ['opening brackets', '', '['],
    ['double brackets', '', '[['],
    ['a repeated label letter', '', 'E'],
    ['digits after a placeholder stem', '⟦EMAIL_', '1'],
    ['word characters after a bracket', '⟦', 'P'],
    ['spaces after a bracket', '', '[ '],
  ])('keeps memory bounded on an endless stream of %s', (_name, prefix, unit) => {
    const r = createStreamingRestorer(vault);
    let released = r.push(prefix).length;
    let fed = prefix.length;
    for (let i = 0; i < 2000; i++) {
      released += r.push(unit).length;
      fed += unit.length;
      expect(r.pending).toBeLessThanOrEqual(MAX_HELD_BACK + 1);
    }
    expect(released + r.flush().length).toBe(fed);
  });

  it('releases everything at once when the vault is empty', () => {
    const r = createStreamingRestorer(new InMemoryVault());
    expect(r.push('[[ ⟦EMAIL_')).toBe('[[ ⟦EMAIL_');
  });

  it('sees placeholders the vault issues between chunks', () => {
    const v = new InMemoryVault();
    const r = createStreamingRestorer(v);
    expect(r.push('a ')).toBe('a ');
    v.placeholderFor('PERSON', 'Ann');
    expect(r.push('⟦PERSON_1⟧ b')).toBe('Ann b');
  });
});
