import { describe, expect, it } from 'vitest';
import { MAX_FEATURES, WordFlag, isCandidate, labelFeatures, lookupFlags, mix, staticFeatures } from './token-features.js';
import { Shape, tokenize } from './tokenize.js';
import { WordMap } from './word-map.js';

function keysOf(text: string, i: number): number[] {
  const toks = tokenize(text);
  const out = new Int32Array(MAX_FEATURES);
  let n = staticFeatures(text, toks, i, out);
  n = labelFeatures(toks, i, 1, 0, out, n);
  return Array.from(out.subarray(0, n));
}

describe('feature hashing', () => {
  it('is deterministic (same text, same keys) and pinned to known values', () => {
    expect(keysOf('Dear Anna Smith,', 1)).toEqual(keysOf('Dear Anna Smith,', 1));
    // The model file depends on these exact values; a change here needs a retrained model.
    expect(mix(1, 0)).toBe(mix(1, 0));
    expect(mix(2, 12345)).toBe(-127500342);
  });

  it('depends on the neighbours and on the previous label', () => {
    expect(keysOf('Dear Anna', 1)).not.toEqual(keysOf('Hello Anna', 1));
    const toks = tokenize('Anna');
    const a = new Int32Array(MAX_FEATURES);
    const b = new Int32Array(MAX_FEATURES);
    labelFeatures(toks, 0, 0, 0, a, 0);
    labelFeatures(toks, 0, 1, 0, b, 0);
    expect(a).not.toEqual(b);
  });

  it('keys each value with its template, in template order', () => {
    const toks = tokenize('Dear Anna Smith,');
    const keys = keysOf('Dear Anna Smith,', 1);
    const [dear, anna] = [toks.hash[0] as number, toks.hash[1] as number];
    // 20 static keys, 4 affix keys (a 4-letter word), 4 label keys.
    expect(keys).toHaveLength(28);
    expect(keys.slice(0, 3)).toEqual([mix(1, 0), mix(2, anna), mix(3, dear)]);
    expect(keys[10]).toBe(mix(11, mix(dear, Shape.CAPITALIZED)));
    expect(keys[13]).toBe(mix(14, mix(dear, anna)));
  });

  it('never writes more than MAX_FEATURES keys', () => {
    expect(keysOf('Bartholomew', 0).length).toBeLessThanOrEqual(MAX_FEATURES);
  });
});

describe('isCandidate', () => {
  const h = (w: string): number => tokenize(w).hash[0] as number;
  const words = new WordMap(
    [h('the'), h('please'), h('john'), h('will')],
    [WordFlag.COMMON, WordFlag.COMMON, WordFlag.PERSON, WordFlag.COMMON | WordFlag.PERSON],
  );
  const candidates = (text: string, caseless = false): string[] => {
    const toks = tokenize(text);
    lookupFlags(toks, words);
    const out: string[] = [];
    for (let i = 0; i < toks.count; i++) if (isCandidate(toks, i, caseless)) out.push(text.slice(toks.start[i], toks.end[i]));
    return out;
  };

  it.each([
    ['Please ask the Smiths.', false, ['Smiths']],
    ['Will Smith called.', false, ['Will', 'Smith']],
    ['ask the john', false, ['john']],
    ['ask the unknownname', false, []],
    ['ask the unknownname', true, ['ask', 'unknownname']],
    ['call getUserName or user_id', false, []],
    ['🙂, . !', false, []],
  ])('in %j (caseless %s) scores %j', (text, caseless, expected) => {
    expect(candidates(text, caseless)).toEqual(expected);
  });
});

describe('lookupFlags', () => {
  it('probes the lexicon for words only: punctuation and numbers get no flags', () => {
    // A lexicon that (wrongly) holds the hashes of "," and "42" must not flag those tokens.
    const toks = tokenize('Anna , 42');
    const words = new WordMap([toks.hash[0] as number, toks.hash[1] as number, toks.hash[2] as number], [WordFlag.PERSON, 8, 8]);
    lookupFlags(toks, words);
    expect(Array.from(toks.flags.subarray(0, 3))).toEqual([WordFlag.PERSON, 0, 0]);
  });
});
