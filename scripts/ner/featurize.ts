// Turns labelled examples into the per-token arrays the perceptron trains on: static feature
// keys (computed once, reused every epoch), gold labels and the candidate mask.
import { beginLabel } from '../../src/scan/ner/ner-labels.js';
import { MAX_FEATURES, WordFlag, isCandidate, isCaselessText, lookupFlags, staticFeatures } from '../../src/scan/ner/token-features.js';
import { Shape, TokenList, tokenize } from '../../src/scan/ner/tokenize.js';
import type { WordMap } from '../../src/scan/ner/word-map.js';
import type { Example } from './load-training-data.js';

/** One tokenized example, ready for training. */
export interface Sequence {
  readonly n: number;
  /** Feature keys of token i are keys[offsets[i] .. offsets[i+1]). */
  readonly keys: Int32Array;
  readonly offsets: Int32Array;
  readonly gold: Uint8Array;
  readonly candidate: Uint8Array;
  /** 1 where the token is an honorific, which the tagger never labels as PERSON. */
  readonly title: Uint8Array;
  readonly hash: Int32Array;
  readonly shape: Uint8Array;
  readonly weight: number;
}

/** BIO labels of the tokens of `ex`: a token belongs to the span that contains its start. */
export function goldLabels(ex: Example, toks: TokenList): Uint8Array {
  const gold = new Uint8Array(toks.count);
  for (const span of ex.spans) {
    let first = true;
    for (let i = 0; i < toks.count; i++) {
      const s = toks.start[i] as number;
      if (s < span.start || s >= span.end) continue;
      if ((toks.shape[i] as number) >= Shape.PUNCT && first) continue;
      gold[i] = first ? beginLabel(span.type) : beginLabel(span.type) + 1;
      first = false;
    }
  }
  return gold;
}

const scratch = new TokenList(4096);
const buf = new Int32Array(MAX_FEATURES);

/** Featurizes one example against the lexicon `words`. */
export function featurize(ex: Example, words: WordMap, weight: number): Sequence {
  const toks = tokenize(ex.text, scratch);
  lookupFlags(toks, words);
  const n = toks.count;
  const offsets = new Int32Array(n + 1);
  const parts: number[] = [];
  const candidate = new Uint8Array(n);
  const caseless = isCaselessText(toks);
  for (let i = 0; i < n; i++) {
    offsets[i] = parts.length;
    const m = staticFeatures(ex.text, toks, i, buf);
    for (let j = 0; j < m; j++) parts.push(buf[j] as number);
    candidate[i] = isCandidate(toks, i, caseless) ? 1 : 0;
  }
  offsets[n] = parts.length;
  return {
    n,
    keys: Int32Array.from(parts),
    offsets,
    gold: goldLabels(ex, toks),
    candidate,
    title: Uint8Array.from(toks.flags.subarray(0, n), (f) => ((f & WordFlag.TITLE) !== 0 ? 1 : 0)),
    hash: toks.hash.slice(0, n),
    shape: toks.shape.slice(0, n),
    weight,
  };
}
