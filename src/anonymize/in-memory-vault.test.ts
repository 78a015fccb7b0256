import { describe, expect, it } from 'vitest';
import { InMemoryVault } from './in-memory-vault.js';
import { formatPlaceholder, placeholderLabel } from './placeholder.js';

describe('placeholderLabel', () => {
  it.each([
    ['EMAIL_ADDRESS', 'EMAIL'],
    ['PHONE_NUMBER', 'PHONE'],
    ['IBAN_CODE', 'IBAN'],
    ['PERSON', 'PERSON'],
    ['US_SSN', 'US_SSN'],
    ['custom-id.v2', 'CUSTOM_ID_V2'],
    ['2fa code', 'X2FA_CODE'],
    ['', 'X'],
    ['émail', 'MAIL'],
    ['a'.repeat(40), 'A'.repeat(24)],
    ['ABCDEFGHIJKLMNOPQRSTUVW_XYZ', 'ABCDEFGHIJKLMNOPQRSTUVW'],
    // Custom types named like Object.prototype members are ordinary names.
    ['constructor', 'CONSTRUCTOR'],
    ['toString', 'TOSTRING'],
    ['__proto__', 'PROTO'],
  ])('%j → %j', (type, label) => {
    expect(placeholderLabel(type)).toBe(label);
  });

  it('tokenizes a custom type named constructor like any other', () => {
    const vault = new InMemoryVault();
    expect(vault.placeholderFor('constructor', 'x')).toBe(formatPlaceholder('CONSTRUCTOR', 1));
    expect(vault.valueFor(formatPlaceholder('CONSTRUCTOR', 1))).toBe('x');
  });

  it('formats ⟦LABEL_N⟧', () => {
    expect(formatPlaceholder('EMAIL', 12)).toBe('\u27E6EMAIL_12\u27E7');
  });
});

describe('InMemoryVault', () => {
  it('numbers values from 1 per label and reuses placeholders for equal values', () => {
    const v = new InMemoryVault();
    expect(v.placeholderFor('EMAIL_ADDRESS', 'a@x.io')).toBe('⟦EMAIL_1⟧');
    expect(v.placeholderFor('PERSON', 'Ann')).toBe('⟦PERSON_1⟧');
    expect(v.placeholderFor('EMAIL_ADDRESS', 'b@x.io')).toBe('⟦EMAIL_2⟧');
    expect(v.placeholderFor('EMAIL_ADDRESS', 'a@x.io')).toBe('⟦EMAIL_1⟧');
    expect(v.size).toBe(3);
    expect(v.valueFor('⟦EMAIL_2⟧')).toBe('b@x.io');
    expect(v.valueFor('⟦EMAIL_3⟧')).toBeUndefined();
    expect(v.valueFor('EMAIL_1')).toBeUndefined();
    expect([...v.labels()].sort()).toEqual(['EMAIL', 'PERSON']);
  });

  it('treats values as exact strings (case, whitespace, empty)', () => {
    const v = new InMemoryVault();
    expect(v.placeholderFor('PERSON', 'Ann')).not.toBe(v.placeholderFor('PERSON', 'ann'));
    expect(v.placeholderFor('PERSON', '')).toBe('⟦PERSON_3⟧');
    expect(v.valueFor('⟦PERSON_3⟧')).toBe('');
  });

  it('does not confuse a value containing the key separator', () => {
    const v = new InMemoryVault();
    const a = v.placeholderFor('X', 'a\u0000b');
    const b = v.placeholderFor('X', 'a');
    expect(a).not.toBe(b);
  });

  it('keeps vaults separate', () => {
    const a = new InMemoryVault();
    const b = new InMemoryVault();
    a.placeholderFor('PERSON', 'Ann');
    expect(b.placeholderFor('PERSON', 'Bob')).toBe('⟦PERSON_1⟧');
    expect(b.valueFor('⟦PERSON_1⟧')).toBe('Bob');
  });
});
