/** One anchor string and the expressions that may match from where it starts. */
export interface AnchorEntry {
  readonly anchor: string;
  /** The anchor's code units, compared with the text's. */
  readonly codes: Uint16Array;
  /** Expressions (slots) that may match from where the anchor starts. */
  readonly slots: number[];
}

/** Bits of the sets of three-character and word hashes. */
const SET_BITS = 12;
const GOLDEN = 0x9e3779b1;

/**
 * FNV-1a of three characters: `tokenHash` of a three-character string, so that a words view's
 * index (which holds it for every word's first three) is looked up without reading the word.
 */
export function headHash(c0: number, c1: number, c2: number): number {
  return Math.imul(Math.imul(Math.imul((0x811c9dc5 | 0) ^ c0, 0x01000193) ^ c1, 0x01000193) ^ c2, 0x01000193);
}

/** FNV-1a of `s[from, to)`, as `tokenHash` computes it. */
function hashOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/** The bit of hash `h` in a set (literals for SET_BITS: optimised code reads a module-level constant at every use). */
function bitOf(h: number): number {
  return (h ^ (h >>> 12) ^ (h >>> 24)) & 4095;
}

function setBit(set: Int32Array, h: number): void {
  const bit = bitOf(h);
  set[bit >>> 5] = (set[bit >>> 5] as number) | (1 << (bit & 31));
}

