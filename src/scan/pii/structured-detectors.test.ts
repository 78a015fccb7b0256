import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../core/entity-types.js';
import { structuredDetectors } from './structured-detectors.js';

/** One example each detector must find with a score that passes the default threshold. */
const SAMPLES: Readonly<Record<string, string>> = {
  'pii.email': 'jane.doe@example.com',
  'pii.phone': '+44 20 7946 0958',
  'pii.credit_card': '4111 1111 1111 1111',
  'pii.iban': 'GB82WEST12345698765432',
  'pii.us_ssn': '460-89-9847',
  'pii.ip_address': '192.168.10.20',
  'pii.url': 'https://example.com/a',
  'pii.mac_address': '00:1A:2B:3C:4D:5E',
  'pii.crypto_wallet': '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
};

const CLEAN = [
  'The quick brown fox jumps over the lazy dog.',
  'Meeting moved to 3pm; bring 2 copies of the 10-page draft.',
  'Version 2.4.1 fixed 17 bugs in 3 days.',
  'Ünïcödé ✓ 日本語のテキスト 🎉 with no personal data.',
];

const ctx = { regions: ['US'] };

describe.each(structuredDetectors.map((d) => [d.id, d] as const))('%s (shared contract)', (id, detector) => {
  const sample = SAMPLES[id];

  it('has a known sample in this suite and emits only built-in entity types', () => {
    expect(sample).toBeDefined();
    for (const e of detector.entities) expect(ENTITY_TYPES).toContain(e);
  });

  it('returns nothing for empty text', () => {
    expect(detector.detect('', ctx)).toEqual([]);
  });

  it.each(CLEAN)('returns nothing for clean text %j', (text) => {
    expect(detector.detect(text, ctx).filter((f) => f.score >= 0.5)).toEqual([]);
  });

  it.each([
    ['at the start', (s: string) => `${s} and more`],
    ['after an emoji', (s: string) => `😀 ${s}`],
    ['after a surrogate pair and a combining mark', (s: string) => `𝒳é: ${s}!`],
    ['on the second line', (s: string) => `first line\n${s}\n`],
  ])('finds the sample %s with exact UTF-16 offsets', (_where, wrap) => {
    const text = wrap(sample!);
    const start = text.indexOf(sample!);
    const hits = detector.detect(text, ctx).filter((f) => f.start === start && f.end === start + sample!.length);
    expect(hits).toHaveLength(1);
    const [f] = hits;
    expect(f!.detector).toBe(id);
    expect(detector.entities).toContain(f!.type);
    expect(f!.score).toBeGreaterThanOrEqual(0.5);
    expect(f!.score).toBeLessThanOrEqual(1);
    expect(f!.reason.length).toBeGreaterThan(0);
    // The reason explains; it never carries the value itself.
    expect(f!.reason).not.toContain(sample!);
  });

  it('declares context words in lower case', () => {
    for (const w of detector.context ?? []) expect(w).toBe(w.toLowerCase());
  });

  it('is deterministic across calls (no state leaks between texts)', () => {
    const text = `a ${sample} b`;
    const first = detector.detect(text, ctx);
    detector.detect('something else 555 123 4567 entirely', ctx);
    expect(detector.detect(text, ctx)).toEqual(first);
  });
});

/**
 * Degenerate inputs that once made a detector quadratic. The test asserts no timing: a quadratic
 * detector simply does not finish these before the test timeout.
 */
const PATHOLOGICAL: ReadonlyArray<readonly [string, string]> = [
  ['one long digit run', '1'.repeat(200_000)],
  ['card-like groups without end', '4111 '.repeat(40_000)],
  ['digits and dots', '1.'.repeat(100_000)],
  ['colons', 'a:'.repeat(100_000)],
  ['at signs', 'a@'.repeat(100_000)],
  ['a huge local part', `${'a'.repeat(200_000)}@example.com`],
  ['dotted labels', 'ab.'.repeat(70_000)],
  ['open parentheses in a URL', `https://a.io/${'('.repeat(100_000)}`],
  ['closing parentheses after a URL', `https://a.io/${')'.repeat(100_000)}`],
];

describe.each(PATHOLOGICAL)('all detectors on %s', (_name, text) => {
  it('finish (in linear time)', () => {
    for (const d of structuredDetectors) expect(Array.isArray(d.detect(text, ctx))).toBe(true);
  });
});

describe('structuredDetectors', () => {
  it('has unique, stable ids', () => {
    const ids = structuredDetectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(Object.keys(SAMPLES).sort());
  });
});
