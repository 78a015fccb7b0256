import { Shape, type TokenList } from './tokenize.js';
import { StreetKind, hasGluedStreetEnding, streetWordKind } from './street-words.js';
import type { NerSpan } from './tag-entities.js';

// Module-local copies: the loops below must not read imported bindings.
const S_LOWER = Shape.LOWER;
const S_CAPITALIZED = Shape.CAPITALIZED;
const S_ALL_CAPS = Shape.ALL_CAPS;
const S_INITIAL = Shape.INITIAL;
const S_MIXED_CAP = Shape.MIXED_CAP;
const S_DIGITS = Shape.DIGITS;
const S_ALNUM = Shape.ALNUM;
const S_CASELESS = Shape.CASELESS;
const S_NEWLINE = Shape.NEWLINE;
const S_PUNCT = Shape.PUNCT;
const K_AFTER = StreetKind.AFTER_NAME;
const K_BEFORE = StreetKind.BEFORE_NAME;
const K_UNIT = StreetKind.UNIT;
const K_PARTICLE = StreetKind.PARTICLE;
const K_DIRECTION = StreetKind.DIRECTION;
const F_LOCATION = 2;
const F_COMMON = 8;
const PERSON = 0;
const ADDRESS = 3;

const charHash = (c: number): number => Math.imul(0x811c9dc5 ^ c, 0x01000193);
const COMMA = charHash(44);
const DOT = charHash(46);
const HYPHEN = charHash(45);
const HASH = charHash(35);
const SLASH = charHash(47);

/** Score of a street line found by the rules alone (house number + street-type word). */
const RULE_SCORE = 0.8;
/** Longest phrase of a street name, and most lines or comma parts after the street line. */
const MAX_PHRASE = 6;
const MAX_SEGMENTS = 5;
const MAX_SEGMENT_WORDS = 6;

/** A span in token indices, both ends inclusive. */
interface Block {
  first: number;
  last: number;
  score: number;
}

function isNumber(text: string, toks: TokenList, i: number): boolean {
  const shape = toks.shape[i] as number;
  const len = (toks.end[i] as number) - (toks.start[i] as number);
  if (shape === S_DIGITS) return len <= 6;
  if (shape !== S_ALNUM || len > 7) return false;
  const c = text.charCodeAt(toks.start[i] as number);
  return c >= 48 && c <= 57; // "221B", "12a"; not "B12" or "x86"
}

/** A house number or a postcode; postcodes may mix letters and digits ("NW1 6XE", "K1A 0B1"). */
function isCode(text: string, toks: TokenList, i: number): boolean {
  const shape = toks.shape[i] as number;
  if (shape === S_ALNUM) return (toks.end[i] as number) - (toks.start[i] as number) <= 8;
  return shape === S_DIGITS && isNumber(text, toks, i);
}

/** A word that may be part of a proper name: capitalised, or any uncommon word in caseless text. */
function isNameWord(toks: TokenList, i: number, caseless: boolean): boolean {
  const shape = toks.shape[i] as number;
  const flags = toks.flags[i] as number;
  // A region code ("IL", "NSW") may collide with a common word ("il" in Italian).
  if (shape === S_ALL_CAPS && (toks.end[i] as number) - (toks.start[i] as number) <= 3) return true;
  if (shape === S_CAPITALIZED || shape === S_ALL_CAPS || shape === S_MIXED_CAP) {
    // "Thanks", "Please", "Monday": capitalised, but a city or street is not called that.
    return (flags & F_COMMON) === 0 || (flags & F_LOCATION) !== 0;
  }
  if (shape === S_INITIAL || shape === S_CASELESS) return true;
  return caseless && shape === S_LOWER && (flags & F_COMMON) === 0;
}

function sameLine(toks: TokenList, i: number): boolean {
  return i >= 0 && i < toks.count && (toks.shape[i] as number) !== S_NEWLINE;
}