function hasBit(set: Int32Array, h: number): boolean {
  const bit = bitOf(h);
  return ((set[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

/** Four characters' low bytes, packed: the key of anchors of four characters or more. */
export function pack4(c0: number, c1: number, c2: number, c3: number): number {
  return ((c0 & 0xff) << 24) | ((c1 & 0xff) << 16) | ((c2 & 0xff) << 8) | (c3 & 0xff);
}

function packAt(s: string, k: number): number {
  return pack4(s.charCodeAt(k), s.charCodeAt(k + 1), s.charCodeAt(k + 2), s.charCodeAt(k + 3));
}

/** An open-addressing table size for `count` keys: a power of two, a quarter full at most. */
function sizeFor(count: number): number {
  let size = 16;
  while (size < count * 4) size *= 2;
  return size;
}

/** The lookup arrays of the anchors of four characters or more, built from the groups when needed. */
interface Compiled {
  readonly groups: number;
  /** Per slot: the packed first four characters, and the group number + 1 (0: empty). */
  readonly quadKeys: Int32Array;
  readonly quadGroups: Int32Array;
  readonly quadShift: number;
  /** Per slot: the packed next four characters of an eight-character anchor, its group + 1, its list + 1. */
  readonly eightKeys: Int32Array;
  readonly eightGroups: Int32Array;
  readonly eightLists: Int32Array;
  readonly eightShift: number;
  readonly lists: readonly (readonly AnchorEntry[])[];
}

/**
 * Anchors by their first characters, for `AnchoredMatcher`: two or three characters by the pair,
 * four or more by the packed first four (eight, the most common length, by all eight) in integer
 * hash tables. Packing keeps the low byte of each character, so a hit is confirmed against the
 * anchor's characters.
 *
 * Cheap tests before a lookup: the first character or pair some anchor starts with, and for a
 * words view (words one space apart) the words an anchor can start at. An anchor that has a space
 * after `headOffset` (0 for anchors at a word start, 1 for anchors that start with the space before
 * a word) can start only at the word before that space, so the table keeps the hashes of those
 * words; an anchor without one, at a word that starts with it, so the table keeps the hashes of its
 * first three characters.
 */
export class AnchorTable {
  readonly entries = new Map<string, AnchorEntry>();
  /** Whether every anchor starts with a space. */
  spaceFirst = true;
  /** Per ASCII character, 1 when some anchor starts with it; entry 128: some anchor starts beyond ASCII. */
  readonly first = new Uint8Array(129);
  /** ASCII pairs (first << 7 | second) some anchor starts with; and 1 when one starts beyond ASCII. */
  private readonly pairFirst = new Uint8Array(128 * 128);
  private pairFirstWide = 0;
  /** Anchors of two or three characters, by their first two; and which ASCII pairs (first << 7 | second) have one. */
  private readonly pairs = new Map<number, AnchorEntry[]>();
  private readonly asciiPairs = new Uint8Array(128 * 128);
  /** Anchors of four or more, by their packed first four: those of eight by the next four, the others listed. */
  private readonly groups = new Map<number, { readonly others: AnchorEntry[]; readonly eights: Map<number, AnchorEntry[]> }>();
  private compiled: Compiled | undefined;
  /** `headHash` of characters `headOffset` to `headOffset + 2` of every anchor; whether one is too short. */
  private readonly heads = new Int32Array(1 << (SET_BITS - 5));
  /** 1 when an anchor is too short for `heads` (a number, not a boolean: optimised code tests it in one step). */
  private shortHead = 0;
  /** For words views: hashes of whole words and of word starts an anchor can start at (see above). */
  private readonly words = new Int32Array(1 << (SET_BITS - 5));
  private readonly wordStarts = new Int32Array(1 << (SET_BITS - 5));
  private anyWord = 0;

  constructor(readonly headOffset: number) {}

  get empty(): boolean {
    return this.entries.size === 0;
  }

  entryFor(anchor: string): AnchorEntry {
    const known = this.entries.get(anchor);
    if (known !== undefined) return known;
    const entry: AnchorEntry = { anchor, codes: Uint16Array.from(anchor, (ch) => ch.charCodeAt(0)), slots: [] };
    this.entries.set(anchor, entry);
    const c0 = anchor.charCodeAt(0);
    const c1 = anchor.charCodeAt(1);
    if (c0 !== 0x20) this.spaceFirst = false;
    if (c0 < 128 && c1 < 128) this.pairFirst[(c0 << 7) | c1] = 1;
    else this.pairFirstWide = 1;
    this.first[c0 < 128 ? c0 : 128] = 1;
    this.noteHeads(anchor);
    if (anchor.length < 4) {
      if (c0 < 128 && c1 < 128) this.asciiPairs[(c0 << 7) | c1] = 1;
      const key = c0 * 65536 + c1;
      const list = this.pairs.get(key);
      if (list === undefined) this.pairs.set(key, [entry]);
      else list.push(entry);
      return entry;
    }
    this.compiled = undefined;
    const packed = packAt(anchor, 0);
    let group = this.groups.get(packed);
    if (group === undefined) this.groups.set(packed, (group = { others: [], eights: new Map() }));
    if (anchor.length === 8) {
      const next = packAt(anchor, 4);
      const list = group.eights.get(next);
      if (list === undefined) group.eights.set(next, [entry]);
      else list.push(entry);
    } else {
      group.others.push(entry);
    }
    return entry;
  }

  private noteHeads(anchor: string): void {
    const o = this.headOffset;
    if (anchor.length < o + 3) this.shortHead = 1;
    else setBit(this.heads, headHash(anchor.charCodeAt(o), anchor.charCodeAt(o + 1), anchor.charCodeAt(o + 2)));
    const space = anchor.indexOf(' ', o);
    if (space > o) setBit(this.words, hashOf(anchor, o, space));
    else if (space < 0 && anchor.length >= o + 3) setBit(this.wordStarts, headHash(anchor.charCodeAt(o), anchor.charCodeAt(o + 1), anchor.charCodeAt(o + 2)));
    else this.anyWord = 1;
  }

  /** Whether some anchor may start with characters `c0`, `c1`. */
  mayStart(c0: number, c1: number): boolean {
    return c0 < 128 && c1 < 128 ? this.pairFirst[(c0 << 7) | c1] === 1 : this.pairFirstWide !== 0;
  }

  /**
   * Whether an anchor of three characters or more past `headOffset` may start where the next three
   * characters hash (`headHash`) to `h` (true when the table has anchors too short to tell).
   */
  hasHead(h: number): boolean {
    return this.shortHead !== 0 || hasBit(this.heads, h);
  }

  /**
   * In a words view: whether an anchor may start at a word (`tokenHash` `hash`, `length`
   * characters, `head` the hash of its first three) — with the word, or with the space before it,
   * as `headOffset` says.
   */
  mayStartWord(hash: number, head: number, length: number): boolean {
    return this.anyWord !== 0 || hasBit(this.words, hash) || (length >= 3 && hasBit(this.wordStarts, head));
  }

  /** The anchors of two or three characters that start with `c0`, `c1`, if any. */
  pairAt(c0: number, c1: number): readonly AnchorEntry[] | undefined {
    // A map lookup costs far more than reading the table, and most pairs start no such anchor.
    if (c0 < 128 && c1 < 128 && this.asciiPairs[(c0 << 7) | c1] === 0) return undefined;
    return this.pairs.size === 0 ? undefined : this.pairs.get(c0 * 65536 + c1);
  }

  /** Whether the table has anchors of two or three characters. */
  get hasPairs(): boolean {
    return this.pairs.size > 0;
  }

  /** The lookup arrays of the anchors of four characters or more (built on first use after a change). */
  lookup(): Compiled {
    this.compiled ??= this.compile();
    return this.compiled;
  }

  private compile(): Compiled {
    const groups = [...this.groups];
    const quadSize = sizeFor(groups.length);
    const quadShift = 32 - Math.log2(quadSize);
    const quadKeys = new Int32Array(quadSize);
    const quadGroups = new Int32Array(quadSize);
    const lists: AnchorEntry[][] = [];
    const eightCount = groups.reduce((n, [, g]) => n + g.eights.size, 0);
    const eightSize = sizeFor(eightCount);
    const eightShift = 32 - Math.log2(eightSize);
    const eightKeys = new Int32Array(eightSize);
    const eightGroups = new Int32Array(eightSize);
    const eightLists = new Int32Array(eightSize);
    groups.forEach(([packed, group], g) => {
      let slot = Math.imul(packed, GOLDEN) >>> quadShift;
      while (quadGroups[slot] !== 0) slot = (slot + 1) & (quadSize - 1);
      quadKeys[slot] = packed;
      // The others' list is the group's own number: lists[g].
      quadGroups[slot] = g + 1;
      lists.push(group.others);
    });
    groups.forEach(([, group], g) => {
      for (const [next, list] of group.eights) {
        let slot = eightSlot(next, g + 1, eightShift);
        while (eightLists[slot] !== 0) slot = (slot + 1) & (eightSize - 1);
        eightKeys[slot] = next;
        eightGroups[slot] = g + 1;
        eightLists[slot] = lists.push(list);
      }
    });
    return { groups: groups.length, quadKeys, quadGroups, quadShift, eightKeys, eightGroups, eightLists, eightShift, lists };
  }
}

/** Where the eight-character anchors of group `group` (number + 1) with next four `next` are first looked for. */
function eightSlot(next: number, group: number, shift: number): number {
  return Math.imul(next ^ Math.imul(group, 0x85ebca6b), GOLDEN) >>> shift;
}

/** The group (number + 1) of anchors whose first four characters pack to `packed`, or 0. */
export function groupOf(table: Compiled, packed: number): number {
  const { quadKeys, quadGroups } = table;
  const mask = quadKeys.length - 1;
  for (let slot = Math.imul(packed, GOLDEN) >>> table.quadShift; ; slot = (slot + 1) & mask) {
    const group = quadGroups[slot] as number;
    if (group === 0 || quadKeys[slot] === packed) return group;
  }
}

/** The list (number + 1) of eight-character anchors of `group` (number + 1) whose next four pack to `next`, or 0. */
export function eightsOf(table: Compiled, group: number, next: number): number {
  const { eightKeys, eightGroups, eightLists } = table;
  const mask = eightKeys.length - 1;
  for (let slot = eightSlot(next, group, table.eightShift); ; slot = (slot + 1) & mask) {
    const list = eightLists[slot] as number;
    if (list === 0 || (eightKeys[slot] === next && eightGroups[slot] === group)) return list;
  }
}

