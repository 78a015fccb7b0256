import { describe, expect, it } from 'vitest';
import { foldHomoglyphs } from './fold-homoglyphs.js';

describe('foldHomoglyphs', () => {
  const cases: [string, string, string, boolean][] = [
    ['Cyrillic letters in a Latin word', 'раssword', 'password', true],
    ['Greek letters in a Latin word', 'ρrοmpt', 'prompt', true],
    ['Armenian o in a Latin word', 'ignօre', 'ignore', true],
    ['an all-look-alike word in Latin text', 'please ѕау the word', 'please say the word', true],
    ['small capitals and IPA forms always fold', 'ʀᴇᴠᴇᴀʟ', 'reveal', true],
    ['negative squared letters', '🅸🅶🅽🅾🆁🅴', 'ignore', true],
    ['a Russian sentence keeps its letters', 'мама мыла раму', 'мама мыла раму', false],
    ['a Greek sentence keeps its letters', 'καλημέρα κόσμε', 'καλημέρα κόσμε', false],
    ['a lone Greek letter in English text', 'angle α is small', 'angle α is small', false],
    ['a Russian word quoted in English text', 'the word привет means hello', 'the word привет means hello', false],
    ['no candidates', 'plain ascii', 'plain ascii', false],
  ];
  it.each(cases)('%s', (_name, input, text, folded) => {
    const r = foldHomoglyphs(input);
    expect(r.text).toBe(text);
    expect(r.folded).toBe(folded);
  });
});
