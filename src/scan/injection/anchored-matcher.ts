import { AnchorTable, eightsOf, groupOf, headHash, pack4, type AnchorEntry } from './anchor-table.js';
import { regexAnchors } from './regex-anchors.js';
import { textUnits } from './text-units.js';
import { INDEX_FIELDS } from './text-views.js';

const FLATTEN = /^/;

/** States of an expression during `run`. */
const UNKNOWN = 0;
/** It matches the text. */
export const MATCHED = 1;
const BLOCKED = 2;
const ALLOWED = 3;

/** `\w` of a regular expression without the u flag: A–Z a–z 0–9 _. */
function isWordChar(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * Finds, in one pass over a text, which of many regular expressions match it. Each expression's
 * anchors (`regexAnchors`) say where a match can start; the pass looks positions up in a hash of
 * anchor starts and tries an expression (sticky, so it sees the whole text around it, as a scan
 * would) only where one of its anchors occurs. Anchors that can only start a match at a word
 * boundary are looked up only where a run of word characters begins. The answer is exactly
 * `re.test`'s: whether the expression matches anywhere. Expressions are analysed on demand
 * (`prepare`), so loading costs nothing; an expression not prepared, or without anchors, is the
 * caller's to test.
 */
export class AnchoredMatcher {
  private readonly expressions: RegExp[] = [];
  private readonly sticky: (RegExp | undefined)[] = [];
  /** undefined: not analysed yet; false: no anchors. */
  private readonly anchored: (boolean | undefined)[] = [];
  /** Anchors looked up at every position, and those looked up only where a word begins. */
  private readonly anywhere = new AnchorTable(1);
  private readonly atWordStart = new AnchorTable(0);
  /** Expressions that may match at position 0 without an anchor (`^`). */
  private readonly startSlots: number[] = [];
  /** What `coverage` last returned; replaced (not changed) when an expression gains anchors. */
  private covered: Uint8Array | undefined;
  /** See `characterClasses`; dropped when an expression gains anchors. */
  private classes: Uint8Array | undefined;

  /** Adds an expression (no flags); returns its slot. */
  add(re: RegExp): number {
    this.expressions.push(re);
    this.sticky.push(undefined);
    this.anchored.push(undefined);
    return this.expressions.length - 1;
  }

  /** The expression in `slot`. */
  expression(slot: number): RegExp {
    return this.expressions[slot] as RegExp;
  }

  /** How many expressions were added. */
  get size(): number {
    return this.expressions.length;
  }

  /**
   * Works out expression `slot`'s anchors (once); from then on `run` tests it. False when it has
   * no anchors, so that the caller must test it over the whole text.
   */
  prepare(slot: number): boolean {
    const known = this.anchored[slot];
    if (known !== undefined) return known;
    const re = this.expressions[slot] as RegExp;
    const found = re.flags === '' ? regexAnchors(re.source) : undefined;
    this.anchored[slot] = found !== undefined;
    if (found === undefined) return false;
    this.covered = undefined;
    this.classes = undefined;
    this.sticky[slot] = new RegExp(re.source, 'y');
    if (found.atStart) this.startSlots.push(slot);
    for (const anchor of found.anchors) (anchor.atWordStart ? this.atWordStart : this.anywhere).entryFor(anchor.text).slots.push(slot);
    return true;
  }

  /** Prepares every expression added so far (see `prepare`). */
  prepareAll(): void {
    for (let slot = 0; slot < this.expressions.length; slot++) this.prepare(slot);
  }

  /** Per expression, 1 when `run` tests it (prepared, with anchors), as of now (never changed later). */
  coverage(): Uint8Array {
    if (this.covered === undefined || this.covered.length !== this.expressions.length) {
      this.covered = new Uint8Array(this.expressions.length);
      for (let i = 0; i < this.covered.length; i++) if (this.anchored[i] === true) this.covered[i] = 1;
    }
    return this.covered;
  }

  /**
   * One pass over `text`: sets `matched[slot]` to MATCHED for each prepared expression with
   * anchors that matches it. `allow(slot)` is asked once per expression, before its first try; when
   * it says no, the expression is not tried (BLOCKED). `matched` starts all 0.
   */
  run(text: string, matched: Uint8Array, allow: (slot: number) => boolean, index?: Int32Array): void {
    // A regular expression run flattens a concatenated string in place; the sticky tries are
    // regular expression runs on it.
    FLATTEN.test(text);
    if (text.length > 0) for (const slot of this.startSlots) this.tryExpression(text, 0, slot, matched, allow);
    // Characters are read from a typed array: in optimised code every charCodeAt dispatches on the
    // string's layout. units[n] is 0.
    const units = textUnits(text);
    if (index !== undefined && text.length > 2 && this.anywhere.spaceFirst) {
      this.runWords(text, units, index, matched, allow);
      return;
    }
    const anywhere = this.anywhere;
    const atWordStart = this.atWordStart;
    const classes = this.characterClasses();
    const n = text.length;
    // Anchors have two characters or more: the last character starts none.
    let prevWord = 0;
    for (let p = 0; p + 1 < n; p++) {
      const c = units[p] as number;
      const k = classes[c < 128 ? c : 128] as number;
      if ((k & 1) !== 0 && (p + 3 >= n || anywhere.hasHead(headHash(units[p + 1] as number, units[p + 2] as number, units[p + 3] as number)))) {
        this.tryPosition(anywhere, text, units, p, matched, allow);
      }
      // Anchors after `\b` are looked up only where a run of word characters begins.
      const word = k & 2;
      if (word > prevWord && (k & 4) !== 0 && (p + 2 >= n || atWordStart.hasHead(headHash(c, units[p + 1] as number, units[p + 2] as number)))) {
        this.tryPosition(atWordStart, text, units, p, matched, allow);
      }
      prevWord = word;
    }
  }

  /**
   * Per ASCII character (128: any other), what the character pass asks of it, as bits: 1, an
   * anchor that may start anywhere starts with it; 2, it is a word character (`\w`); 4, an anchor
   * at a word start starts with it. One table read a character instead of three.
   */
  private characterClasses(): Uint8Array {
    if (this.classes !== undefined) return this.classes;
    const classes = new Uint8Array(129);
    for (let c = 0; c <= 128; c++) {
      classes[c] = (this.anywhere.first[c] === 1 ? 1 : 0) | (c < 128 && isWordChar(c) ? 2 : 0) | (this.atWordStart.first[c] === 1 ? 4 : 0);
    }
    this.classes = classes;
    return classes;
  }

  /**
   * The pass over a words view (`TextViews.words`, with its `index`), visiting words instead of
   * characters: there every space stands just before a token, and every run of word characters
   * begins a word or follows an apostrophe or a letter beyond ASCII inside one. So when all the
   * anchors that may start anywhere start with a space, the tokens' starts are the only places to
   * look.
   */
  private runWords(text: string, units: Uint16Array, index: Int32Array, matched: Uint8Array, allow: (slot: number) => boolean): void {
    const anywhere = this.anywhere.empty ? undefined : this.anywhere;
    const atWordStart = this.atWordStart.empty ? undefined : this.atWordStart;
    // Literals for SENTENCE_MARK and INNER_BOUNDARY, a local for INDEX_FIELDS: optimised code
    // reads a module-level constant from memory at every use.
    const stride = INDEX_FIELDS;
    for (let k = 0; k < index.length; k += stride) {
      const p = index[k] as number;
      const flags = index[k + 4] as number;
      // A word no anchor can start at (by its hash and its first three characters' hash, which the
      // index holds) is passed over without reading it; a sentence mark is looked at.
      const mark = (flags & 1) !== 0;
      const length = index[k + 1] as number;
      const hash = index[k + 2] as number;
      const head = index[k + 3] as number;
      if (anywhere !== undefined && (mark || anywhere.mayStartWord(hash, head, length))) this.tryPosition(anywhere, text, units, p - 1, matched, allow);
      if (mark || atWordStart === undefined) continue;
      if (atWordStart.mayStartWord(hash, head, length) && isWordChar(units[p] as number)) this.tryPosition(atWordStart, text, units, p, matched, allow);
      if ((flags & 2) === 0) continue;
      const end = p + (index[k + 1] as number);
      for (let j = p + 1; j < end; j++) {
        if (isWordChar(units[j] as number) && !isWordChar(units[j - 1] as number)) this.tryPosition(atWordStart, text, units, j, matched, allow);
      }
    }
  }

  /** Tries the anchors of `table` that start at `p` (`units` are the text's, with a 0 after them). */
  private tryPosition(table: AnchorTable, text: string, units: Uint16Array, p: number, matched: Uint8Array, allow: (slot: number) => boolean): void {
    const n = text.length;
    if (p + 1 >= n) return;
    const c0 = units[p] as number;
    const c1 = units[p + 1] as number;
    if (!table.mayStart(c0, c1)) return;
    if (table.hasPairs) {
      const entries = table.pairAt(c0, c1);
      if (entries !== undefined) this.tryAt(text, units, p, entries, matched, allow);
    }
    if (p + 3 >= n) return;
    const lookup = table.lookup();
    const group = groupOf(lookup, pack4(c0, c1, units[p + 2] as number, units[p + 3] as number));
    if (group === 0) return;
    const others = lookup.lists[group - 1] as readonly AnchorEntry[];
    if (others.length > 0) this.tryAt(text, units, p, others, matched, allow);
    if (p + 7 >= n) return;
    const list = eightsOf(lookup, group, pack4(units[p + 4] as number, units[p + 5] as number, units[p + 6] as number, units[p + 7] as number));
    if (list !== 0) this.tryAt(text, units, p, lookup.lists[list - 1] as readonly AnchorEntry[], matched, allow);
  }

  /** Handles the entries whose anchor starts at `p` (packing keeps only low bytes: the characters are compared). */
  private tryAt(text: string, units: Uint16Array, p: number, entries: readonly AnchorEntry[], matched: Uint8Array, allow: (slot: number) => boolean): void {
    const n = text.length;
    for (const entry of entries) {
      const codes = entry.codes;
      if (p + codes.length > n) continue;
      let same = true;
      for (let k = 0; k < codes.length && same; k++) same = units[p + k] === codes[k];
      if (!same) continue;
      for (const slot of entry.slots) this.tryExpression(text, p, slot, matched, allow);
    }
  }

  private tryExpression(text: string, p: number, slot: number, matched: Uint8Array, allow: (slot: number) => boolean): void {
    let state = matched[slot] as number;
    if (state === MATCHED || state === BLOCKED) return;
    if (state === UNKNOWN) matched[slot] = state = allow(slot) ? ALLOWED : BLOCKED;
    if (state === BLOCKED) return;
    const re = this.sticky[slot] as RegExp;
    re.lastIndex = p;
    if (re.test(text)) matched[slot] = MATCHED;
  }
}