/** True when token `i` is a "." closing an abbreviation ("St.", "ul.", "Apt."), not a sentence. */
function isAbbreviationDot(toks: TokenList, i: number): boolean {
  if ((toks.hash[i] as number) !== DOT || i === 0) return false;
  const prev = i - 1;
  const len = (toks.end[prev] as number) - (toks.start[prev] as number);
  return (toks.shape[prev] as number) < S_PUNCT && len <= 4 && (toks.end[prev] as number) === (toks.start[i] as number);
}

/** Street line starting at house number `n` ("1668 Glyn St", "42 Rue de Rivoli", "6750 Koskikatu 25"). */
function streetAfterNumber(text: string, toks: TokenList, n: number, caseless: boolean): number {
  let names = 0;
  let end = -1;
  let before = false;
  for (let k = n + 1; k <= n + MAX_PHRASE && sameLine(toks, k); k++) {
    const kind = streetWordKind(toks.hash[k] as number);
    const shape = toks.shape[k] as number;
    if (shape >= S_PUNCT) {
      if (isAbbreviationDot(toks, k) || (toks.hash[k] as number) === HYPHEN) continue;
      break;
    }
    const name = isNameWord(toks, k, caseless);
    if (k === n + 1 && (kind & K_BEFORE) !== 0 && shape !== S_LOWER) {
      before = true;
      continue;
    }
    if ((kind & K_AFTER) !== 0 && names > 0) {
      end = k;
      break;
    }
    if (name && hasGluedStreetEnding(text, toks.start[k] as number, toks.end[k] as number)) {
      end = k;
      break;
    }
    if (name) {
      names++;
      if (before) end = k;
    } else if ((kind & K_PARTICLE) === 0 || names === 0) {
      break;
    }
  }
  if (end < 0) return -1;
  // A compass point and a second number may follow ("Main St NW", "Koskikatu 25").
  let k = end + 1;
  if (k < toks.count && isAbbreviationDot(toks, k)) k++;
  if (k < toks.count && (streetWordKind(toks.hash[k] as number) & K_DIRECTION) !== 0 && (toks.shape[k] as number) !== S_LOWER) end = k++;
  if (k < toks.count && isNumber(text, toks, k)) end = k;
  return end;
}

/** Street line ending at house number `n` ("Hauptstraße 12", "Via Roma 10", "ul. Marszałkowska 12"). */
function streetBeforeNumber(text: string, toks: TokenList, n: number, caseless: boolean): number {
  let k = n - 1;
  if (k >= 0 && isAbbreviationDot(toks, k)) k--; // "u. 91"
  if (!sameLine(toks, k) || (toks.shape[k] as number) >= S_PUNCT) return -1;
  const lastKind = streetWordKind(toks.hash[k] as number);
  const lastName = isNameWord(toks, k, caseless);
  if (lastName && hasGluedStreetEnding(text, toks.start[k] as number, toks.end[k] as number)) {
    // Up to two name words may precede it ("Östra Förstadsgatan", "Alt-Moabit").
    let first = k;
    while (first > k - 3 && sameLine(toks, first - 1) && isNameWord(toks, first - 1, caseless)) first--;
    return first;
  }
  // Walk back over the name; it must open with a street word or close with one.
  let first = -1;
  let names = lastName && (lastKind & K_AFTER) === 0 ? 1 : 0;
  for (let j = k - 1; j >= n - 1 - MAX_PHRASE && sameLine(toks, j); j--) {
    if (isAbbreviationDot(toks, j) || (toks.hash[j] as number) === HYPHEN) continue;
    if ((toks.shape[j] as number) >= S_PUNCT) break;
    const kind = streetWordKind(toks.hash[j] as number);
    // A lower-case street word counts only as an abbreviation ("ul. Marszałkowska").
    const cased = (toks.shape[j] as number) !== S_LOWER || isAbbreviationDot(toks, j + 1);
    if ((kind & K_BEFORE) !== 0 && cased && names > 0) first = j;
    if (isNameWord(toks, j, caseless)) {
      names++;
      if ((lastKind & K_AFTER) !== 0) first = j;
    } else if ((kind & (K_PARTICLE | K_BEFORE)) === 0) {
      break;
    }
  }
  return first;
}

