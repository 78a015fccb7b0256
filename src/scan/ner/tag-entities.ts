import * as addressBlocks from './address-blocks.js';
import * as refineOrganisationsModule from './refine-organisations.js';
import { LABEL_COUNT } from './ner-labels.js';
import type { NerSpan } from './ner-span.js';
import { PACKED_PER_ROW, unpackSums, type NerModel } from './ner-model.js';
import { MAX_FEATURES, isCandidate, isCaselessText, labelFeatures, staticFeatures } from './token-features.js';
import { Shape, TokenList, tokenize } from './tokenize.js';
import * as charCase from './char-case.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { completeAddresses } = addressBlocks;
const { refineOrganisations } = refineOrganisationsModule;
const { charTables } = charCase;
const LABELS = LABEL_COUNT;
const S_PUNCT = Shape.PUNCT;
const scoreable = isCandidate;
const staticKeys = staticFeatures;
const labelKeys = labelFeatures;
const F_COMMON = 8;
const F_TITLE = 16;
const S_LOWER = Shape.LOWER;
const F_STREET = 32;
const S_DIGITS = Shape.DIGITS;
const S_ALNUM = Shape.ALNUM;
const ADDRESS = 3; // index of STREET_ADDRESS in NER_TYPES
const PER_ROW = PACKED_PER_ROW;
const unpack = unpackSums;

/** Longest entity, in tokens: beyond it a span is closed, so a run of names stays bounded. */
const MAX_SPAN_TOKENS = 24;

export type { NerSpan } from './ner-span.js';

// Scratch space reused across calls: detection is synchronous, so one set suffices.
const tokens = new TokenList(1024);
const keys = new Int32Array(MAX_FEATURES);
const logits = new Int32Array(LABELS);

function isTrailingJunk(toks: TokenList, i: number, caseless: boolean, type: number): boolean {
  const shape = toks.shape[i] as number;
  if (shape >= S_PUNCT) return true;
  // A number ends no person's or place's name ("Spain 16200" is a place and a postcode).
  if (shape === S_DIGITS && type <= 1) return true;
  return !caseless && shape === S_LOWER && ((toks.flags[i] as number) & F_COMMON) !== 0;
}

function isTitleOrPunct(toks: TokenList, i: number): boolean {
  return ((toks.flags[i] as number) & F_TITLE) !== 0 || (toks.shape[i] as number) >= S_PUNCT;
}

/**
 * Maps a mean span probability onto a score whose 0.5 is the calibrated cut (the operating
 * point with the best held-out F2), keeping order and the ends 0 and 1.
 */
function toScore(p: number, cut: number): number {
  return p < cut ? (0.5 * p) / cut : 0.5 + (0.5 * (p - cut)) / (1 - cut);
}

/** A house number and a street word ("12 Baker Street") make an address whatever the tag. */
function looksLikeStreet(toks: TokenList, first: number, last: number): boolean {
  let number = false;
  let street = false;
  for (let i = first; i <= last; i++) {
    const shape = toks.shape[i] as number;
    if (shape === S_DIGITS || shape === S_ALNUM) number = true;
    else if (((toks.flags[i] as number) & F_STREET) !== 0) street = true;
  }
  return number && street;
}

/**
 * Tags `text` greedily left to right and returns the entity spans. Tokens outside an entity
 * that cannot start one (punctuation, frequent lower-case words) are not scored at all, which
 * is what keeps chat text fast.
 */
