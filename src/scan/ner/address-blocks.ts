import { Shape, type TokenList } from './tokenize.js';
import * as streetWords from './street-words.js';
import type { NerSpan } from './ner-span.js';
import * as tokenAtModule from './token-at.js';
import * as addressTokens from './address-tokens.js';
import type { Block } from './address-tokens.js';
import * as streetLines from './street-lines.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { StreetKind, streetWordKind } = streetWords;
const { tokenAt } = tokenAtModule;
const { COMMA, HYPHEN, charHash, isAbbreviationDot, isCode, isGlued, isNameWord, isNumber } = addressTokens;
const { findStreetLines } = streetLines;
const S_DIGITS = Shape.DIGITS;
const S_ALNUM = Shape.ALNUM;
const S_NEWLINE = Shape.NEWLINE;
const S_PUNCT = Shape.PUNCT;
const K_AFTER = StreetKind.AFTER_NAME;
const K_UNIT = StreetKind.UNIT;
const K_PARTICLE = StreetKind.PARTICLE;
const PERSON = 0;
const LOCATION = 1;
const ADDRESS = 3;
const HASH = charHash(35);
const SLASH = charHash(47);
const OPEN = charHash(40);
const CLOSE = charHash(41);
/** Most lines or comma parts after the street line, and most words in one. */
const MAX_SEGMENTS = 5;
const MAX_SEGMENT_WORDS = 6;

/**
 * Last token of one continuation part (a unit, a city with region and postcode, a country)
 * starting at `p`, or -1 when what follows is not address-like (a sentence, a person).
 */
function segmentEnd(text: string, toks: TokenList, p: number, caseless: boolean, stops: Uint8Array): number {
  let last = -1;
  let words = 0;
  let codes = 0;
  let k = p;
  for (; k < toks.count; k++) {
    const shape = toks.shape[k] as number;
    const h = toks.hash[k] as number;
    if (shape === S_NEWLINE || h === COMMA) break;
    if (stops[k] === 1) break;
    if (shape >= S_PUNCT) {
      // Brackets hold a region or a language variant ("Cyprus (Greek) 51034").
      if (h === HYPHEN || h === HASH || h === SLASH || h === OPEN || h === CLOSE || isAbbreviationDot(toks, k)) continue;
      break;
    }
    if (words + codes >= MAX_SEGMENT_WORDS) return -1;
    const kind = streetWordKind(h);
    if (isCode(text, toks, k)) codes++;
    else if (isNameWord(toks, k, caseless) || (kind & K_UNIT) !== 0) words++;
    else if ((kind & K_PARTICLE) === 0 || last < 0) break;
    else continue; // a particle joins words ("Frankfurt am Main") but ends no segment
    last = k;
  }
  // Numbers alone continue an address only as one postcode: a line of digit groups after an
  // address is a phone number ("089 72 63 41 office").
  if (words === 0 && (codes > 1 || (k < toks.count && (toks.shape[k] as number) !== S_NEWLINE && (toks.hash[k] as number) !== COMMA))) {
    return -1;
  }
  return last;
}

/** Grows `b` over the lines or comma parts that continue the address. */
function extend(text: string, toks: TokenList, b: Block, caseless: boolean, stops: Uint8Array): void {
  const prev = b.first - 1;
  // A house number before the street line; two numbers happen too ("370 3911 Fourth Avenue").
  if (prev >= 0 && isNumber(text, toks, prev) && !isGlued(toks, prev)) b.first = prev;
  for (let s = 0; s < MAX_SEGMENTS; s++) {
    let p = b.last + 1;
    let separated = false;
    while (p < toks.count && ((toks.shape[p] as number) === S_NEWLINE || (toks.hash[p] as number) === COMMA)) {
      separated = true;
      p++;
    }
    if (p >= toks.count || p - b.last > 3) return;
    // Without a separator only a unit or a number carries on ("500 Oak Ave Suite 200",
    // "Euless 76039" when the model stopped before the postcode).
    const h = toks.hash[p] as number;
    if (!separated && (streetWordKind(h) & K_UNIT) === 0 && !isCode(text, toks, p) && h !== OPEN && h !== CLOSE) return;
    const end = segmentEnd(text, toks, p, caseless, stops);
    if (end < 0) return;
    b.last = end;
  }
}

/** True when only line breaks and commas separate block `b` from the earlier block `a`. */
function touches(toks: TokenList, a: Block, b: Block): boolean {
  for (let k = a.last + 1; k < b.first; k++) {
    if ((toks.shape[k] as number) !== S_NEWLINE && (toks.hash[k] as number) !== COMMA) return false;
  }
  return true;
}


let stopScratch = new Uint8Array(256);
let coreScratch = new Uint8Array(256);

/**
 * Completes the street addresses of a tagging: adds street lines the rules recognise (a house
 * number next to a street-type word), grows every address over the lines that continue it
 * (unit, city, region, postcode, country) and drops the names found inside an address (a city
 * tagged LOCATION, a street named after a person). Other spans pass through unchanged.
 */
