import { describe, expect, it } from 'vitest';
import { InMemoryVault } from './in-memory-vault.js';
import { restore } from './restore.js';

function vaultWith(): InMemoryVault {
  const v = new InMemoryVault();
  v.placeholderFor('EMAIL_ADDRESS', 'ann@example.com'); // ⟦EMAIL_1⟧
  v.placeholderFor('EMAIL_ADDRESS', 'bob@example.org'); // ⟦EMAIL_2⟧
  v.placeholderFor('PERSON', 'Zoë 😀 Ng'); // ⟦PERSON_1⟧
  v.placeholderFor('US_SSN', '078-05-1120'); // ⟦US_SSN_1⟧
  for (let i = 0; i < 11; i++) v.placeholderFor('PHONE_NUMBER', `+1 555 0${i}`); // ⟦PHONE_1⟧..⟦PHONE_11⟧
  return v;
}

const ANN = 'ann@example.com';

describe('restore', () => {
  const vault = vaultWith();

  it.each([
    ['canonical', 'Hi ⟦EMAIL_1⟧!', `Hi ${ANN}!`],
    ['several, adjacent', '⟦EMAIL_1⟧⟦EMAIL_2⟧', `${ANN}bob@example.org`],
    ['a label with an underscore', 'SSN: ⟦US_SSN_1⟧.', 'SSN: 078-05-1120.'],
    ['a two-digit number', 'call ⟦PHONE_11⟧', 'call +1 555 010'],
    ['a value with emoji', '⟦PERSON_1⟧ wrote', 'Zoë 😀 Ng wrote'],
    ['emoji before the placeholder', '😀😀⟦EMAIL_1⟧', `😀😀${ANN}`],
    ['lower case', 'to ⟦email_1⟧', `to ${ANN}`],
    ['mixed case', 'to ⟦Email_1⟧', `to ${ANN}`],
    ['spaces inside', 'to ⟦ EMAIL_1 ⟧ ok', `to ${ANN} ok`],
    ['two spaces inside', 'to ⟦  EMAIL_1  ⟧ ok', `to ${ANN} ok`],
    ['double ASCII brackets', 'to [[EMAIL_1]] ok', `to ${ANN} ok`],
    ['single ASCII brackets', 'to [EMAIL_1] ok', `to ${ANN} ok`],
    ['CJK white brackets', 'to 〚EMAIL_1〛 ok', `to ${ANN} ok`],
    ['unpaired brackets', 'to ⟦EMAIL_1] ok', `to ${ANN} ok`],
    ['no brackets', 'to EMAIL_1, ok', `to ${ANN}, ok`],
    ['no brackets, lower case, end of text', 'to email_1', `to ${ANN}`],
    ['only the opening bracket', 'to ⟦EMAIL_1 ok', `to ${ANN} ok`],
    ['a bracket right after a word', 'x[EMAIL_1]', `x${ANN}`],
    ['bare, after punctuation', '(EMAIL_1)', `(${ANN})`],
    ['bare, then a closing bracket after spaces', 'EMAIL_1 ]', ANN],
    ['three spaces: the bracket stays, the bare word is restored', '⟦   EMAIL_1⟧', `⟦   ${ANN}`],
  ])('restores %s', (_name, text, want) => {
    expect(restore(text, vault)).toBe(want);
  });

  it.each([
    ['plain text', 'Hello, world. Email me at the usual place.'],
    ['an unissued number', '⟦EMAIL_3⟧ and EMAIL_3'],
    ['an unissued label', '⟦IBAN_1⟧ and [CARD_1]'],
    ['a leading zero', '⟦EMAIL_01⟧'],
    ['part of a longer word', 'MY_EMAIL_1 EMAIL_1X xEMAIL_1 EMAIL_12'],
    ['inside an identifier', 'send_EMAIL_1'],
    ['a space instead of the underscore', '⟦EMAIL 1⟧'],
    ['a dash instead of the underscore', '⟦EMAIL-1⟧'],
    ['a non-ASCII letter in the label', '⟦ЕMAIL_1⟧'],
    ['just brackets', '⟦⟧ [[]] [ ] 〚〛 ['],
    ['the empty string', ''],
  ])('leaves %s unchanged', (_name, text) => {
    expect(restore(text, vault)).toBe(text);
  });

  it('keeps text around a placeholder exactly, including a bracket not used', () => {
    expect(restore('[x] ⟦EMAIL_1⟧]]]', vault)).toBe(`[x] ${ANN}]]]`);
    expect(restore('[x] [EMAIL_1]]]', vault)).toBe(`[x] ${ANN}]`);
  });

  it('does not scan restored values again', () => {
    const v = new InMemoryVault();
    v.placeholderFor('PERSON', 'EMAIL_1'); // a value that looks like a placeholder
    v.placeholderFor('EMAIL_ADDRESS', 'x@y.z');
    expect(restore('⟦PERSON_1⟧', v)).toBe('EMAIL_1');
  });

  it('returns the text as is when the vault is empty', () => {
    expect(restore('⟦EMAIL_1⟧', new InMemoryVault())).toBe('⟦EMAIL_1⟧');
  });
});
