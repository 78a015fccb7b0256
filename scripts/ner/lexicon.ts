// Builds the word lexicon (hash -> WordFlag bits) from the training data and the hand lists.
import { WordFlag } from '../../src/scan/ner/token-features.js';
import { Shape, TokenList, tokenize } from '../../src/scan/ner/tokenize.js';
import { goldLabels } from './featurize.js';
import { ADDRESS_UNITS, COMMON_WORDS, ORG_SUFFIXES, STREET_WORDS, TITLES } from './hand-lists.js';
import type { Example } from './load-training-data.js';

const MIN_COMMON = Number(process.env.NER_MIN_COMMON ?? 2);
// A word seen this often in the labelled text and (almost) never inside an entity is common even
// if it is always capitalised (German nouns: "Unternehmen", "Polizei").
const MIN_CAP_COMMON = Number(process.env.NER_MIN_CAP_COMMON ?? 5);

interface Counts {
  total: number;
  byType: [number, number, number, number];
  lowerTotal: number;
  lowerO: number;
  lowerBegin: number;
}

/** The lower-case hash the tokenizer gives a single word. */
export function wordHash(word: string): number | undefined {
  const toks = tokenize(word);
  return toks.count === 1 ? (toks.hash[0] as number) : undefined;
}

/** Lexicon entries as parallel arrays, sorted by hash so the output is deterministic. */
export function buildLexicon(
  examples: readonly Example[],
  unlabelled: readonly string[] = [],
): { hashes: Int32Array; flags: Uint8Array } {
  const counts = new Map<number, Counts>();
  const toks = new TokenList(4096);
  for (const ex of examples) {
    tokenize(ex.text, toks);
    const gold = goldLabels(ex, toks);
    for (let i = 0; i < toks.count; i++) {
      const shape = toks.shape[i] as number;
      if (shape >= Shape.PUNCT || shape === Shape.DIGITS) continue;
      const h = toks.hash[i] as number;
      let c = counts.get(h);
      if (!c) {
        c = { total: 0, byType: [0, 0, 0, 0], lowerTotal: 0, lowerO: 0, lowerBegin: 0 };
        counts.set(h, c);
      }
      const g = gold[i] as number;
      c.total++;
      if (g !== 0) c.byType[(g - 1) >> 1] = (c.byType[(g - 1) >> 1] as number) + 1;
      if (shape === Shape.LOWER) {
        c.lowerTotal++;
        if (g === 0) c.lowerO++;
        else if (g & 1) c.lowerBegin++;
      }
    }
  }
  // Unlabelled chat text adds lower-case counts only: a word written in lower case there is a
  // common word in that use, whatever the text is about (its capitalised words are ignored).
  for (const text of unlabelled) {
    tokenize(text, toks);
    for (let i = 0; i < toks.count; i++) {
      if ((toks.shape[i] as number) !== Shape.LOWER) continue;
      const h = toks.hash[i] as number;
      let c = counts.get(h);
      if (!c) {
        c = { total: 0, byType: [0, 0, 0, 0], lowerTotal: 0, lowerO: 0, lowerBegin: 0 };
        counts.set(h, c);
      }
      c.lowerTotal++;
      c.lowerO++;
    }
  }
  const flagOf = new Map<number, number>();
  const typeFlags = [WordFlag.PERSON, WordFlag.LOCATION, WordFlag.ORGANIZATION, 0];
  for (const [h, c] of counts) {
    let f = 0;
    for (let t = 0; t < 3; t++) {
      const k = c.byType[t] as number;
      if (k >= 2 && k >= 0.5 * c.total) f |= typeFlags[t] as number;
    }
    // Common: seen in lower case often, almost never starting an entity there. Being inside one
    // ("Bank of the West") is fine: the tagger scores every token after an entity token anyway.
    if (c.lowerO >= MIN_COMMON && c.lowerBegin <= 0.02 * c.lowerTotal) f |= WordFlag.COMMON;
    const inEntity = c.byType[0] + c.byType[1] + c.byType[2] + c.byType[3];
    if (c.total >= MIN_CAP_COMMON && inEntity <= 0.03 * c.total) f |= WordFlag.COMMON;
    if (f !== 0) flagOf.set(h, f);
  }
  const hand: [readonly string[], number][] = [
    [TITLES, WordFlag.TITLE],
    [STREET_WORDS, WordFlag.STREET],
    [ORG_SUFFIXES, WordFlag.ORG_SUFFIX],
    [ADDRESS_UNITS, WordFlag.ADDRESS_UNIT],
    [COMMON_WORDS, WordFlag.COMMON],
  ];
  for (const [list, flag] of hand) {
    for (const w of list) {
      const h = wordHash(w);
      if (h === undefined) continue;
      // A title starts a name even in lower case ("dear mr smith"), so it must stay a candidate.
      const keep = flag === WordFlag.TITLE ? ~WordFlag.COMMON : 0xff;
      flagOf.set(h, ((flagOf.get(h) ?? 0) & keep) | flag);
    }
  }
  const sorted = [...flagOf.entries()].sort((a, b) => a[0] - b[0]);
  return {
    hashes: Int32Array.from(sorted.map((e) => e[0])),
    flags: Uint8Array.from(sorted.map((e) => e[1])),
  };
}
