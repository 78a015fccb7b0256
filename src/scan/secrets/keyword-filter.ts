/**
 * The keyword pre-filter: which of a fixed set of lower-case ASCII keywords occur in a text,
 * case-insensitively, in one pass (an Aho-Corasick automaton compiled to a dense transition table
 * over the keywords' own alphabet). One pass for all rules instead of one search per keyword is
 * what lets a scan skip nearly every rule on ordinary text.
 */
export interface KeywordFilter {
  /** The keywords, in the order given (deduplicated); flags use these indices. */
  readonly keywords: readonly string[];
  /** Index of `keyword` in {@link keywords}, or -1. */
  indexOf(keyword: string): number;
  /** One flag per keyword: 1 when it occurs in `text` (ASCII case-insensitively), else 0. */
  scan(text: string): Uint8Array;
  /**
   * The indices of the keywords that occur (each once, in the order their first occurrences end)
   * rather than one flag per keyword: on ordinary text one or two keywords occur out of hundreds,
   * so the caller visits those only. Also the start offsets of every occurrence of the keywords
   * marked in `track` (by index), in text order; a keyword without a list did not occur or was
   * not tracked.
   */
  hits(text: string, track: Uint8Array): { found: number[]; positions: readonly (number[] | undefined)[] };
}

// What `hits` returns when no tracked keyword occurs (nearly always): shared, so never written to.
const NO_POSITIONS: readonly (number[] | undefined)[] = Object.freeze([]);

/** Builds the automaton. Throws a plain Error for an empty or non-lower-case-ASCII keyword. */
export function compileKeywordFilter(input: readonly string[]): KeywordFilter {
  const keywords = [...new Set(input)];
  for (const k of keywords) {
    if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k) || k !== k.toLowerCase()) {
      throw new Error(`secret keyword must be non-empty lower-case printable ASCII (spaces allowed): ${JSON.stringify(k)}`);
    }
  }

  // Symbol 0 stands for every character no keyword contains; A-Z share their lower-case symbol.
  const symbolOf = new Uint8Array(128);
  let symbols = 1;
  for (const k of keywords) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (symbolOf[c] === 0) symbolOf[c] = symbols++;
    }
  }
  for (let c = 65; c <= 90; c++) symbolOf[c] = symbolOf[c + 32]!;

  // Trie.
  const children: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  keywords.forEach((k, index) => {
    let state = 0;
    for (let i = 0; i < k.length; i++) {
      const sym = symbolOf[k.charCodeAt(i)]!;
      let next = children[state]!.get(sym);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outputs.push([]);
        children[state]!.set(sym, next);
      }
      state = next;
    }
    outputs[state]!.push(index);
  });

  // Failure links (breadth first), folded into a full transition table.
  const stateCount = children.length;
  const delta = new Int32Array(stateCount * symbols);
  const fail = new Int32Array(stateCount);
  const queue: number[] = [];
  for (let sym = 1; sym < symbols; sym++) {
    const next = children[0]!.get(sym);
    if (next !== undefined) {
      delta[sym] = next * symbols;
      queue.push(next);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let sym = 1; sym < symbols; sym++) {
      const next = children[state]!.get(sym);
      if (next !== undefined) {
        fail[next] = delta[fail[state]! * symbols + sym]! / symbols;
        delta[state * symbols + sym] = next * symbols;
        queue.push(next);
      } else {
        delta[state * symbols + sym] = delta[fail[state]! * symbols + sym]!;
      }
    }
  }

  // Outputs indexed by the state's row offset, so the scan loop never divides.
  const outAt = new Map<number, readonly number[]>();
  const hasOut = new Uint8Array(stateCount * symbols + 1);
  outputs.forEach((out, state) => {
    if (out.length > 0) {
      outAt.set(state * symbols, [...new Set(out)]);
      hasOut[state * symbols] = 1;
    }
  });
  const index = new Map(keywords.map((k, i) => [k, i]));

  const lengths = keywords.map((k) => k.length);
  // Which keywords `hits` has listed so far; cleared before it returns (scans are synchronous).
  const listed = new Uint8Array(keywords.length);

  return {
    keywords,
    indexOf: (keyword) => index.get(keyword) ?? -1,
    hits(text, track) {
      const found: number[] = [];
      let positions: (number[] | undefined)[] | undefined;
      let row = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        row = delta[row + (c < 128 ? symbolOf[c]! : 0)]!;
        if (hasOut[row] === 1) {
          for (const k of outAt.get(row)!) {
            if (listed[k] === 0) {
              listed[k] = 1;
              found.push(k);
            }
            if (track[k] === 1) ((positions ??= [])[k] ??= []).push(i + 1 - lengths[k]!);
          }
        }
      }
      for (const k of found) listed[k] = 0;
      return { found, positions: positions ?? NO_POSITIONS };
    },
    scan(text) {
      const flags = new Uint8Array(keywords.length);
      let row = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        row = delta[row + (c < 128 ? symbolOf[c]! : 0)]!;
        if (hasOut[row] === 1) for (const k of outAt.get(row)!) flags[k] = 1;
      }
      return flags;
    },
  };
}
