/** The library example of README.md, statement by statement: the README must not promise more. */
import { expect, it } from 'vitest';
import { anonymize, createStreamingRestorer, InMemoryVault, restore, scan } from '../src/index.js';

it('behaves as the README example says', () => {
  const text = "Hi, I'm Maria Keller, card 4111 1111 1111 1111, mail maria@example.com";
  const findings = scan(text, { regions: ['DE', 'US'] });
  expect(findings.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([
    ['PERSON', 'Maria Keller'],
    ['CREDIT_CARD', '4111 1111 1111 1111'],
    ['EMAIL_ADDRESS', 'maria@example.com'],
  ]);
  expect(findings[0]).toMatchObject({ start: 8, end: 20, detector: 'pii.ner' });

  const vault = new InMemoryVault();
  const { text: safe } = anonymize(text, findings, { default: { type: 'tokenize' }, vault });
  expect(safe).toBe("Hi, I'm ⟦PERSON_1⟧, card ⟦CREDIT_CARD_1⟧, mail ⟦EMAIL_1⟧");
  expect(restore('Thanks ⟦PERSON_1⟧!', vault)).toBe('Thanks Maria Keller!');

  const restorer = createStreamingRestorer(vault);
  expect(restorer.push('Hello ⟦PERS')).toBe('Hello ');
  expect(restorer.push('ON_1⟧, done')).toBe('Maria Keller, done');
  expect(restorer.flush()).toBe('');
});
