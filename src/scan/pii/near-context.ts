import { CONTEXT_WINDOW_AFTER, CONTEXT_WINDOW_BEFORE } from '../context-words.js';

/** How a context-first detector finds its candidates. */
export interface NearCueSearch {
  /**
   * Global regex over rare cue words: a cheap superset of the detector's context words (each
   * context word must contain a cue match). Needs the `g` flag.
   */
  readonly cue: RegExp;
  /**
   * Global regex over candidate values; needs the `g` flag. It runs on a slice of the text around
   * each cue, so `visit` must check the value's real neighbours in the full text.
   */
  readonly candidate: RegExp;
  /** Longest candidate the `candidate` regex can match, in UTF-16 units. */
  readonly maxLength: number;
}

/**
 * Calls `visit(start, end, value)` once for every `candidate` match close enough to a cue that a
 * context word there could lie within the scanner's context window. Detectors whose values are
 * shapeless (any 9 digits could be a licence number) report nothing without context, so they look
 * only near the rare cue words instead of at every number; `visit` still confirms the context.
 */
export function forEachNearCue(
  text: string,
  search: NearCueSearch,
  visit: (start: number, end: number, value: string) => void,
): void {
  const { cue, candidate, maxLength } = search;
  cue.lastIndex = 0;
  let scannedTo = 0;
  let visitedTo = 0;
  for (let hit = cue.exec(text); hit !== null; hit = cue.exec(text)) {
    // A candidate whose context word starts at this hit begins at most WINDOW_BEFORE units after
    // the word and ends at most WINDOW_AFTER units before it. Windows of nearby cues overlap by
    // maxLength, so a value cut by the previous window's edge is seen whole in this one.
    const from = Math.max(scannedTo - maxLength, hit.index - CONTEXT_WINDOW_AFTER - maxLength, 0);
    const to = Math.min(text.length, hit.index + hit[0].length + CONTEXT_WINDOW_BEFORE + maxLength);
    if (from >= to) continue;
    // Search a slice: on the whole text a failing search would run on to its end for every cue.
    const window = text.slice(from, to);
    candidate.lastIndex = 0;
    for (let m = candidate.exec(window); m !== null; m = candidate.exec(window)) {
      const start = from + m.index;
      const end = start + m[0].length;
      // A match touching the slice's end may be cut short; the next window (or none) decides.
      if (start < visitedTo || (end === to && to < text.length)) continue;
      visitedTo = end;
      visit(start, end, m[0]);
    }
    scannedTo = to;
  }
}
