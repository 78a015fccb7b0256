import { regexAnchors } from './regex-anchors.js';
import { INDEX_FIELDS, INNER_BOUNDARY, SENTENCE_MARK } from './text-views.js';

/** The expressions that share one anchor string. */
interface Entry {
  readonly anchor: string;
  /** Expressions (slots) that may match from where the anchor starts. */
  readonly slots: number[];
}

/**
 * The anchors of four characters or more whose first four characters pack to `packed`: those of
 * eight (the most common length) by their next four, the others in a list.
 */
interface Group {
  readonly packed: number;
  readonly eights: Map<number, Entry[]>;
  readonly others: Entry[];
}

/** Anchors of four characters or more are found by a hash of their first four. */
const HASH_BITS = 16;
const HASH_SHIFT = 32 - HASH_BITS;
const HASH_MUL = 0x9e3779b1;

const FLATTEN = /^/;

/** States of an expression during `run`. */
const UNKNOWN = 0;
/** It matches the text. */
export const MATCHED = 1;
const BLOCKED = 2;
const ALLOWED = 3;

function pack(s: string, k: number): number {
  return ((s.charCodeAt(k) & 0xff) << 24) | ((s.charCodeAt(k + 1) & 0xff) << 16) | ((s.charCodeAt(k + 2) & 0xff) << 8) | (s.charCodeAt(k + 3) & 0xff);
}

/** Four characters packed, cut to 30 bits: a small integer, which a Map looks up without allocating. */
function key4(s: string, k: number): number {
  return pack(s, k) & 0x3fffffff;
}