export function tagEntities(text: string, model: NerModel): NerSpan[] {
  const toks = tokenize(text, tokens, model.words);
  const { packed, shift, scale } = model;
  const spans: NerSpan[] = [];
  const caseless = isCaselessText(toks);
  let prev = 0;
  let prev2 = 0;
  let spanType = -1;
  let spanStart = 0;
  let spanLast = 0;
  let probSum = 0;
  let probCount = 0;

  const close = (): void => {
    // Trailing punctuation scored as inside the entity is not part of it, nor, in cased text,
    // a trailing frequent lower-case word ("Title VII of the", "Smith and"), nor a leading
    // honorific of a name ("Dr. Ada Lovelace" -> "Ada Lovelace").
    let last = spanLast;
    while (last > spanStart && isTrailingJunk(toks, last, caseless, spanType)) last--;
    let first = spanStart;
    if (spanType === 0) {
      while (first < last && isTitleOrPunct(toks, first)) first++;
      if (isTitleOrPunct(toks, first)) {
        spanType = -1;
        return;
      }
    }
    const type = looksLikeStreet(toks, first, last) ? ADDRESS : spanType;
    const cut = model.cuts[2 * type + (last > first ? 1 : 0)] as number;
    spans.push({
      type,
      start: toks.start[first] as number,
      end: toks.end[last] as number,
      score: toScore(probSum / probCount, cut),
    });
    spanType = -1;
  };

  const { shape, flags, count } = toks;
  for (let i = 0; i < count; i++) {
    if (prev === 0) {
      // Outside an entity most tokens of chat text are punctuation or frequent lower-case words,
      // which never start one (the first tests of `isCandidate`): skip them on the spot.
      const s = shape[i] as number;
      if (s >= S_PUNCT || (s === S_LOWER && ((flags[i] as number) & F_COMMON) !== 0)) {
        prev2 = 0;
        continue;
      }
    }
    let label = 0;
    let prob = 0;
    if (prev !== 0 || scoreable(toks, i, caseless)) {
      let n = staticKeys(text, toks, i, keys);
      n = labelKeys(toks, i, prev, prev2, keys, n);
      // The label sums of the features' rows, packed four labels to a double (see
      // `NerModel.packed`): this loop is the hottest of the detector.
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let f = 0; f < n; f++) {
        const b = ((keys[f] as number) >>> shift) * PER_ROW;
        s0 += packed[b] as number;
        s1 += packed[b + 1] as number;
        s2 += packed[b + 2] as number;
      }
      unpack(s0, s1, s2, n, logits);
      const l0 = logits[0] as number;
      // Labels this token may take besides O, as bits 1..8 (B-x odd, I-x even).
      let mask = 0xaa; // every B-x
      if (prev !== 0 && i - spanStart < MAX_SPAN_TOKENS) mask |= 1 << (prev & 1 ? prev + 1 : prev);
      // An honorific is never part of the name itself ("Dr." in "Dr. Ada Lovelace").
      if (((flags[i] as number) & F_TITLE) !== 0) mask &= ~0b110;
      // Punctuation may continue an entity ("Apt. 5", "Smith, Jones and Co") but never start one.
      if ((shape[i] as number) >= S_PUNCT) mask &= 0x154;
      let best = 0;
      let max = l0;
      for (let k = 1; k < LABELS; k++) {
        const v = logits[k] as number;
        if (v > max && ((mask >> k) & 1) === 1) {
          max = v;
          best = k;
        }
      }
      label = best;
      if (label !== 0) {
        // Softmax over the same labels the argmax chose from.
        let z = Math.exp((l0 - max) * scale);
        let own = 0;
        const b = label & 1 ? label : label - 1;
        for (let k = 1; k < LABELS; k++) {
          if (((mask >> k) & 1) === 0) continue;
          const e = Math.exp(((logits[k] as number) - max) * scale);
          z += e;
          if (k === b || k === b + 1) own += e;
        }
        prob = own / z;
      }
    }
    if (spanType >= 0 && (label === 0 || label & 1)) close();
    if (label !== 0) {
      if (label & 1) {
        spanType = (label - 1) >> 1;
        spanStart = i;
        probSum = 0;
        probCount = 0;
      }
      spanLast = i;
      probSum += prob;
      probCount++;
    }
    prev2 = prev;
    prev = label;
  }
  if (spanType >= 0) close();
  return completeAddresses(text, toks, refineOrganisations(toks, joinInitials(text, spans)), caseless);
}

/**
 * Joins two person spans split by a lone middle initial ("Maja S Hermansen", "Keira E.
 * Forster"): the tagger often leaves the initial outside, which would leave both halves as
 * separate, wrong-boundary findings.
 */
export function joinInitials(text: string, spans: NerSpan[]): NerSpan[] {
  let out = spans;
  for (let k = spans.length - 1; k > 0; k--) {
    const a = spans[k - 1] as NerSpan;
    const b = spans[k] as NerSpan;
    if (a.type !== 0 || b.type !== 0 || !isInitialGap(text, a.end, b.start)) continue;
    if (out === spans) out = spans.slice();
    out.splice(k - 1, 2, { type: 0, start: a.start, end: b.end, score: Math.max(a.score, b.score) });
  }
  return out;
}

/** True when text[from, to) is " X " or " X. " with X one capital letter. */
function isInitialGap(text: string, from: number, to: number): boolean {
  const gap = to - from;
  if (gap < 3 || gap > 4 || text.charCodeAt(from) !== 32 || text.charCodeAt(to - 1) !== 32) return false;
  const c = text.charCodeAt(from + 1);
  if (((charTables().cls[c] as number) & 4) === 0) return false; // UPPER
  return gap === 3 || text.charCodeAt(from + 2) === 46;
}
