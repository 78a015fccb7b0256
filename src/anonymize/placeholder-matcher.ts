import { MAX_LABEL_LENGTH, MAX_PLACEHOLDER_DIGITS, PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN } from './placeholder.js';
import type { Vault } from './vault.js';

/*
 * The tolerated placeholder forms, shared by `restore` and the streaming restorer so both make
 * exactly the same decisions. A match needs all of:
 *  1. a core `LABEL_N`: a whole word of [A-Za-z0-9_] whose label, upper-cased, and number
 *     (digits as issued, no leading zeros added) name a placeholder the vault issued;
 *  2. optionally an opening bracket before it: ⟦ 〚 [[ or [ , then at most 2 spaces;
 *  3. optionally at most 2 spaces and a closing bracket after it: ⟧ 〛 ]] or ] .
 * Brackets need not pair up. Without an opening bracket the core must not follow a word
 * character. Anything else, including well-formed placeholders the vault never issued, is text.
 */

const MAX_SPACES = 2;
/** Longest core: label, `_`, digits. */
const MAX_CORE = MAX_LABEL_LENGTH + 1 + MAX_PLACEHOLDER_DIGITS;
/**
 * Most characters a tolerated placeholder can still be waiting for: the stream restorer never
 * holds back more than this (plus one half of a split surrogate pair).
 */
export const MAX_HELD_BACK = 2 + MAX_SPACES + MAX_CORE + MAX_SPACES + 1;

const OPEN_ALT = 0x301a; // 〚
const CLOSE_ALT = 0x301b; // 〛
const OPEN = PLACEHOLDER_OPEN.charCodeAt(0);
const CLOSE = PLACEHOLDER_CLOSE.charCodeAt(0);
const LSQB = 0x5b;
const RSQB = 0x5d;
const SPACE = 0x20;
const UNDERSCORE = 0x5f;

/** True for [A-Za-z]. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
/** True for [A-Za-z0-9_]. */
export function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === UNDERSCORE;
}
/** True for characters that may open a tolerated placeholder. */
export function isOpenBracket(c: number): boolean {
  return c === OPEN || c === OPEN_ALT || c === LSQB;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** What the matcher needs besides the text: the vault, and whether the input has ended. */
export interface MatchContext {
  readonly vault: Vault;
  /** True when no more text will follow, so the end of `text` is the end of the input. */
  readonly final: boolean;
}

/** A placeholder at `start`, ending before `end`, standing for `value`. */
export interface PlaceholderMatch {
  readonly end: number;
  readonly value: string;
}

/** The matcher could not decide without seeing more text. */
export const MORE = 'more';

/**
 * Tries to match a tolerated placeholder starting at `start` (an opening bracket, or a letter
 * not preceded by a word character: `prev` is the code of the character before `start`, or -1).
 * Returns the match, `undefined` when there is none, or {@link MORE} when (non-final only) the
 * answer depends on characters beyond the end of `text`.
 */
export function matchPlaceholderAt(
  text: string,
  start: number,
  prev: number,
  ctx: MatchContext,
): PlaceholderMatch | undefined | typeof MORE {
  const len = text.length;
  const c = text.charCodeAt(start);
  let j = start;
  if (c === OPEN || c === OPEN_ALT) j++;
  else if (c === LSQB) {
    if (start + 1 >= len) return ctx.final ? undefined : MORE;
    j += text.charCodeAt(start + 1) === LSQB ? 2 : 1;
  } else if (!isAsciiLetter(c) || isWordChar(prev)) return undefined;
  if (j > start) {
    for (let s = 0; s < MAX_SPACES && j < len && text.charCodeAt(j) === SPACE; s++) j++;
    if (j >= len) return ctx.final ? undefined : MORE;
  }
  if (!isAsciiLetter(text.charCodeAt(j))) return undefined;

  const coreStart = j;
  let underscore = -1;
  while (j < len && j - coreStart <= MAX_CORE) {
    const w = text.charCodeAt(j);
    if (!isWordChar(w)) break;
    if (w === UNDERSCORE) underscore = j;
    j++;
  }
  if (j - coreStart > MAX_CORE) return undefined;
  if (j >= len && !ctx.final) return couldBecomePlaceholder(text, coreStart, j, ctx.vault.labels()) ? MORE : undefined;
  const digits = j - underscore - 1;
  if (underscore <= coreStart || digits < 1 || digits > MAX_PLACEHOLDER_DIGITS) return undefined;
  for (let d = underscore + 1; d < j; d++) if (!isDigit(text.charCodeAt(d))) return undefined;
  const canonical = PLACEHOLDER_OPEN + text.slice(coreStart, j).toUpperCase() + PLACEHOLDER_CLOSE;
  const value = ctx.vault.valueFor(canonical);
  if (value === undefined) return undefined;

  let k = j;
  for (let s = 0; s < MAX_SPACES && k < len && text.charCodeAt(k) === SPACE; s++) k++;
  if (k >= len) return ctx.final ? { end: j, value } : MORE;
  const close = text.charCodeAt(k);
  if (close === CLOSE || close === CLOSE_ALT) return { end: k + 1, value };
  if (close !== RSQB) return { end: j, value };
  if (k + 1 >= len) return ctx.final ? { end: k + 1, value } : MORE;
  return { end: text.charCodeAt(k + 1) === RSQB ? k + 2 : k + 1, value };
}

/** `c` upper-cased when it is an ASCII lower-case letter (cores hold [A-Za-z0-9_] only). */
function asciiUpper(c: number): number {
  return c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
}

/**
 * Whether a word cut off by the end of the input, `text[from, to)`, could still grow into an
 * issued core (a label, `_`, digits); if not, it is released at once instead of being held back.
 * Compares in place: this runs for the last word of every streamed chunk.
 */
function couldBecomePlaceholder(text: string, from: number, to: number, labels: Iterable<string>): boolean {
  const length = to - from;
  for (const label of labels) {
    const stem = label.length + 1; // the label and its `_`
    const common = Math.min(length, stem);
    let same = true;
    for (let k = 0; same && k < common; k++) {
      const want = k < label.length ? label.charCodeAt(k) : UNDERSCORE;
      if (asciiUpper(text.charCodeAt(from + k)) !== want) same = false;
    }
    if (!same) continue;
    // A prefix of the stem, or the stem and then at most the digits a number may have.
    if (length <= stem) return true;
    if (length - stem > MAX_PLACEHOLDER_DIGITS) continue;
    let digits = true;
    for (let k = from + stem; digits && k < to; k++) digits = isDigit(text.charCodeAt(k));
    if (digits) return true;
  }
  return false;
}