export function completeAddresses(text: string, toks: TokenList, spans: NerSpan[], caseless: boolean): NerSpan[] {
  const blocks: Block[] = [];
  for (const s of spans) {
    if (s.type !== ADDRESS) continue;
    const b = { first: tokenAt(toks, s.start), last: tokenAt(toks, s.end - 1), score: s.score };
    if (!isBareStreetWord(toks, b)) blocks.push(b);
  }
  findStreetLines(text, toks, caseless, blocks);
  if (blocks.length === 0) return spans.some((s) => s.type === ADDRESS) ? spans.filter((s) => s.type !== ADDRESS) : spans;
  if (stopScratch.length < toks.count) {
    stopScratch = new Uint8Array(toks.count * 2);
    coreScratch = new Uint8Array(toks.count * 2);
  }
  const stops = stopScratch.fill(0, 0, toks.count);
  // Street lines themselves (before growing): a place the model found there is a street name.
  const core = coreScratch.fill(0, 0, toks.count);
  for (const b of blocks) core.fill(1, b.first, b.last + 1);
  // A person the model found ends an address ("12 Main St, John said").
  for (const s of spans) if (s.type === PERSON) stops[tokenAt(toks, s.start)] = 1;
  blocks.sort((a, b) => a.first - b.first || b.last - a.last);
  const merged: Block[] = [];
  for (const b of blocks) {
    const top = merged[merged.length - 1];
    if (top !== undefined && touches(toks, top, b)) {
      top.last = Math.max(top.last, b.last);
      top.score = Math.max(top.score, b.score);
      continue;
    }
    if (top !== undefined) extend(text, toks, top, caseless, stops);
    if (top !== undefined && touches(toks, top, b)) {
      top.last = Math.max(top.last, b.last);
      top.score = Math.max(top.score, b.score);
      continue;
    }
    merged.push({ ...b });
  }
  const tail = merged[merged.length - 1];
  if (tail !== undefined) extend(text, toks, tail, caseless, stops);
  const out: NerSpan[] = [];
  let m = 0;
  for (const s of spans) {
    if (s.type === ADDRESS) continue;
    while (m < merged.length && (toks.end[(merged[m] as Block).last] as number) <= s.start) m++;
    const b = merged[m];
    if (b !== undefined && (toks.start[b.first] as number) < s.end) {
      // The town and country of an address stay places (as the training data labels them);
      // a person or organisation inside an address is a street name, not an entity.
      // (Only a confident one: below the default threshold it would just cut the address.)
      if (s.type !== LOCATION || s.score < 0.5) continue;
      const first = tokenAt(toks, s.start);
      const last = tokenAt(toks, s.end - 1);
      // A "place" holding a number is a street line or a postcode the model misread.
      if (first < b.first || last > b.last || hasNumber(toks, first, last) || core.subarray(first, last + 1).includes(1)) continue;
      cut(text, toks, b, first, caseless, out);
      b.first = last + 1;
    }
    out.push(s);
  }
  for (const b of merged) cut(text, toks, b, b.last + 1, caseless, out);
  return out.sort((a, b) => a.start - b.start);
}

function hasNumber(toks: TokenList, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const shape = toks.shape[k] as number;
    if (shape === S_DIGITS || shape === S_ALNUM) return true;
  }
  return false;
}

/** True for a bare "Street" or "5 Street": a street-type word with no name to it. */
function isBareStreetWord(toks: TokenList, b: Block): boolean {
  if (b.last > b.first + 1) return false;
  const word = (toks.shape[b.first] as number) === S_DIGITS ? b.last : b.first;
  if (b.last !== b.first && (toks.shape[b.first + b.last - word] as number) !== S_DIGITS) return false;
  return (streetWordKind(toks.hash[word] as number) & K_AFTER) !== 0;
}

function isStrayWord(text: string, toks: TokenList, i: number, caseless: boolean): boolean {
  if ((toks.shape[i] as number) >= S_PUNCT || isCode(text, toks, i) || isNameWord(toks, i, caseless)) return false;
  return streetWordKind(toks.hash[i] as number) === 0;
}

/** Emits the part of block `b` before token `from` as an address (without edge punctuation). */
function cut(text: string, toks: TokenList, b: Block, from: number, caseless: boolean, out: NerSpan[]): void {
  let first = b.first;
  let last = from - 1;
  while (first <= last && (toks.shape[first] as number) >= S_PUNCT) first++;
  for (;;) {
    while (last >= first && (toks.shape[last] as number) >= S_PUNCT && !isAbbreviationDot(toks, last)) last--;
    // A last line or part that is one everyday word ("Thanks") is the text going on.
    if (last <= first || !isStrayWord(text, toks, last, caseless)) break;
    const sep = toks.shape[last - 1] as number;
    if (sep !== S_NEWLINE && (toks.hash[last - 1] as number) !== COMMA) break;
    last -= 2;
  }
  if (first > last) return;
  out.push({ type: ADDRESS, start: toks.start[first] as number, end: toks.end[last] as number, score: b.score });
}