/** `\w` of a regular expression without the u flag: A–Z a–z 0–9 _. */
function isWordChar(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** Anchors by their first characters: four or more by a hash of the first four, two or three by the pair. */
class AnchorTable {
  readonly entries = new Map<string, Entry>();
  /** Per hash of four characters, the list (number + 1) of groups starting so. */
  readonly quads = new Int32Array(1 << HASH_BITS);
  readonly quadLists: Group[][] = [];
  /** Per pair of ASCII characters (first << 7 | second), the list (number + 1) of 2–3-character anchors. */
  readonly asciiPairs = new Int32Array(128 * 128);
  /** The same for pairs with a character beyond ASCII (first * 65536 + second). */
  readonly widePairs = new Map<number, number>();
  readonly pairLists: Entry[][] = [];
  /** ASCII characters some anchor of four or more starts with; and whether one starts beyond ASCII. */
  readonly quadFirst = new Uint8Array(128);
  quadFirstWide = false;
  /** Whether every anchor starts with a space. */
  spaceFirst = true;
  /** ASCII pairs (first << 7 | second) some anchor starts with; and whether one starts beyond ASCII. */
  readonly pairFirst = new Uint8Array(128 * 128);
  pairFirstWide = false;

  /** Whether some anchor may start with characters `c0`, `c1` (a cheap test before the hash). */
  mayStart(c0: number, c1: number): boolean {
    return c0 < 128 && c1 < 128 ? this.pairFirst[(c0 << 7) | c1] === 1 : this.pairFirstWide;
  }

  get empty(): boolean {
    return this.entries.size === 0;
  }

  entryFor(anchor: string): Entry {
    const known = this.entries.get(anchor);
    if (known !== undefined) return known;
    const entry: Entry = { anchor, slots: [] };
    this.entries.set(anchor, entry);
    if (anchor.charCodeAt(0) !== 0x20) this.spaceFirst = false;
    const c0 = anchor.charCodeAt(0);
    const c1 = anchor.charCodeAt(1);
    if (c0 < 128 && c1 < 128) this.pairFirst[(c0 << 7) | c1] = 1;
    else this.pairFirstWide = true;
    if (anchor.length >= 4) {
      const first = anchor.charCodeAt(0);
      if (first < 128) this.quadFirst[first] = 1;
      else this.quadFirstWide = true;
      const packed = pack(anchor, 0);
      const h = Math.imul(packed, HASH_MUL) >>> HASH_SHIFT;
      let id = this.quads[h] as number;
      if (id === 0) this.quads[h] = id = this.quadLists.push([]);
      const groups = this.quadLists[id - 1] as Group[];
      let group = groups.find((g) => g.packed === packed);
      if (group === undefined) groups.push((group = { packed, eights: new Map(), others: [] }));
      if (anchor.length === 8) {
        const next = key4(anchor, 4);
        const list = group.eights.get(next);
        if (list === undefined) group.eights.set(next, [entry]);
        else list.push(entry);
      } else {
        group.others.push(entry);
      }
      return entry;
    }
    let id: number;
    if (c0 < 128 && c1 < 128) {
      id = this.asciiPairs[(c0 << 7) | c1] as number;
      if (id === 0) this.asciiPairs[(c0 << 7) | c1] = id = this.pairLists.push([]);
    } else {
      id = this.widePairs.get(c0 * 65536 + c1) ?? 0;
      if (id === 0) this.widePairs.set(c0 * 65536 + c1, (id = this.pairLists.push([])));
    }
    (this.pairLists[id - 1] as Entry[]).push(entry);
    return entry;
  }

  /** The 2–3-character anchors starting with characters `c0`, `c1`, if any. */
  pairAt(c0: number, c1: number): Entry[] | undefined {
    if (this.pairLists.length === 0) return undefined;
    const id = c0 < 128 && c1 < 128 ? (this.asciiPairs[(c0 << 7) | c1] as number) : this.widePairs.size > 0 ? (this.widePairs.get(c0 * 65536 + c1) ?? 0) : 0;
    return id === 0 ? undefined : this.pairLists[id - 1];
  }
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
  private readonly anywhere = new AnchorTable();
  private readonly atWordStart = new AnchorTable();
  /** Expressions that may match at position 0 without an anchor (`^`). */
  private readonly startSlots: number[] = [];
  /** What `coverage` last returned; replaced (not changed) when an expression gains anchors. */
  private covered: Uint8Array | undefined;

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
    // A regular expression run flattens a concatenated string in place; character reads and
    // startsWith on a concatenation are several times slower.
    FLATTEN.test(text);
    if (text.length > 0) for (const slot of this.startSlots) this.tryExpression(text, 0, slot, matched, allow);
    if (index !== undefined && text.length > 2 && this.anywhere.spaceFirst) {
      this.runWords(text, index, matched, allow);
      return;
    }
    const anywhere = this.anywhere;
    const atWordStart = this.atWordStart;
    // What each table holds, decided once rather than per character.
    const anywherePairs = anywhere.pairLists.length > 0;
    const anywhereQuads = anywhere.quadLists.length > 0;
    const anywhereFirst = anywhere.quadFirst;
    const anywhereWide = anywhere.quadFirstWide;
    const wordPairs = atWordStart.pairLists.length > 0;
    const wordQuads = atWordStart.quadLists.length > 0;
    const n = text.length;
    let packed = 0;
    // Bit k: whether the character k places back is a word character (bit 0: the current one).
    let word = 0;
    // The characters one, two and three places back.
    let prev = 0;
    let back2 = 0;
    let back3 = 0;
    for (let q = 0; q < n; q++) {
      const c = text.charCodeAt(q);
      packed = (packed << 8) | (c & 0xff);
      word = ((word << 1) | (isWordChar(c) ? 1 : 0)) & 0x1f;
      if (q >= 1) {
        // Two- and three-character anchors starting at q - 1.
        if (anywherePairs) {
          const entries = anywhere.pairAt(prev, c);
          if (entries !== undefined) this.tryAt(text, q - 1, entries, matched, allow);
        }
        if (wordPairs && (word & 0b110) === 0b010) {
          const entries = atWordStart.pairAt(prev, c);
          if (entries !== undefined) this.tryAt(text, q - 1, entries, matched, allow);
        }
      }
      if (q >= 3) {
        // Anchors of four or more starting at q - 3, whose first character is back3 (a word
        // start when bit 3 is set and bit 4 is not).
        if (anywhereQuads && (back3 < 128 ? anywhereFirst[back3] === 1 : anywhereWide) && anywhere.mayStart(back3, back2)) {
          this.tryQuads(anywhere, text, q, packed, matched, allow);
        }
        if (wordQuads && (word & 0b11000) === 0b01000 && atWordStart.mayStart(back3, back2)) this.tryQuads(atWordStart, text, q, packed, matched, allow);
      }
      back3 = back2;
      back2 = prev;
      prev = c;
    }
  }

  /**
   * The pass over a words view (`TextViews.words`, with its `index`), visiting words instead of
   * characters: there every space stands just before a token, and every run of word characters
   * begins a word or follows an apostrophe or a letter beyond ASCII inside one. So when all the
   * anchors that may start anywhere start with a space, the tokens' starts are the only places to
   * look.
   */
  private runWords(text: string, index: Int32Array, matched: Uint8Array, allow: (slot: number) => boolean): void {
    const anywhere = this.anywhere.empty ? undefined : this.anywhere;
    const atWordStart = this.atWordStart.empty ? undefined : this.atWordStart;
    for (let k = 0; k < index.length; k += INDEX_FIELDS) {
      const p = index[k] as number;
      const flags = index[k + 4] as number;
      if (anywhere !== undefined) this.tryPosition(anywhere, text, p - 1, matched, allow);
      if ((flags & SENTENCE_MARK) !== 0 || atWordStart === undefined) continue;
      if (isWordChar(text.charCodeAt(p))) this.tryPosition(atWordStart, text, p, matched, allow);
      if ((flags & INNER_BOUNDARY) === 0) continue;
      const end = p + (index[k + 1] as number);
      for (let j = p + 1; j < end; j++) {
        if (isWordChar(text.charCodeAt(j)) && !isWordChar(text.charCodeAt(j - 1))) this.tryPosition(atWordStart, text, j, matched, allow);
      }
    }
  }

  /** Tries the anchors of `table` that start at `p`. */
  private tryPosition(table: AnchorTable, text: string, p: number, matched: Uint8Array, allow: (slot: number) => boolean): void {
    if (!table.mayStart(text.charCodeAt(p), text.charCodeAt(p + 1))) return;
    if (table.pairLists.length > 0) {
      const entries = table.pairAt(text.charCodeAt(p), text.charCodeAt(p + 1));
      if (entries !== undefined) this.tryAt(text, p, entries, matched, allow);
    }
    if (p + 3 < text.length && table.quadLists.length > 0) this.tryQuads(table, text, p + 3, pack(text, p), matched, allow);
  }

  private tryQuads(table: AnchorTable, text: string, q: number, packed: number, matched: Uint8Array, allow: (slot: number) => boolean): void {
    const id = table.quads[Math.imul(packed, HASH_MUL) >>> HASH_SHIFT] as number;
    if (id === 0) return;
    // Comparing the packed characters first: most hash hits are other anchors' starts.
    for (const group of table.quadLists[id - 1] as Group[]) {
      if (group.packed !== packed) continue;
      if (group.others.length > 0) this.tryAt(text, q - 3, group.others, matched, allow);
      if (group.eights.size > 0 && q + 4 < text.length) {
        const eights = group.eights.get(key4(text, q + 1));
        if (eights !== undefined) this.tryAt(text, q - 3, eights, matched, allow);
      }
    }
  }

  /** Handles the entries whose anchor starts at `p`. */
  private tryAt(text: string, p: number, entries: readonly Entry[], matched: Uint8Array, allow: (slot: number) => boolean): void {
    for (const entry of entries) {
      if (!text.startsWith(entry.anchor, p)) continue;
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
