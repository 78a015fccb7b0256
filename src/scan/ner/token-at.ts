import type { TokenList } from './tokenize.js';

/** Index of the token that holds UTF-16 offset `offset` (or the first token after it). */
export function tokenAt(toks: TokenList, offset: number): number {
  let lo = 0;
  let hi = toks.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((toks.end[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
