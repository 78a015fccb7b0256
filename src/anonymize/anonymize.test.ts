import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { randomBytes } from '../crypto/random-bytes.js';
import { anonymize, createAnonymizer, createVaultAnonymizer } from './anonymize.js';
import type { AnonymizePlan } from './anonymize-plan.js';
import { deanonymize } from './deanonymize.js';
import { InMemoryVault } from './in-memory-vault.js';
import type { Operator } from './operator.js';

function find(text: string, value: string, type: string, score = 0.9, from = 0): Finding {
  const start = text.indexOf(value, from);
  if (start < 0) throw new Error(`test setup: ${value} not in text`);
  return { type, start, end: start + value.length, score, detector: 'test', reason: 'test' };
}

describe('anonymize', () => {
  it('replaces with <TYPE> by default and reports output offsets', () => {
    const text = 'Mail alice@example.com or call +1 415 555 0100.';
    const findings = [find(text, '+1 415 555 0100', 'PHONE_NUMBER'), find(text, 'alice@example.com', 'EMAIL_ADDRESS')];
    const r = anonymize(text, findings);
    expect(r.text).toBe('Mail <EMAIL_ADDRESS> or call <PHONE_NUMBER>.');
    for (const item of r.items) expect(r.text.slice(item.start, item.end)).toBe(`<${item.type}>`);
    expect(r.items.map((i) => i.operator)).toEqual(['replace', 'replace']);
  });

  it('keeps UTF-16 offsets right after emoji and surrogate pairs', () => {
    const text = '😀👍🏽 Zoë: bob@example.org 😀';
    const r = anonymize(text, [find(text, 'bob@example.org', 'EMAIL_ADDRESS')], {
      byType: { EMAIL_ADDRESS: { type: 'mask', keepLast: 3 } },
    });
    expect(r.text).toBe('😀👍🏽 Zoë: ************org 😀');
    const [item] = r.items;
    expect(r.text.slice(item!.start, item!.end)).toBe('************org');
  });

  it('applies per-type operators and the default', () => {
    const text = 'Ann Lee, ann@x.io, 4111 1111 1111 1111';
    const plan: AnonymizePlan = {
      default: { type: 'redact' },
      byType: { PERSON: { type: 'replace', value: '[name]' }, CREDIT_CARD: { type: 'mask' } },
    };
    const r = anonymize(
      text,
      [find(text, 'Ann Lee', 'PERSON'), find(text, 'ann@x.io', 'EMAIL_ADDRESS'), find(text, '4111 1111 1111 1111', 'CREDIT_CARD')],
      plan,
    );
    expect(r.text).toBe('[name], , ***************1111');
    expect(r.items.map((i) => [i.operator, i.end - i.start])).toEqual([
      ['replace', 6],
      ['redact', 0],
      ['mask', 19],
    ]);
  });

  it('returns the text unchanged for no findings, empty text, and findings outside the text', () => {
    expect(anonymize('', [])).toEqual({ text: '', items: [] });
    const text = 'nothing here';
    const bad: Finding[] = [
      { type: 'PERSON', start: 5, end: 50, score: 1, detector: 't', reason: 't' },
      { type: 'PERSON', start: -1, end: 2, score: 1, detector: 't', reason: 't' },
      { type: 'PERSON', start: 3, end: 3, score: 1, detector: 't', reason: 't' },
      { type: 'PERSON', start: 1.5, end: 3, score: 1, detector: 't', reason: 't' },
    ];
    expect(anonymize(text, bad)).toEqual({ text, items: [] });
  });

  it('merges overlapping findings so no part of either value stays in clear', () => {
    const text = 'x John Smith Street y';
    const findings: Finding[] = [
      { type: 'STREET_ADDRESS', start: 7, end: 19, score: 0.6, detector: 't', reason: 't' },
      { type: 'PERSON', start: 2, end: 12, score: 0.9, detector: 't', reason: 't' },
    ];
    expect(anonymize(text, findings).text).toBe('x <PERSON> y');
  });

  it('widens a span that would cut a surrogate pair', () => {
    const text = 'a😀b';
    const r = anonymize(text, [{ type: 'X', start: 2, end: 3, score: 1, detector: 't', reason: 't' }], {
      default: { type: 'mask', keepLast: 0 },
    });
    expect(r.text).toBe('a*b');
  });

  it('does not resolve entity types through Object.prototype', () => {
    const text = 'v';
    const r = anonymize(text, [{ type: 'constructor', start: 0, end: 1, score: 1, detector: 't', reason: 't' }], {
      byType: {},
    });
    expect(r.text).toBe('<constructor>');
  });

  it('tokenizes: same value, same placeholder; different values, different numbers', () => {
    const vault = new InMemoryVault();
    const text = 'a@x.io b@x.io a@x.io';
    const findings = [find(text, 'a@x.io', 'EMAIL_ADDRESS'), find(text, 'b@x.io', 'EMAIL_ADDRESS'), find(text, 'a@x.io', 'EMAIL_ADDRESS', 0.9, 8)];
    const r = anonymize(text, findings, { default: { type: 'tokenize' }, vault });
    expect(r.text).toBe('⟦EMAIL_1⟧ ⟦EMAIL_2⟧ ⟦EMAIL_1⟧');
    expect(vault.valueFor('⟦EMAIL_2⟧')).toBe('b@x.io');
  });

  it('hashes equal values equally and differently under another key', () => {
    const key = randomBytes(32);
    const text = 'ann ann bob';
    const findings = [find(text, 'ann', 'PERSON'), find(text, 'ann', 'PERSON', 0.9, 1), find(text, 'bob', 'PERSON')];
    const r = anonymize(text, findings, { default: { type: 'hash', key, length: 16 } });
    const [a, b, c] = r.text.split(' ');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    const other = anonymize(text, findings, { default: { type: 'hash', key: randomBytes(32), length: 16 } });
    expect(other.text.split(' ')[0]).not.toBe(a);
  });

  it('encrypts reversibly with deanonymize, and the token is bound to the entity type', () => {
    const key = randomBytes(32);
    const text = 'SSN 078-05-1120 and card 4111111111111111.';
    const findings = [find(text, '078-05-1120', 'US_SSN'), find(text, '4111111111111111', 'CREDIT_CARD')];
    const r = anonymize(text, findings, { default: { type: 'encrypt', key } });
    expect(r.text).not.toContain('078-05-1120');
    expect(deanonymize(r.text, r.items, key)).toBe(text);
    const swapped = r.items.map((i) => ({ ...i, type: i.type === 'US_SSN' ? 'CREDIT_CARD' : 'US_SSN' }));
    expect(() => deanonymize(r.text, swapped, key)).toThrow(expect.objectContaining({ code: 'ERR_CRYPTO_DECRYPT_FAILED' }));
    expect(() => deanonymize(r.text, r.items, randomBytes(32))).toThrow(
      expect.objectContaining({ code: 'ERR_CRYPTO_DECRYPT_FAILED' }),
    );
  });

  it('accepts a custom Operator exactly like a built-in one', () => {
    const upper: Operator = { name: 'upper', apply: (v) => v.toUpperCase() };
    const text = 'hi ann';
    const r = anonymize(text, [find(text, 'ann', 'PERSON')], { byType: { PERSON: upper } });
    expect(r).toEqual({ text: 'hi ANN', items: [{ type: 'PERSON', operator: 'upper', start: 3, end: 6 }] });
  });

  it.each([
    ['an unknown operator', { default: { type: 'shred' } }, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR'],
    ['tokenize without a vault', { default: { type: 'tokenize' } }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['a 16-byte hash key', { byType: { X: { type: 'hash', key: new Uint8Array(16) } } }, 'ERR_CRYPTO_INVALID_KEY'],
    ['a two-character mask', { byType: { X: { type: 'mask', char: '**' } } }, 'ERR_ANONYMIZE_INVALID_OPTION'],
  ])('rejects a plan with %s before any text is processed', (_name, plan, code) => {
    expect(() => createAnonymizer(plan as AnonymizePlan)).toThrow(expect.objectContaining({ code }));
    expect(() => anonymize('', [], plan as AnonymizePlan)).toThrow(expect.objectContaining({ code }));
  });
});

describe('createVaultAnonymizer', () => {
  const text = 'mail ann@x.io or ann@x.io, call 555 0100, card 4111';
  const findings = [find(text, 'ann@x.io', 'EMAIL_ADDRESS'), find(text, 'ann@x.io', 'EMAIL_ADDRESS', 0.9, 10), find(text, '555 0100', 'PHONE_NUMBER'), find(text, '4111', 'CREDIT_CARD')];
  const plan: Omit<AnonymizePlan, 'vault'> = {
    default: { type: 'tokenize' },
    byType: { PHONE_NUMBER: { type: 'mask', keepLast: 2 }, CREDIT_CARD: { type: 'hash', key: new Uint8Array(32).fill(3), length: 8 } },
  };

  it('gives the text createAnonymizer gives with the same vault, a fresh vault per call', () => {
    const anonymizeWith = createVaultAnonymizer(plan);
    for (let round = 0; round < 2; round++) {
      const vault = new InMemoryVault();
      const expected = createAnonymizer({ ...plan, vault: new InMemoryVault() })(text, findings).text;
      expect(anonymizeWith(text, findings, vault)).toBe(expected);
      expect(vault.size).toBe(1);
    }
  });

  it('numbers placeholders on in the vault it is given', () => {
    const anonymizeWith = createVaultAnonymizer({ default: { type: 'tokenize' } });
    const vault = new InMemoryVault();
    vault.placeholderFor('EMAIL_ADDRESS', 'bob@x.io');
    expect(anonymizeWith('ann@x.io', [find('ann@x.io', 'ann@x.io', 'EMAIL_ADDRESS')], vault)).toBe('⟦EMAIL_2⟧');
  });

  it('rejects a bad plan when built and a missing vault when the plan tokenizes', () => {
    expect(() => createVaultAnonymizer({ default: { type: 'shred' } } as unknown as AnonymizePlan)).toThrow(expect.objectContaining({ code: 'ERR_ANONYMIZE_UNKNOWN_OPERATOR' }));
    const anonymizeWith = createVaultAnonymizer(plan);
    expect(() => anonymizeWith(text, findings, undefined as unknown as InMemoryVault)).toThrow(expect.objectContaining({ code: 'ERR_ANONYMIZE_INVALID_OPTION' }));
    expect(createVaultAnonymizer({ default: { type: 'redact' } })('a b', [find('a b', 'b', 'X')], undefined as unknown as InMemoryVault)).toBe('a ');
  });
});
