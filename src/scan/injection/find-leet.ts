import { ATTACK_VOCABULARY } from './attack-vocabulary.js';

// A letter next to a digit or symbol that leetspeak uses for letters.
const LEET_HINT = /[a-z][0134578@$|!]|[0134578@$|][a-z]/g;
const LETTER = /[a-z]/;
const LEET_CHAR = /[0134578@$|!]/;
const MAX_TOKEN = 40;
const MAX_HINTS = 64;

const FIRST: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '|': 'l', '!': 'i',
};
// "1" and "|" read as either i or l; the second reading is tried when the first is no word.
const SECOND: Readonly<Record<string, string>> = { ...FIRST, '1': 'l', '|': 'i' };

function isTokenChar(c: number): boolean {
  // a-z 0-9 @ $ | !
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x40 || c === 0x24 || c === 0x7c || c === 0x21;
}

function readAs(token: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of token) out += table[ch] ?? ch;
  return out;
}

function readToken(token: string): string | undefined {
  const bare = token.replace(/!+$/, '');
  if (bare.length < 3 || !LETTER.test(bare) || !LEET_CHAR.test(bare)) return undefined;
  for (const table of [FIRST, SECOND]) {
    const word = readAs(bare, table);
    if (ATTACK_VOCABULARY.has(word)) return word + token.slice(bare.length);
  }
  return undefined;
}

/**
 * Reads leetspeak ("1gn0r3 pr3v10u5") back into letters. Only tokens mixing letters with digits or
 * symbols are read, and only readings that are vocabulary words replace them; the result is kept
 * when two tokens were read, or one of five letters or more ("h4ck3d", not "mp3"). Tokens are found
 * from their letter–digit seams, at most 64 of them, so the cost does not grow with plain words.
 * `seams`, when given, are where every seam of `text` begins, in order (`quickScan` lists them for
 * a lower-cased text), so the text need not be searched for them.
 */
export function findLeet(text: string, seams?: readonly number[]): string | undefined {
  const edits: [number, number, string][] = [];
  let from = 0;
  let hints = 0;
  let longest = 0;
  // The seam at `at`, as LEET_HINT finds them; false when no more are to be read.
  const read = (at: number): boolean => {
    if (++hints > MAX_HINTS) return false;
    if (at < from) return true;
    let start = at;
    while (start > from && start > at - MAX_TOKEN && isTokenChar(text.charCodeAt(start - 1))) start--;
    let end = at + 2;
    while (end < text.length && end < at + MAX_TOKEN && isTokenChar(text.charCodeAt(end))) end++;
    from = end;
    const word = readToken(text.slice(start, end));
    if (word === undefined) return true;
    edits.push([start, end, word]);
    longest = Math.max(longest, word.replace(/!+$/, '').length);
    return true;
  };
  if (seams === undefined) {
    for (const m of text.matchAll(LEET_HINT)) if (!read(m.index)) break;
  } else {
    // LEET_HINT's matches are two characters long and never overlap: each is the first seam at or
    // after the end of the one before.
    let next = 0;
    for (const at of seams) {
      if (at < next) continue;
      next = at + 2;
      if (!read(at)) break;
    }
  }
  if (edits.length < 2 && longest < 5) return undefined;
  const out: string[] = [];
  let at = 0;
  for (const [start, end, word] of edits) {
    out.push(text.slice(at, start), word);
    at = end;
  }
  out.push(text.slice(at));
  return out.join('');
}
