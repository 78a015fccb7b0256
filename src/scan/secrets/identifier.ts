import { isAsciiLetter, isDigit } from '../pii/char-codes.js';

/** Characters of a configuration key, variable or header name (`API_KEY`, `db.password`, `X-Api-Key`). */
export function isIdentifierCode(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 45; // _ . -
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** The identifier around `[from, to)`: expanded left and right over identifier characters. */
export function expandIdentifier(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  while (start > 0 && isIdentifierCode(text.charCodeAt(start - 1))) start--;
  let end = to;
  while (end < text.length && isIdentifierCode(text.charCodeAt(end))) end++;
  // A leading `-`/`.` belongs to a flag or a path, not to the name (`--password` → `password`).
  while (start < end && (text.charCodeAt(start) === 45 || text.charCodeAt(start) === 46)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 45 || text.charCodeAt(end - 1) === 46)) end--;
  return { start, end };
}

/**
 * The lower-case words of an identifier: split on `_ . -`, camelCase and digit runs
 * (`awsSecretAccessKey` → aws, secret, access, key; `APIKey` → api, key). Digits are dropped.
 */
export function identifierWords(identifier: string): string[] {
  const words: string[] = [];
  for (const m of identifier.matchAll(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g)) words.push(m[0].toLowerCase());
  return words;
}

/**
 * True when `keyword` (lower case, length `len`) at `pos` of `raw` stands as a word of the
 * identifier: it does not start or end inside a lower-case run of letters. `SumoLogic`,
 * `SUMO_KEY` and `sumo.key` hold `sumo`; `sumOfExposures` and `consumo` do not.
 */
export function standsAsWord(raw: string, pos: number, len: number): boolean {
  const end = pos + len;
  if (pos > 0) {
    const before = raw.charCodeAt(pos - 1);
    // Preceded by a letter, the keyword must start a camel word (`myOkta`) or sit in a capitals run.
    if (isAsciiLetter(before) && !isUpper(raw.charCodeAt(pos))) return false;
  }
  // Followed by a lower-case letter, the keyword is only the start of a longer word.
  return end >= raw.length || !isLower(raw.charCodeAt(end));
}
