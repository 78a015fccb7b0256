import { textUnits } from './text-units.js';
import { INDEX_FIELDS, tokenHash, type TextViews } from './text-views.js';

// Letters of any script make a word cue; emoji and punctuation make a substring cue.
const WORD_RUN = /[a-z0-9'\u00c0-\ud7ff]+/g;

/**
 * One index of the cues of every family, so that a text is checked against all of them in one
 * pass over its words plus one substring search per punctuation cue.
 */
const registry = {
  ids: new Map<string, number>(),
  exact: new Map<string, number[]>(),
  prefix: new Map<string, [string, number][]>(),
  marks: [] as [string, number][],
};

/** Registers a cue of a pattern of `view` (`InjectionPattern.needs`); returns its id (-1: always present). */
export function cueId(cue: string, view: 'words' | 'text'): number {
  const words = cue.match(WORD_RUN) ?? [];
  if (words.length === 0) {
    const known = registry.ids.get(`#${cue}`);
    if (known !== undefined) return known;
    const id = registry.ids.size;
    registry.ids.set(`#${cue}`, id);
    registry.marks.push([cue, id]);
    return id;
  }
  let word = words[0] as string;
  for (const w of words) if (w.length > word.length) word = w;
  const isLast = word === words[words.length - 1];
  // A words-view cue that starts inside a word ("n't ") cannot be looked up by word.
  if (view === 'words' && !cue.startsWith(' ') && word === words[0]) return -1;
  const whole = !isLast || (view === 'words' && cue.endsWith(' '));
  const key = `${whole ? '=' : '^'}${word}`;
  const known = registry.ids.get(key);
  if (known !== undefined) return known;
  const id = registry.ids.size;
  registry.ids.set(key, id);
  if (whole || word.length < 3) {
    registry.exact.set(word, [...(registry.exact.get(word) ?? []), id]);
  } else {
    const head = word.slice(0, 3);
    registry.prefix.set(head, [...(registry.prefix.get(head) ?? []), [word, id]]);
  }
  return id;
}

/**
 * The word cues as hash tables over `tokenHash`, rebuilt when cues were registered since. The
 * entries of hash slot k are `start[k]` to `start[k + 1]`, each with its word's full hash, so that
 * most words are told apart without comparing characters; a bit per slot says whether it has any.
 */
interface CueTables {
  readonly registered: number;
  /** Whole words: by the hash of the word. */
  readonly exact: CueTable;
  /** Word starts: by the hash of the first three characters. */
  readonly prefix: CueTable;
}

interface CueTable {
  /** One bit per slot: whether it has entries. */
  readonly bits: Int32Array;
  readonly start: Int32Array;
  readonly hashes: Int32Array;
  /** The cue words' code units, compared with the text's. */
  readonly codes: readonly Uint16Array[];
  /** Per entry, its cue ids: set together, and by this entry alone. */
  readonly ids: readonly (readonly number[])[];
}

const CUE_BITS = 12;
let tables: CueTables | undefined;

function slotOf(h: number): number {
  return (h ^ (h >>> CUE_BITS) ^ (h >>> (2 * CUE_BITS))) & ((1 << CUE_BITS) - 1);
}

/** Entries (word, hash, ids) grouped by the slot of their hash. */
function cueTable(entries: readonly (readonly [string, number, readonly number[]])[]): CueTable {
  const bits = new Int32Array(1 << (CUE_BITS - 5));
  const start = new Int32Array((1 << CUE_BITS) + 1);
  for (const [, h] of entries) {
    const slot = slotOf(h);
    (start[slot + 1] as number)++;
    bits[slot >>> 5] = (bits[slot >>> 5] as number) | (1 << (slot & 31));
  }
  for (let k = 0; k < 1 << CUE_BITS; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const order = entries.map((_, i) => i).sort((x, y) => slotOf((entries[x] as [string, number, number[]])[1]) - slotOf((entries[y] as [string, number, number[]])[1]) || x - y);
  const sorted = order.map((i) => entries[i] as readonly [string, number, readonly number[]]);
  return {
    bits,
    start,
    hashes: Int32Array.from(sorted, ([, h]) => h),
    codes: sorted.map(([word]) => Uint16Array.from(word, (ch) => ch.charCodeAt(0))),
    ids: sorted.map(([, , ids]) => ids),
  };
}

function cueTables(): CueTables {
  if (tables !== undefined && tables.registered === registry.ids.size) return tables;
  tables = {
    registered: registry.ids.size,
    exact: cueTable([...registry.exact].map(([word, ids]) => [word, tokenHash(word), ids] as const)),
    prefix: cueTable([...registry.prefix.values()].flat().map(([word, id]) => [word, tokenHash(word.slice(0, 3)), [id]] as const)),
  };
  return tables;
}

/**
 * Marks the cues of the entries of `table` with hash `h` whose word is at `units[at, at + length)`
 * (`whole`) or starts it, and lists them in `ids`.
 */
function markCues(table: CueTable, h: number, units: Uint16Array, at: number, length: number, whole: boolean, seen: Uint8Array, ids: number[]): void {
  const slot = (h ^ (h >>> 12) ^ (h >>> 24)) & 4095; // slotOf, with literals
  for (let j = table.start[slot] as number, last = table.start[slot + 1] as number; j < last; j++) {
    if (table.hashes[j] !== h) continue;
    const entryIds = table.ids[j] as readonly number[];
    // An entry's ids are set together and by it alone: once its first is seen, so are the rest.
    if (seen[entryIds[0] as number] === 1) continue;
    const codes = table.codes[j] as Uint16Array;
    if (whole ? codes.length !== length : codes.length > length) continue;
    let same = true;
    for (let k = 0; k < codes.length && same; k++) same = units[at + k] === codes[k];
    if (!same) continue;
    for (const id of entryIds) {
      seen[id] = 1;
      ids.push(id);
    }
  }
}

/**
 * Which registered cues a text has: one pass over its words (looked up by the hashes the views
 * hold, confirmed against the text where the index says each word starts), one search per
 * punctuation cue. Pass the answer on as it is: the pattern search lists the cues it set when the
 * answer was made.
 */
export function seenCues(views: TextViews): Uint8Array {
  const seen = new Uint8Array(registry.ids.size);
  const ids: number[] = [];
  const { exact, prefix } = cueTables();
  const { index, text } = views;
  const units = textUnits(text);
  const exactBits = exact.bits;
  const prefixBits = prefix.bits;
  const end = index.length;
  const stride = INDEX_FIELDS;
  // Literal constants (SENTENCE_MARK, CUE_BITS): optimised code reads a module-level one from memory at each use.
  for (let k = 0; k < end; k += stride) {
    if (((index[k + 4] as number) & 1) !== 0) continue;
    const h = index[k + 2] as number;
    let slot = (h ^ (h >>> 12) ^ (h >>> 24)) & 4095;
    // Most words have no cue: one bit says so.
    if (((exactBits[slot >>> 5] as number) & (1 << (slot & 31))) !== 0) markCues(exact, h, units, index[k + 5] as number, index[k + 1] as number, true, seen, ids);
    const length = index[k + 1] as number;
    if (length < 3) continue;
    const head = index[k + 3] as number;
    slot = (head ^ (head >>> 12) ^ (head >>> 24)) & 4095;
    if (((prefixBits[slot >>> 5] as number) & (1 << (slot & 31))) !== 0) markCues(prefix, head, units, index[k + 5] as number, length, false, seen, ids);
  }
  for (const [mark, id] of registry.marks) {
    if (text.includes(mark)) {
      seen[id] = 1;
      ids.push(id);
    }
  }
  lastSeen = seen;
  lastSeenIds = ids;
  return seen;
}

/** The cues of the last `seenCues` answer, as a list: the expressions to try are found from them. */
let lastSeen: Uint8Array | undefined;
let lastSeenIds: readonly number[] = [];

/** The ids set in `seen`. */
export function seenIds(seen: Uint8Array): readonly number[] {
  if (seen === lastSeen) return lastSeenIds;
  const ids: number[] = [];
  for (let id = 0; id < seen.length; id++) if (seen[id] === 1) ids.push(id);
  return ids;
}

