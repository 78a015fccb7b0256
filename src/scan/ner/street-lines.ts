import { Shape, type TokenList } from './tokenize.js';
import * as streetWords from './street-words.js';
import * as addressTokens from './address-tokens.js';
import type { Block } from './address-tokens.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { StreetKind, hasGluedStreetEnding, streetWordKind, wordHash } = streetWords;
const { DOT, HYPHEN, RULE_SCORE, charHash, isAbbreviationDot, isGlued, isNameWord, isNumber, sameLine } = addressTokens;

// Street lines recognised by rule: a house number next to a street-type word in the orders
// the languages use, two streets at a corner, a post-office box, a military post address.
const S_LOWER = Shape.LOWER;
const S_CAPITALIZED = Shape.CAPITALIZED;
const S_DIGITS = Shape.DIGITS;
const S_ALNUM = Shape.ALNUM;
const S_PUNCT = Shape.PUNCT;
const K_AFTER = StreetKind.AFTER_NAME;
const K_BEFORE = StreetKind.BEFORE_NAME;
const K_PARTICLE = StreetKind.PARTICLE;
const K_DIRECTION = StreetKind.DIRECTION;
const K_AFTER_NUMBER = StreetKind.AFTER_NUMBER_ONLY;
const K_AMBIGUOUS = StreetKind.AMBIGUOUS_LOWER;
/** Longest phrase of a street name. */
const MAX_PHRASE = 6;

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
    // Mid-sentence, a capitalised common word names streets too ("Main", "Park", "Oak").
    const name = isNameWord(toks, k, caseless) || shape === S_CAPITALIZED;
    // After a house number even a lower-case street word counts ("33 avenue de Provence").
    if (k === n + 1 && (kind & K_BEFORE) !== 0 && (shape !== S_LOWER || (kind & K_AMBIGUOUS) === 0)) {
      before = true;
      continue;
    }
    if (((kind & K_AFTER) !== 0 || ((kind & K_AFTER_NUMBER) !== 0 && shape !== S_LOWER)) && names > 0) {
      end = k;
      break;
    }
    if (name && hasGluedStreetEnding(text, toks.start[k] as number, toks.end[k] as number)) {
      // "12 Hauptstraße" is not how these languages write it, but "1898 Schulstraße" is a
      // year: a number first needs a house number after the street too ("6750 Koskikatu 25").
      if (k + 1 >= toks.count || !isNumber(text, toks, k + 1)) return -1;
      end = k;
      break;
    }
    if (name) {
      names++;
      if (before) end = k;
    } else if ((kind & K_PARTICLE) === 0 || (names === 0 && !before)) {
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

const CORNER = wordHash('corner');
const OF = wordHash('of');
const THE = wordHash('the');
const AND = wordHash('and');
const AMPERSAND = charHash(38);

/** End of a run of 1..MAX_PHRASE street-name tokens from `k` on one line, or -1. */
function nameRun(text: string, toks: TokenList, k: number, caseless: boolean): number {
  let last = -1;
  for (let j = k; j < k + MAX_PHRASE && sameLine(toks, j); j++) {
    const h = toks.hash[j] as number;
    if (isNameWord(toks, j, caseless) || isNumber(text, toks, j) || (streetWordKind(h) & (K_AFTER | K_BEFORE)) !== 0) last = j;
    else if (!isAbbreviationDot(toks, j) && h !== HYPHEN && ((streetWordKind(h) & K_PARTICLE) === 0 || last < 0)) break;
  }
  return last;
}

/** "(the) corner of Elm Street and 5th Avenue": two streets named by their crossing. */
function cornerAt(text: string, toks: TokenList, i: number, caseless: boolean, out: Block[]): number {
  // Bounds first: the token arrays are reused, so past `count` they hold an older text.
  if (i + 2 >= toks.count || (toks.hash[i + 1] as number) !== OF) return i;
  const firstEnd = nameRun(text, toks, i + 2, caseless);
  if (firstEnd < 0 || firstEnd + 2 >= toks.count) return i;
  const h = toks.hash[firstEnd + 1] as number;
  if (h !== AND && h !== AMPERSAND) return i;
  const secondEnd = nameRun(text, toks, firstEnd + 2, caseless);
  if (secondEnd < 0) return i;
  const first = i > 0 && (toks.hash[i - 1] as number) === THE ? i - 1 : i;
  out.push({ first, last: secondEnd, score: RULE_SCORE });
  return secondEnd;
}

const BOX = wordHash('box');
const PO = wordHash('po');
const P = wordHash('p');
const O = wordHash('o');
const POSTFACH = wordHash('postfach');
const OFFICE = wordHash('office');
const POST = wordHash('post');
const PSC = wordHash('psc');
const CMR = wordHash('cmr');

/** First token of "PO", "P.O." or "Post Office" ending right before token `i`, or -1. */
function postOfficeBefore(toks: TokenList, i: number): number {
  const h = (k: number): number => (k >= 0 ? (toks.hash[k] as number) : 0);
  if (h(i - 1) === PO) return i - 1;
  if (h(i - 1) === DOT && h(i - 2) === PO) return i - 2;
  if (h(i - 1) === OFFICE && h(i - 2) === POST) return i - 2;
  // "P.O." is four tokens; the last dot may be missing ("P.O Box").
  const j = h(i - 1) === DOT ? i - 2 : i - 1;
  return h(j) === O && h(j - 1) === DOT && h(j - 2) === P ? j - 2 : -1;
}

/** "P.O. Box 255", "PO Box 12", "Postfach 10 01 23": a postal box is an address by itself. */
function postBoxAt(text: string, toks: TokenList, i: number, out: Block[]): number {
  const h = toks.hash[i] as number;
  const first = h === POSTFACH ? i : postOfficeBefore(toks, i);
  if (first < 0 || i + 1 >= toks.count || !isNumber(text, toks, i + 1)) return i;
  let last = i + 1;
  while (last + 1 < toks.count && (toks.shape[last + 1] as number) === S_DIGITS && !isGlued(toks, last + 1)) last++;
  out.push({ first, last, score: RULE_SCORE });
  return last;
}

/** Appends the street lines the rules find in `toks` to `out`, in token order. */
export function findStreetLines(text: string, toks: TokenList, caseless: boolean, out: Block[]): void {
  // Runs over every token of every text: the arrays in locals, numbers and "corner" only.
  const { shape: shapes, hash: hashes, count } = toks;
  for (let n = 0; n < count; n++) {
    const shape = shapes[n] as number;
    if (shape !== S_DIGITS && shape !== S_ALNUM) {
      const h = hashes[n] as number;
      if (h === CORNER) n = cornerAt(text, toks, n, caseless, out);
      else if (h === BOX || h === POSTFACH) n = postBoxAt(text, toks, n, out);
      else if ((h === PSC || h === CMR) && n + 1 < count && isNumber(text, toks, n + 1)) {
        // US military mail: "PSC 3117, Box 9168", then "APO AE 94560" as its next line.
        out.push({ first: n, last: n + 1, score: RULE_SCORE });
        n++;
      }
      continue;
    }
    if (!isNumber(text, toks, n) || isGlued(toks, n)) continue;
    // A number may close one street and open the next part ("Λεωφόρος Συγγρού 119 Nino Point").
    const first = streetBeforeNumber(text, toks, n, caseless);
    const end = streetAfterNumber(text, toks, n, caseless);
    if (first < 0 && end < 0) continue;
    out.push({ first: first < 0 ? n : first, last: end < 0 ? n : end, score: RULE_SCORE });
    if (end > n) n = end;
  }
}