/** Street lines found by the rules, as blocks. */
function ruleStreets(text: string, toks: TokenList, caseless: boolean, out: Block[]): void {
  for (let n = 0; n < toks.count; n++) {
    const shape = toks.shape[n] as number;
    if ((shape !== S_DIGITS && shape !== S_ALNUM) || !isNumber(text, toks, n)) continue;
    const end = streetAfterNumber(text, toks, n, caseless);
    if (end > n) {
      out.push({ first: n, last: end, score: RULE_SCORE });
      n = end;
      continue;
    }
    const first = streetBeforeNumber(text, toks, n, caseless);
    if (first >= 0) out.push({ first, last: n, score: RULE_SCORE });
  }
}

/**
 * Last token of one continuation part (a unit, a city with region and postcode, a country)
 * starting at `p`, or -1 when what follows is not address-like (a sentence, a person).
 */
function segmentEnd(text: string, toks: TokenList, p: number, caseless: boolean, stops: Uint8Array): number {
  let last = -1;
  let words = 0;
  for (let k = p; k < toks.count; k++) {
    const shape = toks.shape[k] as number;
    const h = toks.hash[k] as number;
    if (shape === S_NEWLINE || h === COMMA) break;
    if (stops[k] === 1) break;
    if (shape >= S_PUNCT) {
      if (h === HYPHEN || h === HASH || h === SLASH || isAbbreviationDot(toks, k)) continue;
      break;
    }
    if (++words > MAX_SEGMENT_WORDS) return -1;
    const kind = streetWordKind(h);
    if (isCode(text, toks, k) || isNameWord(toks, k, caseless) || (kind & K_UNIT) !== 0) last = k;
    else if ((kind & K_PARTICLE) === 0 || last < 0) break;
  }
  return last;
}

/** Grows `b` over the lines or comma parts that continue the address. */
function extend(text: string, toks: TokenList, b: Block, caseless: boolean, stops: Uint8Array): void {
  const prev = b.first - 1;
  if (prev >= 0 && isNumber(text, toks, prev) && !isNumber(text, toks, b.first)) b.first = prev;
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
    if (!separated && (streetWordKind(toks.hash[p] as number) & K_UNIT) === 0 && !isCode(text, toks, p)) return;
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

function tokenAt(toks: TokenList, offset: number): number {
  let lo = 0;
  let hi = toks.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((toks.end[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

let stopScratch = new Uint8Array(256);

/**
 * Completes the street addresses of a tagging: adds street lines the rules recognise (a house
 * number next to a street-type word), grows every address over the lines that continue it
 * (unit, city, region, postcode, country) and drops the names found inside an address (a city
 * tagged LOCATION, a street named after a person). Other spans pass through unchanged.
 */
export function completeAddresses(text: string, toks: TokenList, spans: NerSpan[], caseless: boolean): NerSpan[] {
  const blocks: Block[] = [];
  for (const s of spans) {
    if (s.type === ADDRESS) blocks.push({ first: tokenAt(toks, s.start), last: tokenAt(toks, s.end - 1), score: s.score });
  }
  ruleStreets(text, toks, caseless, blocks);
  if (blocks.length === 0) return spans;
  if (stopScratch.length < toks.count) stopScratch = new Uint8Array(toks.count * 2);
  const stops = stopScratch.fill(0, 0, toks.count);
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
    if (b !== undefined && (toks.start[b.first] as number) < s.end) continue; // inside an address
    out.push(s);
  }
  for (const b of merged) {
    out.push({ type: ADDRESS, start: toks.start[b.first] as number, end: toks.end[b.last] as number, score: b.score });
  }
  return out.sort((a, b) => a.start - b.start);
}
